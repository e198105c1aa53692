// The script-tag bundle (what dist/docportal-widgets.js holds), loaded by a plain <script type="module">.
export * from '../../packages/widgets/src/bundle.ts';
