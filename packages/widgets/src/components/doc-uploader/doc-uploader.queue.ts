// The uploader's upload queue: sending the files (a few at a time), cancel and retry with focus kept, resuming kept uploads, and the success message.
import { defaultTitle } from '@docportal/core-sdk/internal';
import {
  DocUploadedEvent,
  DocUploadErrorEvent,
  DocUploadProgressEvent,
  DocUploadStartEvent,
} from '../../events/uploader-events.js';
import { nextKey, type Item, type Uploader } from './doc-uploader.internals.js';
import { discardKept as discardKeptUploads } from './resume-offer.js';

export async function submit(up: Uploader, e: Event): Promise<void> {
  e.preventDefault();
  if (up.busy || up.disabled) return;
  const t = up.i18n.t.uploader;
  const todo = up.items.filter(
    (i) => i.status === 'ready' || i.status === 'error' || i.status === 'cancelled',
  );
  let firstInvalid: string | undefined;
  for (const i of todo) {
    i.invalid = { title: !i.title.trim(), type: !i.typeId };
    if (firstInvalid || !(i.invalid.title || i.invalid.type)) continue;
    if (i.invalid.title) firstInvalid = `#title-${i.key}`;
    else firstInvalid = up.several && !i.own ? '#type-all' : `#type-${i.key}`;
    // A field of the file's own: its details open, so that focus can go there.
    i.edit ||= firstInvalid !== '#type-all';
  }
  up.items = [...up.items];
  if (firstInvalid) {
    up.announce(t.fixErrors);
    await up.focusAfterUpdate(firstInvalid);
    return;
  }
  up.busy = true;
  up.batch = todo;
  for (const i of todo) i.status = 'waiting';
  const line = [...todo];
  const next = async (): Promise<void> => {
    for (let i = line.shift(); i; i = line.shift()) if (i.status === 'waiting') await send(up, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(6, up.parallelUploads || 1)) }, next));
  up.busy = false;
  await finish(up);
}

/** The offer's "fortsetzen": the kept files become cards again and upload, resuming where they were. */
export async function resumeKept(up: Uploader): Promise<void> {
  const kept = up.kept;
  // Clicked again before the offer went (a double click): the first click took them all.
  if (!kept.length) return;
  up.kept = [];
  up.$('.dropzone')?.focus();
  const added: Item[] = kept.map((u) => ({
    key: nextKey(),
    file: u.file as File,
    title: u.title ?? defaultTitle((u.file as File).name),
    typeId: u.documentTypeId ?? '',
    shares: u.shares ?? [],
    status: 'ready',
    loaded: 0,
  }));
  up.published = [];
  up.items = [...up.items.filter((i) => i.status !== 'done'), ...added];
  up.busy = true;
  for (const i of added) await send(up, i);
  up.busy = false;
  await finish(up);
}

/** The offer's "verwerfen": sessions and kept bytes go. */
export async function discardKept(up: Uploader): Promise<void> {
  const kept = up.kept;
  if (!kept.length) return;
  up.kept = [];
  up.$('.dropzone')?.focus();
  if (up.api) await discardKeptUploads(up.api, kept);
  up.announce(up.i18n.t.uploader.discarded(kept.length));
}

/** When every file is published: the success message, with focus on it. */
async function finish(up: Uploader): Promise<void> {
  const done = up.items.filter((i) => i.status === 'done');
  if (done.length && done.length === up.items.length) {
    up.told = await toldCount(up, done);
    up.published = done.map((i) => i.doc!);
    up.items = [];
    up.announce(successText(up));
    await up.focusAfterUpdate('.success .heading');
  }
}

/** The people all the files' shares reach together, counted by the server. */
async function toldCount(up: Uploader, done: Item[]): Promise<number | undefined> {
  const api = up.api;
  const scope = up.scopeValue;
  const seen = new Set<string>();
  const targets = done
    .flatMap((i) => i.shares)
    .filter((x) => !seen.has(JSON.stringify(x)) && !!seen.add(JSON.stringify(x)));
  if (targets.length === 0) return 0;
  if (!api || !scope || targets.length > 100) return undefined;
  try {
    return (await api.recipients.resolve({ scope, targets })).count;
  } catch {
    return undefined;
  }
}

/** "3 Dokumente in „Objektunterlagen“ veröffentlicht · 4 Empfänger werden morgen benachrichtigt". */
export function successText(up: Uploader): string {
  const t = up.i18n.t.uploader;
  const docs = up.published;
  const typeIds = new Set(docs.map((d) => d.documentTypeId));
  const folder =
    typeIds.size === 1 ? up.types.find((x) => x.id === docs[0]!.documentTypeId)?.name : undefined;
  const what = folder ? t.published(docs.length, folder) : t.publishedAnywhere(docs.length);
  return up.told === undefined ? what : `${what} · ${t.told(up.i18n.number(up.told), up.told, docs.length)}`;
}

export async function retryItem(up: Uploader, item: Item): Promise<void> {
  await send(up, item);
  if (!up.busy) await finish(up);
}

/**
 * A card's cancel and retry buttons replace each other: when focus was on one of them, it moves
 * to the one now shown (or to the submit button, the success message, the drop zone), never to
 * the page.
 */
function keepFocus(up: Uploader, item: Item, had: boolean): void {
  if (!had) return;
  void up.updateComplete.then(() => {
    const root = up.renderRoot as ShadowRoot;
    if (root.activeElement) return;
    for (const sel of [
      `#cancel-${item.key}`,
      `#retry-${item.key}`,
      'button[type="submit"]',
      '.success .heading',
      '.dropzone',
    ]) {
      const next = root.querySelector<HTMLElement>(sel);
      if (next) return next.focus();
    }
  });
}

function focusOnButtonsOf(up: Uploader, item: Item): boolean {
  const id = (up.renderRoot as ShadowRoot).activeElement?.id;
  return id === `cancel-${item.key}` || id === `retry-${item.key}`;
}

async function send(up: Uploader, item: Item): Promise<void> {
  const api = up.api;
  const scope = up.scopeValue;
  const t = up.i18n.t.uploader;
  // Retried again before the card changed (a double click): the file is on its way already.
  if (!api || !scope || item.status === 'uploading') return;
  const ctl = new AbortController();
  let had = focusOnButtonsOf(up, item);
  up.updateItem(item, { status: 'uploading', loaded: 0, error: undefined, ctl, announcedQuarter: 0 });
  keepFocus(up, item, had);
  up.emit(new DocUploadStartEvent({ file: item.file }));
  try {
    const doc = await api.documents.upload(item.file, {
      title: item.title.trim(),
      documentTypeId: item.typeId,
      scope,
      shares: item.shares,
      signal: ctl.signal,
      onProgress: ({ loaded, total }) => {
        up.updateItem(item, { loaded });
        up.emit(new DocUploadProgressEvent({ file: item.file, loaded, total }));
        const quarter = Math.floor((loaded / total) * 4);
        if (quarter > (item.announcedQuarter ?? 0) && quarter < 4) {
          item.announcedQuarter = quarter;
          up.announce(t.announceProgress(item.title, up.i18n.percent(quarter / 4)));
        }
      },
    });
    had = focusOnButtonsOf(up, item);
    up.updateItem(item, { status: 'done', doc, ctl: undefined, loaded: item.file.size });
    keepFocus(up, item, had);
    up.emit(new DocUploadedEvent({ document: doc }));
    up.bus.publish('documents-changed');
    up.announce(t.announceDone(item.title));
  } catch (error) {
    const cancelled = ctl.signal.aborted;
    had = focusOnButtonsOf(up, item);
    up.updateItem(item, { status: cancelled ? 'cancelled' : 'error', error, ctl: undefined });
    keepFocus(up, item, had);
    // The card's notice says it (an alert naming the file), not the status line too.
    up.emit(new DocUploadErrorEvent({ file: item.file, error }));
  }
}
