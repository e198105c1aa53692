/**
 * German strings: the product's first language and the shape every other language must match
 * (a missing key in `en.ts` fails the type check). Functions take numbers already formatted.
 */
export const de = {
  // Errors, by the SDK's `code`. The upload protocol's own codes (`offset_mismatch`,
  // `upload_incomplete`) have none: the SDK recovers from them, and should one ever reach a person,
  // `other` says what to do ("try again") just as well.
  errors: {
    unauthorized: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
    forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
    not_found: 'Das gibt es nicht (mehr).',
    conflict:
      'Das steht im Widerspruch zum aktuellen Stand. Bitte laden Sie neu und versuchen Sie es noch einmal.',
    precondition_failed: 'Jemand hat das Dokument inzwischen geändert. Bitte laden Sie neu.',
    file_too_large: 'Die Datei ist größer als 50 MB.',
    unsupported_file_type: 'Die Datei ist keine PDF-, Word-, JPEG- oder PNG-Datei.',
    empty_file: 'Die Datei ist leer.',
    validation_failed: 'Einige Angaben sind nicht gültig.',
    target_out_of_scope: 'Ein Empfänger liegt außerhalb dieses Bereichs.',
    cycle: 'Ein Ordner kann nicht in sich selbst verschoben werden.',
    too_deep: 'Ordner können höchstens fünf Ebenen tief liegen.',
    rate_limited: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
    network_error: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung.',
    timeout: 'Der Server antwortet nicht. Bitte versuchen Sie es erneut.',
    aborted: 'Abgebrochen.',
    invalid_response: 'Der Server hat unerwartet geantwortet.',
    internal_error:
      'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es in ein paar Minuten erneut.',
    service_unavailable:
      'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in ein paar Minuten erneut.',
    other: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
  },
  common: {
    retry: 'Erneut versuchen',
    cancel: 'Abbrechen',
    remove: (what: string) => `${what} entfernen`,
    loading: 'Wird geladen …',
    noScope: 'Es ist kein Bereich (Liegenschaft oder Einheit) gewählt.',
    signedOut: 'Nicht angemeldet.',
    dismiss: 'Hinweis schließen',
  },
  uploader: {
    dropTitle: 'Dateien hierher ziehen oder klicken',
    dropTitleOne: 'Eine Datei hierher ziehen oder klicken',
    dropTouch: 'Tippen, um Dateien auszuwählen',
    dropTouchOne: 'Tippen, um eine Datei auszuwählen',
    dropActive: 'Zum Hochladen loslassen',
    dropHint: 'PDF, Word, JPEG oder PNG · höchstens 50\u00a0MB · Einfügen mit Strg+V',
    dropHintTouch: 'PDF, Word, JPEG oder PNG · höchstens 50\u00a0MB',
    title: 'Titel',
    documentType: 'Dokumententyp',
    chooseType: 'Bitte wählen',
    sharedWith: 'Geteilt mit',
    forAll: 'Für alle Dateien',
    ownChoice: 'Typ und Freigabe individuell festlegen',
    edit: 'Bearbeiten',
    noType: 'Noch kein Typ',
    submit: (n: number) => (n === 1 ? 'Dokument hochladen' : `${n} Dokumente hochladen`),
    cancelUpload: (name: string) => `Hochladen von ${name} abbrechen`,
    removeFile: (name: string) => `${name} aus der Liste entfernen`,
    waiting: 'Wartet …',
    overall: (done: string, all: string) => `${done} von ${all} veröffentlicht`,
    uploaded: 'Veröffentlicht',
    failed: 'Fehlgeschlagen',
    rejected: (name: string) => `„${name}“ wurde nicht übernommen.`,
    rejectTooLarge: (size: string, max: string) =>
      `Die Datei ist ${size} groß, erlaubt sind höchstens ${max}. Bitte verkleinern Sie sie, zum Beispiel als PDF mit geringerer Bildqualität.`,
    rejectType:
      'Es ist keine PDF-, Word-, JPEG- oder PNG-Datei (geprüft wird der Inhalt, nicht nur der Name). Bitte speichern Sie sie in einem dieser Formate.',
    rejectDisguised: (name: string, what: string, proper: string) =>
      `${name} ist ${what} mit falscher Endung. Bitte benennen Sie die Datei in ${proper} um.`,
    kinds: {
      pdf: 'ein PDF-Dokument',
      doc: 'ein Word-Dokument',
      docx: 'ein Word-Dokument',
      jpeg: 'ein JPEG-Bild',
      png: 'ein PNG-Bild',
    },
    rejectEmpty: 'Die Datei ist leer. Bitte wählen Sie die richtige Datei.',
    rejectSingle: 'Hier kann nur eine Datei auf einmal hochgeladen werden.',
    titleRequired: 'Bitte geben Sie einen Titel ein.',
    typeRequired: 'Bitte wählen Sie einen Dokumententyp.',
    fixErrors: 'Bitte prüfen Sie die markierten Angaben.',
    published: (n: number, folder: string) =>
      n === 1
        ? `Dokument in „${folder}“ veröffentlicht`
        : `${n}\u00a0Dokumente in „${folder}“ veröffentlicht`,
    publishedAnywhere: (n: number) =>
      n === 1 ? 'Dokument veröffentlicht' : `${n}\u00a0Dokumente veröffentlicht`,
    told: (n: string, count: number, docs: number) => {
      if (count === 0) return docs === 1 ? 'nur die Verwaltung sieht es' : 'nur die Verwaltung sieht sie';
      return count === 1
        ? '1\u00a0Empfänger wird morgen benachrichtigt'
        : `${n}\u00a0Empfänger werden morgen benachrichtigt`;
    },
    uploadMore: 'Weitere Dokumente hochladen',
    added: (n: number) => (n === 1 ? '1 Datei hinzugefügt.' : `${n} Dateien hinzugefügt.`),
    announceProgress: (name: string, pct: string) => `${name}: ${pct} hochgeladen`,
    announceDone: (name: string) => `${name} wurde veröffentlicht.`,
    fileList: 'Ausgewählte Dateien',
    resumeOffer: (n: number) =>
      n === 1 ? '1 Upload nicht abgeschlossen' : `${n} Uploads nicht abgeschlossen`,
    resumeAll: 'fortsetzen',
    discardAll: 'verwerfen',
    discarded: (n: number) => (n === 1 ? 'Der Upload wurde verworfen.' : `${n} Uploads wurden verworfen.`),
  },
  tree: {
    label: 'Dokumente',
    empty: 'Hier sind noch keine Dokumente.',
    loadMore: 'Weitere Dokumente laden',
    documents: (n: string, count: number) => (count === 1 ? '1 Dokument' : `${n} Dokumente`),
    downloads: (n: string, count: number) => (count === 1 ? '1 Download' : `${n} Downloads`),
    downloading: (title: string) => `${title} wird heruntergeladen …`,
    downloaded: (title: string) => `${title} wurde heruntergeladen.`,
    newFolder: 'Neuer Ordner',
    renameFolder: 'Umbenennen',
    removeFolder: 'Ordner löschen',
    folderName: 'Name des Ordners',
    create: 'Anlegen',
    adminHint:
      'Nach oben/unten ordnet den gewählten Ordner um, Hinein verschiebt ihn in den Ordner darüber, Heraus eine Ebene hinaus; ebenso Alt + Pfeiltasten oder Ziehen.',
    moveUp: 'Nach oben',
    moveDown: 'Nach unten',
    moveIn: 'Hinein',
    moveOut: 'Heraus',
    confirmRemoveFolder: (name: string) => `Ordner „${name}“ wirklich löschen?`,
    folderSaved: (name: string) => `Ordner „${name}“ gespeichert.`,
    folderMoved: (name: string) => `Ordner „${name}“ verschoben.`,
    folderRemoved: (name: string) => `Ordner „${name}“ gelöscht.`,
    folderTools: 'Ordner bearbeiten',
    details: 'Dokument bearbeiten',
    save: 'Änderungen speichern',
    close: 'Schließen',
    remove: 'Dokument löschen',
    confirmRemove: (title: string) =>
      `„${title}“ wirklich löschen? Die Empfänger sehen es danach nicht mehr.`,
    confirm: 'Endgültig löschen',
    saved: 'Die Änderungen wurden gespeichert.',
    removed: (title: string) => `„${title}“ wurde gelöscht.`,
    whoDownloaded: 'Wer hat heruntergeladen?',
    noDownloads: 'Noch niemand hat das Dokument heruntergeladen.',
    downloadedBy: (name: string, count: string, date: string) => `${name}: ${count}×, zuletzt am ${date}`,
    uploadedOn: (date: string, size: string) => `Hochgeladen am ${date} · ${size}`,
  },
  picker: {
    roles: 'Alle im Bereich',
    tenants: 'Alle Mieter',
    owners: 'Alle Eigentümer',
    search: 'Weitere Empfänger',
    placeholder: 'Adresse, Einheit, Gruppe oder Name suchen',
    options: 'Vorschläge',
    searching: 'Suche läuft …',
    noResults: (query: string) => `Keine Treffer für „${query}“.`,
    results: (n: string) => `${n} Vorschläge. Mit Pfeiltasten wählen, Eingabe übernimmt.`,
    people: (n: string, count: number) => (count === 1 ? '1 Person' : `${n} Personen`),
    selected: 'Ausgewählte Empfänger',
    summary: (n: string, count: number) =>
      count === 1
        ? '1 Empfänger · wird morgen per E-Mail benachrichtigt'
        : `${n} Empfänger · werden morgen per E-Mail benachrichtigt`,
    summaryNone: 'Noch keine Empfänger · nur die Verwaltung sieht das Dokument',
    summaryExisting: (n: string, count: number) =>
      count === 1
        ? '1 Empfänger · wer neu dazukommt, wird morgen per E-Mail benachrichtigt'
        : `${n} Empfänger · wer neu dazukommt, wird morgen per E-Mail benachrichtigt`,
    counting: 'Anzahl der Empfänger wird berechnet …',
    capped: (n: string) => `Mehr als ${n} Treffer – bitte verfeinern Sie die Suche.`,
    countFailed: 'Die Empfänger konnten nicht gezählt werden.',
    searchFailed: 'Die Suche ist fehlgeschlagen.',
    audience: { both: 'Mieter und Eigentümer', tenant: 'nur Mieter', owner: 'nur Eigentümer' },
    audienceOf: (label: string) => `Wer bei ${label}`,
    required: 'Bitte wählen Sie mindestens einen Empfänger.',
    requiredMark: '(Pflichtangabe)',
    kind: {
      property: 'Liegenschaft',
      address: 'Adresse',
      unit: 'Einheit',
      group: 'Gruppe',
      contact: 'Person',
    },
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...a: infer A) => string
    ? (...a: A) => string
    : { [K in keyof T]: Widen<T[K]> };

/** The shape of a language: every key of `de`, with strings and functions of the same arguments. */
export type Translation = Widen<typeof de>;
