import type { DigestEmail, Locale } from '@docportal/core-sdk';

export interface DigestEntry {
  title: string;
  documentTypeName: string;
  propertyName: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STRINGS = {
  de: {
    subject: (n: number, first: string) =>
      n === 1 ? `Neues Dokument im Kundenportal: ${first}` : `${n} neue Dokumente im Kundenportal`,
    greeting: (name: string) => `Hallo ${name},`,
    intro: (n: number, day: string) =>
      n === 1
        ? `am ${day} wurde im Kundenportal ein neues Dokument für Sie bereitgestellt:`
        : `am ${day} wurden im Kundenportal ${n} neue Dokumente für Sie bereitgestellt:`,
    outro: 'Sie finden die Dokumente im Kundenportal unter „Dokumente“ im jeweiligen Ordner.',
    closing: 'Freundliche Grüße\nIhre Hausverwaltung',
    footer: 'Diese Zusammenfassung wird automatisch am Folgetag versandt.',
  },
  en: {
    subject: (n: number, first: string) =>
      n === 1 ? `New document in your portal: ${first}` : `${n} new documents in your portal`,
    greeting: (name: string) => `Hello ${name},`,
    intro: (n: number, day: string) =>
      n === 1
        ? `on ${day} a new document was shared with you in the portal:`
        : `on ${day} ${n} new documents were shared with you in the portal:`,
    outro: 'You will find them in the portal under "Documents", each in its folder.',
    closing: 'Kind regards\nYour property management',
    footer: 'This summary is sent automatically on the following day.',
  },
} as const;

/** Renders the digest e-mail of one contact for one day, as text and as HTML (data escaped). */
export function renderDigestEmail(opts: {
  locale: Locale;
  name: string;
  sharedOn: string;
  documents: DigestEntry[];
}): DigestEmail {
  const t = STRINGS[opts.locale];
  const day = new Intl.DateTimeFormat(opts.locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${opts.sharedOn}T00:00:00Z`));
  const n = opts.documents.length;
  const subject = t.subject(n, opts.documents[0]?.title ?? '');
  const line = (d: DigestEntry) => `${d.title} (${d.documentTypeName}, ${d.propertyName})`;
  const text = [
    t.greeting(opts.name),
    '',
    t.intro(n, day),
    '',
    ...opts.documents.map((d) => `• ${line(d)}`),
    '',
    t.outro,
    '',
    t.closing,
    '',
    '--',
    t.footer,
    '',
  ].join('\n');
  const items = opts.documents
    .map(
      (d) =>
        `<li><strong>${escapeHtml(d.title)}</strong> <span style="color:#555">(${escapeHtml(d.documentTypeName)}, ${escapeHtml(d.propertyName)})</span></li>`,
    )
    .join('');
  const html =
    `<!doctype html><html lang="${opts.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">` +
    `<p>${escapeHtml(t.greeting(opts.name))}</p><p>${escapeHtml(t.intro(n, day))}</p><ul>${items}</ul>` +
    `<p>${escapeHtml(t.outro)}</p><p>${escapeHtml(t.closing).replace('\n', '<br>')}</p>` +
    `<hr><p style="font-size:small;color:#555">${escapeHtml(t.footer)}</p></body></html>`;
  return { subject, text, html };
}
