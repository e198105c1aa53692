// The uploader's file intake: each file added (drop, paste, dialog) is checked by its bytes and size and
// against `accept`; the good ones become rows, the others refusals in words (and `doc-file-rejected`).
import { validateFile, type FileCheck, type FileKind } from '@docportal/core-sdk';
import { FILE_KINDS, blobSource, defaultTitle, kindOfName, sniff } from '@docportal/core-sdk/internal';
import { DocFileRejectedEvent } from '../../events/uploader-events.js';
import { nextKey, type Item, type Rejection, type Uploader } from './doc-uploader.internals.js';

/**
 * Checks each file (content, size) and adds the good ones; refusals are shown in words. `user` is
 * the identity the files were chosen under: when another one signed in meanwhile, nothing is added.
 */
export async function addFiles(up: Uploader, files: File[], user: Uploader['identity']): Promise<void> {
  const t = up.i18n.t.uploader;
  const rejected: Rejection[] = [];
  const added: Item[] = [];
  const room = up.single ? Math.max(0, 1 - up.items.filter((i) => i.status !== 'done').length) : Infinity;
  for (const [n, f] of files.entries()) {
    if (n >= room) {
      rejected.push({ key: nextKey(), name: f.name, message: t.rejectSingle });
      up.emit(new DocFileRejectedEvent({ file: f, code: 'too_many_files' }));
      continue;
    }
    // A file that cannot be read (gone from the disk since it was chosen) is refused like a bad one.
    const check = await validateFile(f, { maxSize: up.maxSize }).catch(() => undefined);
    if (!check?.ok || !allowedByAccept(up.accept, f, check.kind)) {
      const code = refusalCode(check);
      rejected.push({ key: nextKey(), name: f.name, message: await refusal(up, code, f) });
      up.emit(new DocFileRejectedEvent({ file: f, code }));
      continue;
    }
    const first = up.lead ?? up.items[0];
    added.push({
      key: nextKey(),
      file: f,
      title: defaultTitle(f.name),
      typeId: up.documentType ?? first?.typeId ?? '',
      shares: first ? [...first.shares] : [],
      status: 'ready',
      loaded: 0,
      // An image (by its bytes, not its name) gets a preview.
      thumb: FILE_KINDS[check.kind].mimeType.startsWith('image/') ? URL.createObjectURL(f) : undefined,
    });
  }
  // Another user signed in while the bytes were read: these files are not theirs to see or send.
  if (up.identity !== user) return added.forEach((i) => i.thumb && URL.revokeObjectURL(i.thumb));
  if (added.length) up.published = [];
  up.items = [...up.items.filter((i) => i.status !== 'done'), ...added];
  up.rejections = [...rejected, ...up.rejections].slice(0, 5);
  // A refusal is said by its notice (role="alert"); the status line says only what was added.
  if (added.length) up.announce(t.added(added.length));
}

/** Why a file is refused: what its check found; `accept` when the check passed; unreadable when it could not run. */
function refusalCode(check: FileCheck | undefined): string {
  if (!check) return 'unreadable_file';
  return check.ok ? 'unsupported_file_type' : check.code;
}

/** Whether `accept` (extensions, MIME types, `type/*`) allows the file; its content was checked before. */
function allowedByAccept(accept: string, f: File, kind: FileKind): boolean {
  const parts = accept
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (!parts.length) return true;
  const ext = kindOfName(f.name) ? `.${f.name.split('.').pop()!.toLowerCase()}` : '';
  const mime = FILE_KINDS[kind].mimeType;
  return parts.some((p) => p === ext || p === mime || (p.endsWith('/*') && mime.startsWith(p.slice(0, -1))));
}

/** Why a file is refused, in words: too large, empty, another kind of file, or not one at all. */
async function refusal(up: Uploader, code: string, f: File): Promise<string> {
  const t = up.i18n.t.uploader;
  if (code === 'file_too_large') return tooLarge(up, f.size);
  if (code === 'empty_file') return t.rejectEmpty;
  // Its check could not read it: the words of an unexpected failure, without reading it again.
  if (code === 'unreadable_file') return up.i18n.t.errors.other;
  // (A file gone since its check was read is said to be of another kind, not lost with the others.)
  return (await disguised(up, f).catch(() => undefined)) ?? t.rejectType;
}

/** For a file whose content is an allowed kind under another kind's name: what it really is. */
async function disguised(up: Uploader, f: File): Promise<string | undefined> {
  const named = kindOfName(f.name);
  const kind = named ? await sniff(blobSource(f)) : null;
  if (!kind || kind === named) return undefined;
  const t = up.i18n.t.uploader;
  const proper = `${f.name.replace(/\.[^.]*$/, '')}.${FILE_KINDS[kind].extensions[0]}`;
  return t.rejectDisguised(f.name, t.kinds[kind], proper);
}

/** "The file is X; at most Y": in exact bytes when both would read the same ("50 MB" vs "50 MB"). */
function tooLarge(up: Uploader, size: number): string {
  let [a, b] = [up.i18n.size(size), up.i18n.size(up.maxSize)];
  if (a === b) {
    const bytes = new Intl.NumberFormat(up.i18n.locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
    [a, b] = [bytes.format(size), bytes.format(up.maxSize)];
  }
  return up.i18n.t.uploader.rejectTooLarge(a, b);
}
