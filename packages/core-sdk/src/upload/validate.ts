import { rethrow } from '../errors.js';
import { blobSource, sniff } from '../files/sniff.js';
import { FILE_KINDS, kindOfMimeType, kindOfName, type FileKind } from '../files/kinds.js';
import { cleanFileName } from '../files/names.js';
import { MAX_FILE_SIZE } from '../schemas/uploads.js';

export type FileCheck =
  | { ok: true; kind: FileKind; mimeType: string }
  | { ok: false; code: 'unsupported_file_type' | 'file_too_large' | 'empty_file'; message: string };

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

/**
 * Checks a file before anything is sent: size, then its content (magic bytes, and the inner
 * structure of Word files), which must agree with its name and declared type. Reads only a few
 * slices of the file. Rejects (code `unexpected`, the browser's error as `cause`) only when the
 * file cannot be read.
 */
export async function validateFile(file: Blob, options: { maxSize?: number } = {}): Promise<FileCheck> {
  const max = options.maxSize ?? MAX_FILE_SIZE;
  const name = cleanFileName((file as File).name ?? '');
  if (file.size === 0) return { ok: false, code: 'empty_file', message: 'The file is empty.' };
  if (file.size > max)
    return {
      ok: false,
      code: 'file_too_large',
      message: `The file has ${mb(file.size)}; at most ${mb(max)} are allowed.`,
    };
  const unsupported = (message: string): FileCheck => ({ ok: false, code: 'unsupported_file_type', message });
  const byName = (file as File).name ? kindOfName(name) : undefined;
  if (byName === null) return unsupported(`"${name}" is not a PDF, Word (.doc, .docx), JPEG or PNG file.`);
  const declared = kindOfMimeType(file.type);
  if (declared === null)
    return unsupported(`Files of type "${file.type}" are not accepted; use PDF, Word, JPEG or PNG.`);
  // A file that cannot be read (gone from the disk since it was chosen) fails as a DocPortalError.
  const kind = await sniff(blobSource(file)).catch(rethrow);
  if (!kind) return unsupported('The content is not a PDF, Word, JPEG or PNG file.');
  if ((byName && byName !== kind) || (declared !== 'unknown' && declared !== kind))
    return unsupported(
      `The content is ${kind.toUpperCase()}, but the file claims to be something else; rename it to match.`,
    );
  return { ok: true, kind, mimeType: FILE_KINDS[kind].mimeType };
}
