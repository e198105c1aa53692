/** The file kinds the product accepts. */
export type FileKind = 'pdf' | 'doc' | 'docx' | 'jpeg' | 'png';

export interface FileKindInfo {
  readonly mimeType: string;
  readonly extensions: readonly string[];
}

export const FILE_KINDS: Readonly<Record<FileKind, FileKindInfo>> = {
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'] },
  doc: { mimeType: 'application/msword', extensions: ['doc'] },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  jpeg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mimeType: 'image/png', extensions: ['png'] },
};

/** The `accept` list of a file input for the allowed kinds (marked pure: a bundle without a file input leaves it out). */
export const ACCEPT = /* @__PURE__ */ (() =>
  Object.values(FILE_KINDS)
    .flatMap((k) => [k.mimeType, ...k.extensions.map((x) => `.${x}`)])
    .join(','))();

/** The kind a file name claims by its extension, or null. */
export function kindOfName(fileName: string): FileKind | null {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) return null;
  for (const [kind, info] of Object.entries(FILE_KINDS))
    if (info.extensions.includes(ext)) return kind as FileKind;
  return null;
}

/**
 * The kind a declared MIME type claims: a kind, `unknown` when nothing useful was declared
 * (`''`, `application/octet-stream`), or null for a type that is not allowed.
 */
export function kindOfMimeType(mimeType: string): FileKind | 'unknown' | null {
  const m = mimeType.split(';')[0]!.trim().toLowerCase();
  if (m === '' || m === 'application/octet-stream') return 'unknown';
  if (m === 'image/jpg' || m === 'image/pjpeg') return 'jpeg';
  for (const [kind, info] of Object.entries(FILE_KINDS)) if (info.mimeType === m) return kind as FileKind;
  return null;
}
