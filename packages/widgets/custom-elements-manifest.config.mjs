// Custom elements manifest (`npm run manifest`): the Lit analyzer reads `static properties`
// (ConnectedElement's too, so that each element lists the attributes it inherits); a
// reactive `{ state: true }` entry is internal state, never an attribute, so private and
// protected fields lose the attribute the analyzer would give them.
export default {
  litelement: true,
  globs: ['src/components/**/*.component.ts', 'src/internal/connected-element.ts'],
  outdir: '.',
  plugins: [
    {
      name: 'docportal-no-attributes-for-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            const internal = new Set((decl.members ?? []).filter((m) => m.kind === 'field' && (m.privacy === 'private' || m.privacy === 'protected')).map((m) => m.name));
            if (!internal.size) continue;
            for (const m of decl.members) if (internal.has(m.name)) delete m.attribute;
            decl.attributes = (decl.attributes ?? []).filter((a) => !internal.has(a.fieldName));
          }
        }
      },
    },
  ],
};
