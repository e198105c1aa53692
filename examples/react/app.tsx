// React 19: the elements as JSX (types from @docportal/widgets/react). Events are on + the
// event name as dispatched: ondoc-uploaded.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@docportal/widgets';
import type {} from '@docportal/widgets/react';

const api = document.getElementById('root')!.dataset.api!;

function App() {
  const [published, setPublished] = useState<string[]>([]);
  return (
    <main>
      <h1>Dokumente veröffentlichen</h1>
      <doc-provider base-url={api} token={() => 'manager'} scope="property:rosenweg-24">
        <doc-uploader
          document-type="objektunterlagen"
          ondoc-uploaded={(e) => setPublished((p) => [...p, e.detail.document.title])}
        />
        <doc-folder-tree mode="manage" />
      </doc-provider>
      <p role="status">
        {published.length ? `Veröffentlicht: ${published.join(', ')}` : 'Noch nichts veröffentlicht.'}
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
