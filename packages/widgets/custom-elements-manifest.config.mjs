// Custom elements manifest (`npm run manifest`): the Lit analyzer reads `static properties`
// (ConnectedElement's too, so that each element lists the attributes it inherits); a
// reactive `{ state: true }` entry is internal state, never an attribute, so private and
// protected fields lose the attribute the analyzer would give them. The manifest describes the
// published package: each element's module is the file that defines it (`dist/<tag>.js`, the
// `@docportal/widgets/<tag>.js` export) with a `custom-element-definition` export; internal
// base classes are no module of the package, so references to them keep only their name.

/** `src/components/<tag>/<tag>.component.ts` → `dist/<tag>.js`; anything else is internal. */
const published = (path) => {
  const m = /^\/?src\/components\/([a-z-]+)\/\1\.component\.[jt]s$/.exec(path ?? '');
  return m ? `dist/${m[1]}.js` : undefined;
};

/** A reference to a declaration, pointed at its published module or left with its name only. */
const ref = (r) => {
  if (!r?.module) return r;
  const module = published(r.module);
  const { module: _, ...rest } = r;
  return module ? { ...r, module } : rest;
};

export default {
  litelement: true,
  globs: ['src/components/**/*.component.ts', 'src/internal/connected-element.ts'],
  outdir: '.',
  // package.json names the manifest itself; the analyzer must not rewrite it (the freshness test
  // runs the analyzer into a temporary folder, which it would write into package.json).
  packagejson: false,
  plugins: [
    {
      name: 'docportal-no-attributes-for-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            const internal = new Set(
              (decl.members ?? [])
                .filter((m) => m.kind === 'field' && (m.privacy === 'private' || m.privacy === 'protected'))
                .map((m) => m.name),
            );
            if (!internal.size) continue;
            for (const m of decl.members) if (internal.has(m.name)) delete m.attribute;
            decl.attributes = (decl.attributes ?? []).filter((a) => !internal.has(a.fieldName));
          }
        }
      },
    },
    {
      name: 'docportal-published-modules',
      packageLinkPhase({ customElementsManifest }) {
        const modules = [];
        for (const mod of customElementsManifest.modules) {
          const path = published(mod.path);
          if (!path) continue;
          const elements = (mod.declarations ?? []).filter((d) => d.customElement && d.tagName);
          for (const decl of elements) {
            if (decl.superclass) decl.superclass = ref(decl.superclass);
            for (const list of [
              decl.members,
              decl.attributes,
              decl.events,
              decl.cssProperties,
              decl.cssParts,
            ])
              for (const item of list ?? [])
                if (item.inheritedFrom) item.inheritedFrom = ref(item.inheritedFrom);
          }
          modules.push({
            ...mod,
            path,
            declarations: elements,
            exports: elements.flatMap((d) => [
              { kind: 'js', name: d.name, declaration: { name: d.name, module: path } },
              {
                kind: 'custom-element-definition',
                name: d.tagName,
                declaration: { name: d.name, module: path },
              },
            ]),
          });
        }
        // In path order, whatever order the file system lists the sources in (a fresh clone's may differ).
        customElementsManifest.modules = modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
