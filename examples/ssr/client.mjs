// The browser side: Lit's hydration support must load before any element is defined, so that
// the elements take over the server's declarative shadow DOM instead of rendering again.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '@docportal/widgets';
