// Renders the page on the server: every docportal element as declarative shadow DOM, with
// @lit-labs/ssr. Nothing is requested from the server: the elements load their data in the
// browser, after they hydrate.
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

// The elements inside a <doc-provider> read it through @lit/context, which needs their
// connectedCallback: Lit calls it on the server only when asked.
const docportal = /^(doc-|share-picker$)/;
if (!LitElementRenderer.renderOptions.some((o) => o.docportal)) {
  const connect = (element) => (docportal.test(element.localName) ? { connectedCallback: true } : undefined);
  connect.docportal = true;
  LitElementRenderer.renderOptions.push(connect);
}

// Registers the elements (Lit's Node build has a `customElements` of its own).
await import('@docportal/widgets');

/**
 * The whole page. `token` is the signed-in user's (here a token of the mock backend); `client`
 * is the URL of the script that hydrates the elements.
 */
export async function renderPage({ baseUrl = '/api/v1', token = 'manager', client = './client.js' } = {}) {
  const body = await collectResult(
    render(html`
      <main>
        <h1>Dokumente Rosenweg 24</h1>
        <doc-provider base-url=${baseUrl} token=${token} scope="property:rosenweg-24" locale="de">
          <doc-folder-tree mode="manage"></doc-folder-tree>
          <doc-uploader document-type="objektunterlagen"></doc-uploader>
        </doc-provider>
        <h2>Empfänger</h2>
        <share-picker
          base-url=${baseUrl}
          token=${token}
          scope="property:rosenweg-24"
          locale="de"
        ></share-picker>
      </main>
    `),
  );
  return `<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>docportal, server-rendered</title>
  <link rel="icon" href="data:,">
  <!-- One module: Lit's hydration support first, then the elements (see client.mjs). -->
  <script type="module" src="${client}"></script>
</head>
<body>${body}</body>
</html>`;
}
