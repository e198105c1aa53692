/**
 * Unit tests of the SDK's file handling: content sniffing, kinds by name and declared type,
 * file-name cleaning, default titles, and scope strings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatScope, parseScope } from '../src/index.ts';
import {
  blobSource,
  bytesSource,
  cleanFileName,
  defaultTitle,
  kindOfMimeType,
  kindOfName,
  sniff,
  type ByteSource,
} from '../src/internal.ts';
import {
  badFiles,
  makeDoc,
  makeDocx,
  makeJpeg,
  makeOle2,
  makePdf,
  makePng,
  makeZip,
} from '@docportal/mock-server/testing';

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s).byteLength;
const sniffBytes = (b: Uint8Array) => sniff(bytesSource(b));
/** True when a string holds an unpaired surrogate (an emoji cut in half). */
const brokenSurrogate = (s: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** Deterministic pseudo-random bytes. */
function garbage(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('sniff', () => {
  it('recognises each accepted kind by its content', async () => {
    assert.equal(await sniffBytes(makePdf('Hausordnung')), 'pdf');
    assert.equal(await sniffBytes(makePng(4, 4)), 'png');
    assert.equal(await sniffBytes(makePng(300, 300)), 'png');
    assert.equal(await sniffBytes(makeJpeg()), 'jpeg');
    assert.equal(await sniffBytes(makeDoc()), 'doc');
    assert.equal(await sniffBytes(makeOle2('WordDocument', 100_000)), 'doc');
    assert.equal(await sniffBytes(makeDocx('Mietvertrag')), 'docx');
  });

  it('works over a Blob as well as over bytes', async () => {
    assert.equal(await sniff(blobSource(new Blob([makePdf('x') as Uint8Array<ArrayBuffer>]))), 'pdf');
    assert.equal(await sniff(blobSource(new Blob([makeDocx('x') as Uint8Array<ArrayBuffer>]))), 'docx');
    assert.equal(await sniff(blobSource(new Blob([makeDoc() as Uint8Array<ArrayBuffer>]))), 'doc');
    assert.equal(await sniff(blobSource(new Blob([]))), null);
  });

  it('reads only slices of a large file, never the whole of it', async () => {
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(makePdf('x'));
    let read = 0;
    const counting = (b: Uint8Array): ByteSource => ({
      size: b.byteLength,
      read: (o, l) => ((read += Math.min(l, b.byteLength - o)), b.subarray(o, o + l)),
    });
    assert.equal(await sniff(counting(big)), 'pdf');
    assert.ok(read <= 512, `read ${read} bytes`);
    const bigDoc = new Uint8Array(20 * 1024 * 1024);
    bigDoc.set(makeDoc());
    read = 0;
    assert.equal(await sniff(counting(bigDoc)), 'doc');
    assert.ok(read <= 4 * 512, `read ${read} bytes`);
  });

  it('refuses every bad file of the quality bars by content (no kind, or not the kind the name claims)', async () => {
    const files = badFiles();
    assert.equal(files.length, 6);
    for (const f of files) {
      const kind = await sniffBytes(f.bytes);
      assert.notEqual(kind, kindOfName(f.name), `${f.name}: ${f.why}`);
      // The PNG named .pdf is a real PNG; every other one is no accepted kind at all.
      assert.equal(kind, f.name === 'foto.pdf' ? 'png' : null, `${f.name}: ${f.why}`);
    }
  });

  it('an empty file is nothing', async () => {
    assert.equal(await sniffBytes(new Uint8Array()), null);
  });

  it('signatures alone are not enough when they are cut short', async () => {
    // Fewer bytes than the signature.
    assert.equal(await sniffBytes(Uint8Array.of(0x25, 0x50, 0x44, 0x46)), null); // %PDF without the dash
    assert.equal(await sniffBytes(makePng(2, 2).subarray(0, 7)), null);
    assert.equal(await sniffBytes(Uint8Array.of(0xff, 0xd8)), null);
  });

  it('a truncated OLE2 file is not a DOC', async () => {
    const doc = makeDoc();
    assert.equal(await sniffBytes(doc.subarray(0, 8)), null); // signature only
    assert.equal(await sniffBytes(doc.subarray(0, 300)), null); // partial header
    assert.equal(await sniffBytes(doc.subarray(0, 512)), null); // header, no FAT or directory
    assert.equal(await sniffBytes(doc.subarray(0, 1024)), null); // header and FAT, no directory
    assert.equal(await sniffBytes(doc.subarray(0, 1536)), 'doc'); // the directory is there: enough
  });

  it('an OLE2 file with a bad sector shift or no WordDocument stream is not a DOC', async () => {
    const doc = makeDoc().slice();
    doc[0x1e] = 7; // sector shift 7: not a valid compound file
    assert.equal(await sniffBytes(doc), null);
    assert.equal(await sniffBytes(makeOle2('Workbook')), null);
    assert.equal(await sniffBytes(makeOle2('WordDocumen')), null);
    assert.equal(await sniffBytes(makeOle2('WordDocuments')), null);
  });

  it('an OLE2 file whose directory chain loops does not hang', async () => {
    const doc = makeDoc().slice();
    // FAT entry of the directory sector (sector 1) points back at itself.
    new DataView(doc.buffer).setUint32(512 + 4, 1, true);
    assert.equal(await sniffBytes(doc), 'doc');
    const other = makeOle2('Workbook').slice();
    new DataView(other.buffer).setUint32(512 + 4, 1, true);
    assert.equal(await sniffBytes(other), null);
  });

  it('a truncated or incomplete ZIP is not a DOCX', async () => {
    const docx = makeDocx('Mietvertrag');
    assert.equal(await sniffBytes(docx.subarray(0, 4)), null);
    assert.equal(await sniffBytes(docx.subarray(0, docx.length - 22)), null); // no end-of-central-directory record
    assert.equal(await sniffBytes(docx.subarray(0, Math.floor(docx.length / 2))), null);
    assert.equal(await sniffBytes(docx.subarray(0, docx.length - 1)), null); // EOCD cut
    // The central directory said to lie past the end of the file.
    const lying = docx.slice();
    new DataView(lying.buffer).setUint32(lying.length - 22 + 16, lying.length, true);
    assert.equal(await sniffBytes(lying), null);
  });

  it('a ZIP needs both [Content_Types].xml and word/ to be a DOCX', async () => {
    assert.equal(await sniffBytes(makeZip({ '[Content_Types].xml': '<Types/>' })), null);
    assert.equal(await sniffBytes(makeZip({ 'word/document.xml': '<w:document/>' })), null);
    assert.equal(
      await sniffBytes(makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' })),
      null,
    );
    assert.equal(
      await sniffBytes(makeZip({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' })),
      'docx',
    );
  });

  it('garbage is nothing', async () => {
    for (const n of [1, 3, 100, 511, 512, 513, 70_000])
      assert.equal(await sniffBytes(garbage(n, n)), null, `${n} bytes`);
    assert.equal(await sniffBytes(enc.encode('Hello, world')), null);
    assert.equal(await sniffBytes(enc.encode(' %PDF-1.4')), null); // the signature must come first
    assert.equal(await sniffBytes(enc.encode('GIF89a')), null);
    assert.equal(await sniffBytes(enc.encode('<?xml version="1.0"?><svg/>')), null);
  });
});

describe('kindOfName', () => {
  it('tells the kind by the last extension, ignoring case', () => {
    assert.equal(kindOfName('Hausordnung.pdf'), 'pdf');
    assert.equal(kindOfName('HAUSORDNUNG.PDF'), 'pdf');
    assert.equal(kindOfName('a.doc'), 'doc');
    assert.equal(kindOfName('a.DocX'), 'docx');
    assert.equal(kindOfName('foto.jpg'), 'jpeg');
    assert.equal(kindOfName('foto.jpeg'), 'jpeg');
    assert.equal(kindOfName('plan.png'), 'png');
    assert.equal(kindOfName('archiv.2026.pdf'), 'pdf');
    assert.equal(kindOfName('.pdf'), 'pdf');
  });

  it('anything else is null', () => {
    for (const n of [
      '',
      'pdf',
      'Hausordnung',
      'a.',
      'a.txt',
      'a.exe',
      'a.pdf.exe',
      'a.svg',
      'a.html',
      'a.gif',
      'a.zip',
      'a.pdfx',
      'a.jpe',
      'a.pdf ',
    ])
      assert.equal(kindOfName(n), null, JSON.stringify(n));
  });
});

describe('kindOfMimeType', () => {
  it('maps the accepted types, with parameters and any case', () => {
    assert.equal(kindOfMimeType('application/pdf'), 'pdf');
    assert.equal(kindOfMimeType('Application/PDF'), 'pdf');
    assert.equal(kindOfMimeType('application/msword'), 'doc');
    assert.equal(
      kindOfMimeType('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      'docx',
    );
    assert.equal(kindOfMimeType('image/jpeg'), 'jpeg');
    assert.equal(kindOfMimeType('image/png'), 'png');
    assert.equal(kindOfMimeType('image/jpeg; charset=binary'), 'jpeg');
  });

  it('image/jpg counts as JPEG', () => {
    assert.equal(kindOfMimeType('image/jpg'), 'jpeg');
    assert.equal(kindOfMimeType('IMAGE/JPG'), 'jpeg');
  });

  it("'' and application/octet-stream declare nothing useful", () => {
    assert.equal(kindOfMimeType(''), 'unknown');
    assert.equal(kindOfMimeType('  '), 'unknown');
    assert.equal(kindOfMimeType('application/octet-stream'), 'unknown');
  });

  it('any other type is not allowed', () => {
    for (const t of [
      'text/html',
      'image/svg+xml',
      'image/gif',
      'application/zip',
      'application/x-msdownload',
      'text/plain',
      'application/pdfx',
      'pdf',
    ])
      assert.equal(kindOfMimeType(t), null, t);
  });
});

describe('cleanFileName', () => {
  it('keeps names that need nothing', () => {
    assert.equal(cleanFileName('Hausordnung.pdf'), 'Hausordnung.pdf');
    assert.equal(cleanFileName('Grundriss Wohnung 002 (neu).pdf'), 'Grundriss Wohnung 002 (neu).pdf');
    assert.equal(cleanFileName('Übergabeprotokoll – Straße.docx'), 'Übergabeprotokoll – Straße.docx');
    assert.equal(cleanFileName('Grundriss 🏠.png'), 'Grundriss 🏠.png');
  });

  it('keeps only the last segment of ../ and backslash paths', () => {
    assert.equal(cleanFileName('../../etc/passwd.pdf'), 'passwd.pdf');
    assert.equal(cleanFileName('/var/tmp/Plan.pdf'), 'Plan.pdf');
    assert.equal(cleanFileName('C:\\Users\\lindner\\Desktop\\Plan.pdf'), 'Plan.pdf');
    assert.equal(cleanFileName('..\\..\\Windows\\win.ini.pdf'), 'win.ini.pdf');
    assert.equal(cleanFileName('a/b\\c/Plan.pdf'), 'Plan.pdf');
  });

  it('removes control characters', () => {
    assert.equal(cleanFileName('Rech\u0000nung\u0007.pdf'), 'Rechnung.pdf');
    assert.equal(cleanFileName('Plan\r\n.pdf'), 'Plan.pdf');
    assert.equal(cleanFileName('\u001bPlan\u007f\u0085.pdf'), 'Plan.pdf');
  });

  it('removes bidi overrides, isolates and marks', () => {
    assert.equal(cleanFileName('Rechnung\u202Efdp.exe'), 'Rechnungfdp.exe');
    assert.equal(cleanFileName('\u2066Plan\u2069.pdf'), 'Plan.pdf');
    for (const c of [
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      assert.equal(cleanFileName(`a${c}b.pdf`), 'ab.pdf', `U+${c.codePointAt(0)!.toString(16)}`);
  });

  it('cuts a 300-byte name to at most 255 UTF-8 bytes, keeping the extension', () => {
    const ascii = cleanFileName(`${'a'.repeat(296)}.pdf`);
    assert.equal(ascii, `${'a'.repeat(251)}.pdf`);
    assert.equal(utf8(ascii), 255);

    const umlauts = cleanFileName(`${'ä'.repeat(148)}.pdf`); // 300 bytes
    assert.equal(umlauts, `${'ä'.repeat(125)}.pdf`);
    assert.ok(utf8(umlauts) <= 255);

    const noExt = cleanFileName('ü'.repeat(150));
    assert.equal(noExt, 'ü'.repeat(127));
    assert.ok(utf8(noExt) <= 255);
  });

  it('never splits an emoji', () => {
    const cut = cleanFileName(`${'🏠'.repeat(80)}.pdf`); // 324 bytes
    assert.ok(utf8(cut) <= 255, `${utf8(cut)} bytes`);
    assert.ok(cut.endsWith('.pdf'));
    assert.ok(!brokenSurrogate(cut));
    assert.equal(cut, `${'🏠'.repeat(62)}.pdf`);
    for (let pad = 0; pad < 4; pad++) {
      const c = cleanFileName(`${'x'.repeat(pad)}${'😀'.repeat(70)}.docx`);
      assert.ok(utf8(c) <= 255 && utf8(c) > 250, `${pad}: ${utf8(c)} bytes`);
      assert.ok(c.endsWith('.docx') && !brokenSurrogate(c), `${pad}`);
    }
  });

  it('keeps names that are only an extension', () => {
    assert.equal(cleanFileName('.pdf'), '.pdf');
    assert.equal(cleanFileName('../.pdf'), '.pdf');
    assert.equal(cleanFileName(' .docx '), '.docx');
  });

  it("gives '', '.', '..' and bare paths a usable name", () => {
    for (const n of ['', '.', '..', '/', '../', 'a/', '\u202e', '\u0000', '   ']) {
      const c = cleanFileName(n);
      assert.ok(c.length > 0, JSON.stringify(n));
      assert.ok(
        c !== '.' && c !== '..' && !/[\\/\p{Cc}]/u.test(c),
        `${JSON.stringify(n)} → ${JSON.stringify(c)}`,
      );
    }
  });

  it('is idempotent', () => {
    for (const n of [
      '../x/Plan.pdf',
      `${'ä'.repeat(148)}.pdf`,
      `${'🏠'.repeat(80)}.pdf`,
      'a\u202eb.pdf',
      '.pdf',
      '',
    ])
      assert.equal(cleanFileName(cleanFileName(n)), cleanFileName(n), JSON.stringify(n));
  });
});

describe('defaultTitle', () => {
  it('is the name without its extension', () => {
    assert.equal(defaultTitle('Hausordnung.pdf'), 'Hausordnung');
    assert.equal(defaultTitle('Bedienungsanleitung Therme.pdf'), 'Bedienungsanleitung Therme');
    assert.equal(defaultTitle('Protokoll.2026.final.docx'), 'Protokoll.2026.final');
    assert.equal(defaultTitle('README'), 'README');
    assert.equal(defaultTitle('../../Plan.png'), 'Plan');
    assert.equal(defaultTitle('C:\\fakepath\\Foto.jpeg'), 'Foto');
    assert.equal(defaultTitle('Vertrag\u202e.docx'), 'Vertrag');
  });

  it('cuts to 200 code points, not UTF-16 units', () => {
    assert.equal(defaultTitle(`${'a'.repeat(250)}.pdf`), 'a'.repeat(200));
    const withEmoji = defaultTitle(`${'a'.repeat(199)}😀😀.pdf`);
    assert.equal(withEmoji, `${'a'.repeat(199)}😀`);
    assert.equal(Array.from(withEmoji).length, 200);
    assert.ok(!brokenSurrogate(withEmoji));
    const emoji = defaultTitle(`${'😀'.repeat(300)}.pdf`);
    assert.ok(Array.from(emoji).length <= 200 && !brokenSurrogate(emoji) && /^😀+$/u.test(emoji));
  });

  it("keeps the whole name when nothing else is left ('.pdf')", () => {
    assert.equal(defaultTitle('.pdf'), '.pdf');
    assert.equal(defaultTitle(' .pdf'), '.pdf');
    assert.equal(defaultTitle('/tmp/.docx'), '.docx');
  });
});

describe('parseScope / formatScope', () => {
  it('reads both kinds', () => {
    assert.deepEqual(parseScope('property:rosenweg-24'), { kind: 'property', id: 'rosenweg-24' });
    assert.deepEqual(parseScope('unit:max-planck-12-w002'), { kind: 'unit', id: 'max-planck-12-w002' });
    // Only the first colon separates.
    assert.deepEqual(parseScope('unit:a:b'), { kind: 'unit', id: 'a:b' });
  });

  it('passes an object through as a copy', () => {
    const o = { kind: 'unit' as const, id: 'max-planck-12-w002' };
    const p = parseScope(o);
    assert.deepEqual(p, o);
    assert.notEqual(p, o);
  });

  it('refuses anything else with a TypeError', () => {
    for (const s of [
      '',
      'property',
      'property:',
      ':rosenweg-24',
      'building:rosenweg-24',
      'Property:rosenweg-24',
      'unit: w002',
      'unit:w 002',
      'unit:w002\n',
      'property;rosenweg-24',
      'rosenweg-24',
    ])
      assert.throws(() => parseScope(s), TypeError, JSON.stringify(s));
  });

  it('writes the string form and round-trips', () => {
    assert.equal(formatScope({ kind: 'property', id: 'rosenweg-24' }), 'property:rosenweg-24');
    assert.equal(formatScope({ kind: 'unit', id: 'max-planck-12-w002' }), 'unit:max-planck-12-w002');
    assert.equal(formatScope('unit:max-planck-12-w002'), 'unit:max-planck-12-w002');
    for (const s of ['property:grosssiedlung', 'unit:grosssiedlung-01-w001'])
      assert.equal(formatScope(parseScope(s)), s);
    assert.throws(() => formatScope('nope'), TypeError);
  });
});
