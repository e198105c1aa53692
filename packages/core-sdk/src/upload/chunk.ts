// One chunk of a resumable upload: a PATCH at its offset, cut when its bytes stop moving (stall.ts).
import type { AxiosProgressEvent } from 'axios';
import { TimeoutError } from '../errors.js';
import { aborted, parse, pathOf, type Http } from '../internal/http.js';
import { appendUpload } from '../routes.js';
import { int } from '../schemas/common.js';
import { watchStall } from './stall.js';

/** `Upload-Offset` of an answer: built once (every built schema is remembered for the OpenAPI document). */
const Offset = int();

/** Sends bytes [from, to) at `from`; resolves the server's new offset. Aborts when no progress for `idleMs`. */
export async function sendChunk(
  http: Http,
  id: string,
  file: Blob,
  from: number,
  to: number,
  idleMs: number,
  signal: AbortSignal | undefined,
  progress: (loaded: number) => void,
): Promise<number> {
  if (signal?.aborted) throw aborted();
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  signal?.addEventListener('abort', stop, { once: true });
  let stalled = false;
  const progressed = watchStall(idleMs, () => {
    stalled = true;
    stop();
  });
  try {
    const res = await http.once(
      {
        method: appendUpload.method,
        path: pathOf(appendUpload.path, { id }),
        // The slice carries the content type: axios and XHR take a Blob's own type over a header.
        body: file.slice(from, to, 'application/offset+octet-stream'),
        headers: { 'Upload-Offset': String(from), 'Content-Type': 'application/offset+octet-stream' },
        // Through fetch (the `fetch` option) a progress listener would need request streams,
        // which browsers allow over HTTP/2 only: progress then comes per chunk.
        onUploadProgress: http.options.fetch
          ? undefined
          : (e: AxiosProgressEvent) => {
              progressed();
              progress(from + Math.min(e.loaded, to - from));
            },
      },
      { signal: ctl.signal, timeoutMs: 0 },
    );
    // Upload-Offset: how far the upload got; its absence breaks the contract.
    return parse(Offset, Number(res.headers['upload-offset']), res.status);
  } catch (e) {
    if (stalled && !signal?.aborted)
      throw new TimeoutError('The upload stalled.', { code: 'timeout', cause: e });
    throw e;
  } finally {
    progressed(false);
    signal?.removeEventListener('abort', stop);
  }
}
