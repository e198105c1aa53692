// Vue 3: the elements in a render function (no template compiler needed). Vue sets a prop as a
// property when the element has one, and onDocUploaded listens to `doc-uploaded`.
import { createApp, defineComponent, h, ref } from 'vue';
import '@docportal/widgets';
import type { DocUploadedEvent } from '@docportal/widgets';

const api = document.getElementById('root')!.dataset.api!;

const App = defineComponent(() => {
  const published = ref<string[]>([]);
  return () =>
    h('main', [
      h('h1', 'Dokumente veröffentlichen'),
      h('doc-provider', { 'base-url': api, token: () => 'manager', scope: 'property:rosenweg-24' }, [
        h('doc-uploader', {
          'document-type': 'objektunterlagen',
          onDocUploaded: (e: DocUploadedEvent) => published.value.push(e.detail.document.title),
        }),
        h('doc-folder-tree', { mode: 'manage' }),
      ]),
      h(
        'p',
        { role: 'status' },
        published.value.length
          ? `Veröffentlicht: ${published.value.join(', ')}`
          : 'Noch nichts veröffentlicht.',
      ),
    ]);
});

createApp(App).mount('#root');
