import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Locale } from '~/lib/i18n';

/** Every heading and label printed in the PDF; the caller translates them. */
export type RecordLabels = {
  agenda: string;
  minutes: string;
  attendance: string;
  present: string;
  absent: string;
  decision: string;
  proposal: string;
  presenter: string;
  checkers: string;
  confirmedAt: string;
  /** With {{page}} and {{pages}} placeholders: "Sivu {{page}} / {{pages}}". */
  page: string;
  withheld: string;
  version: string;
  correctionNote: string;
  votes: string;
  /** Heading of a vote by name (optional so older callers still compile). */
  rollCall?: string;
  recusals: string;
  /** Optional labels of parts the HTML minutes show (optional so older callers still compile). */
  /** Heading above the items, e.g. "Asiat ja päätökset"; with it items are H3 under this H2. */
  items?: string;
  discussion?: string;
  /** Label of a withheld item's legal reason, e.g. "Salassapitoperuste". */
  withheldReason?: string;
  /** A checker who has not confirmed, e.g. "ei vielä vahvistettu". */
  notConfirmed?: string;
  attachments?: string;
};

export type RecordItem = {
  /** As printed, e.g. "§ 12". */
  number: string;
  title: string;
  /** Plain text; paragraphs separated by blank lines. */
  body?: string;
  presenter?: string;
  proposal?: string;
  decision?: string;
  votes?: string;
  /** A vote by name, one "Name: option" line per voter. */
  rollCall?: string[];
  recusals?: string[];
  /** When set the item is not public: only number, title and this reason are printed. */
  withheldReason?: string;
  /** Printed for a withheld item instead of a reason when it has none (e.g. "Members only."). */
  withheldNote?: string;
  /** The publicity of a non-public item, already translated (shown under the heading). */
  publicity?: string;
  /** The legal reason of a confidential item shown in full (members' copy), printed with its label. */
  legalReason?: string;
  /** The discussion, printed under labels.discussion (plain text, paragraphs by blank lines). */
  discussion?: string;
  /** The outcome when it is not a plain decision (already translated), e.g. "Siirretty". */
  outcome?: string;
  /** Titles of the item's attachments. */
  attachments?: string[];
};

export type RecordAttendee = {
  name: string;
  role: string;
  note?: string;
  /** Absent members are listed under labels.absent. */
  absent?: boolean;
};

export type RecordChecker = { name: string; confirmedAt?: string };

/** Plain data for one agenda or set of minutes, already formatted and translated. */
export type RecordDocument = {
  kind: 'agenda' | 'minutes';
  language: Locale;
  councilName: string;
  meetingTitle: string;
  /** Already formatted in Europe/Helsinki, e.g. "ti 14.1.2025 klo 13.00–15.00". */
  meetingTime: string;
  place: string;
  labels: RecordLabels;
  items: RecordItem[];
  attendance?: RecordAttendee[];
  checkers?: RecordChecker[];
  /** Printed in every footer as "{labels.version} {version}" when set. */
  version?: string;
  /** Why this version differs from the previous one; printed under labels.correctionNote. */
  versionNote?: string;
  /** Facts of this version printed under the header ("Opened: …", "Approved: …"), label and value. */
  facts?: Array<{ label: string; value: string }>;
  /** The record's own date (publication) as the file's date, so every render gives the same bytes. */
  date?: Date;
};

const LANG_TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const MARGIN = { top: 62, bottom: 70, left: 64, right: 64 };
/**
 * DejaVu Sans, embedded (subset) in every PDF: it has every letter of Finnish, Swedish and the Sámi
 * languages (č, đ, ŋ, š, ŧ, ž), which the built-in Helvetica (WinAnsi only) cannot print. The
 * files are read from node_modules at run time (never bundled), so the same path works in tests,
 * in `remix build`'s build/index.js and in the worker.
 */
const fontRequire = createRequire(import.meta.url);
const FONT_FILES = {
  regular: fontRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: fontRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: fontRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};
/** Font names registered in every document renderTaggedPdf makes. */
export const PDF_FONT = 'Sans';
export const PDF_FONT_BOLD = 'Sans-Bold';
export const PDF_FONT_ITALIC = 'Sans-Oblique';
const FONT = PDF_FONT;
const FONT_BOLD = PDF_FONT_BOLD;
const FONT_ITALIC = PDF_FONT_ITALIC;
const GREY = '#444444';

/**
 * Text as the PDF prints it. Every Unicode letter is kept (the font is embedded); a tab becomes a
 * space (pdfkit lays it out as garbage) and control and format characters (bidi overrides,
 * zero-width joiners) that have nothing to draw are dropped.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if (/[\p{Cc}\p{Cf}]/u.test(ch)) continue;
    else if (/\s/.test(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

/** @deprecated Kept for callers written when the PDFs used Helvetica; nothing is replaced any more. */
export const toWinAnsi = pdfText;

function paragraphs(text: string): string[] {
  return pdfText(text.replace(/\r\n?/g, '\n'))
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

type Struct = PDFKit.PDFStructureElement;

class RecordWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly width: number;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** Starts a new page unless `height` points still fit, so a heading is not left alone at the bottom. */
  keepTogether(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN.bottom) this.doc.addPage();
  }

  text(
    parent: Struct,
    type: 'H1' | 'H2' | 'H3' | 'P',
    value: string,
    style: { font?: string; size?: number; color?: string; gap?: number; indent?: number } = {},
  ): void {
    const doc = this.doc;
    const indent = style.indent ?? 0;
    parent.add(
      doc.struct(type, {}, () => {
        doc
          .font(style.font ?? FONT)
          .fontSize(style.size ?? 10.5)
          .fillColor(style.color ?? 'black')
          .text(pdfText(value), MARGIN.left + indent, doc.y, {
            width: this.width - indent,
            paragraphGap: style.gap ?? 4,
            lineGap: 1.5,
          });
      }),
    );
  }

  /** A bold label on its own line followed by the text's paragraphs. */
  labelled(parent: Struct, label: string, value: string, indent: number): void {
    this.keepTogether(40);
    this.text(parent, 'P', label, { font: FONT_BOLD, gap: 1, indent });
    for (const p of paragraphs(value)) this.text(parent, 'P', p, { indent });
    this.doc.moveDown(0.3);
  }

  list(parent: Struct, entries: string[], indent: number): void {
    const doc = this.doc;
    const list = doc.struct('L');
    parent.add(list);
    for (const entry of entries) {
      const item = doc.struct('LI');
      list.add(item);
      item.add(
        doc.struct('LBody', {}, () => {
          doc
            .font(FONT)
            .fontSize(10.5)
            .fillColor('black')
            .text(pdfText(entry), MARGIN.left + indent, doc.y, { width: this.width - indent, paragraphGap: 2, lineGap: 1.5 });
        }),
      );
      item.end();
    }
    list.end();
    doc.moveDown(0.4);
  }
}

function writeHeader(w: RecordWriter, root: Struct, record: RecordDocument): void {
  const { labels } = record;
  w.text(root, 'P', record.councilName, { size: 10, color: GREY, gap: 2 });
  w.text(root, 'H1', record.kind === 'agenda' ? labels.agenda : labels.minutes, { font: FONT_BOLD, size: 20, gap: 4 });
  w.text(root, 'P', record.meetingTitle, { font: FONT_BOLD, size: 13, gap: 2 });
  w.text(root, 'P', record.meetingTime, { gap: 1 });
  w.text(root, 'P', record.place, { gap: record.facts && record.facts.length > 0 ? 4 : 8 });
  if (record.facts && record.facts.length > 0) {
    for (const fact of record.facts) w.text(root, 'P', `${fact.label}: ${fact.value}`, { gap: 1 });
    w.doc.moveDown(0.6);
  }
  if (record.versionNote) {
    const section = w.doc.struct('Sect');
    root.add(section);
    w.text(section, 'P', record.version ? `${labels.correctionNote} (${labels.version} ${record.version})` : labels.correctionNote, {
      font: FONT_BOLD,
      gap: 1,
    });
    for (const p of paragraphs(record.versionNote)) w.text(section, 'P', p, { font: FONT_ITALIC });
    section.end();
    w.doc.moveDown(0.5);
  }
}

function attendeeLine(a: RecordAttendee): string {
  return [a.name, a.role, a.note].filter((part) => part && part.trim() !== '').join(', ');
}

function writeAttendance(w: RecordWriter, root: Struct, record: RecordDocument): void {
  const attendance = record.attendance ?? [];
  if (attendance.length === 0) return;
  const { labels } = record;
  const section = w.doc.struct('Sect');
  root.add(section);
  w.keepTogether(70);
  w.text(section, 'H2', labels.attendance, { font: FONT_BOLD, size: 13, gap: 4 });
  const present = attendance.filter((a) => !a.absent);
  const absent = attendance.filter((a) => a.absent);
  if (present.length > 0) {
    w.keepTogether(40);
    w.text(section, 'H3', labels.present, { font: FONT_BOLD, gap: 2 });
    w.list(section, present.map(attendeeLine), 12);
  }
  if (absent.length > 0) {
    w.keepTogether(40);
    w.text(section, 'H3', labels.absent, { font: FONT_BOLD, gap: 2 });
    w.list(section, absent.map(attendeeLine), 12);
  }
  section.end();
  w.doc.moveDown(0.5);
}

function writeItem(w: RecordWriter, root: Struct, item: RecordItem, labels: RecordLabels, heading: 'H2' | 'H3' = 'H2'): void {
  const section = w.doc.struct('Sect');
  root.add(section);
  w.keepTogether(80);
  w.text(section, heading, `${item.number}  ${item.title}`, { font: FONT_BOLD, size: 12.5, gap: item.publicity ? 1 : 6 });
  const indent = 12;
  if (item.publicity) w.text(section, 'P', item.publicity, { color: GREY, indent, gap: 6 });
  if (item.withheldReason !== undefined) {
    // Nothing else of a withheld item may reach the public document, whatever the caller passed.
    w.keepTogether(40);
    w.text(section, 'P', labels.withheld, { font: FONT_BOLD, gap: 1, indent });
    const reason = item.withheldReason.trim();
    if (reason !== '') w.text(section, 'P', labels.withheldReason ? `${labels.withheldReason}: ${reason}` : reason, { indent });
    else if (item.withheldNote) w.text(section, 'P', item.withheldNote, { indent });
    w.doc.moveDown(0.3);
  } else {
    if (item.legalReason) w.text(section, 'P', `${labels.withheldReason ?? labels.withheld}: ${item.legalReason}`, { color: GREY, indent, gap: 6 });
    if (item.presenter) w.text(section, 'P', `${labels.presenter}: ${item.presenter}`, { color: GREY, indent, gap: 6 });
    for (const p of paragraphs(item.body ?? '')) w.text(section, 'P', p, { indent });
    if (item.body) w.doc.moveDown(0.3);
    if (item.proposal) w.labelled(section, labels.proposal, item.proposal, indent);
    if (item.attachments && item.attachments.length > 0) {
      w.keepTogether(40);
      w.text(section, 'P', labels.attachments ?? '', { font: FONT_BOLD, gap: 1, indent });
      w.list(section, item.attachments, indent);
    }
    if (item.discussion) w.labelled(section, labels.discussion ?? '', item.discussion, indent);
    if (item.votes) w.labelled(section, labels.votes, item.votes, indent);
    if (item.rollCall && item.rollCall.length > 0) {
      w.keepTogether(40);
      w.text(section, 'P', labels.rollCall ?? labels.votes, { font: FONT_BOLD, gap: 1, indent });
      w.list(section, item.rollCall, indent);
    }
    if (item.decision) w.labelled(section, item.outcome ? `${labels.decision} (${item.outcome})` : labels.decision, item.decision, indent);
    if (item.recusals && item.recusals.length > 0) {
      w.text(section, 'P', `${labels.recusals}: ${item.recusals.join(', ')}`, { indent });
    }
  }
  section.end();
  w.doc.moveDown(0.8);
}

function writeCheckers(w: RecordWriter, root: Struct, record: RecordDocument): void {
  const checkers = record.checkers ?? [];
  if (checkers.length === 0) return;
  const section = w.doc.struct('Sect');
  root.add(section);
  w.keepTogether(70);
  w.text(section, 'H2', record.labels.checkers, { font: FONT_BOLD, size: 13, gap: 4 });
  w.list(
    section,
    checkers.map((c) =>
      c.confirmedAt
        ? `${c.name}, ${record.labels.confirmedAt} ${c.confirmedAt}`
        : record.labels.notConfirmed
          ? `${c.name}, ${record.labels.notConfirmed}`
          : c.name,
    ),
    12,
  );
  section.end();
}

export interface TaggedPdfOptions {
  language: Locale;
  /** Document properties (shown as the window title). */
  title: string;
  author: string;
  margins: { top: number; bottom: number; left: number; right: number };
  footer: {
    /** Text at the left of every footer (already WinAnsi-safe or not: it is converted). */
    left: string;
    /** The page label at the right, e.g. "Sivu 1 / 3". */
    page: (page: number, pages: number) => string;
    /** Share of the line the left text may take before an ellipsis. */
    leftWidth: number;
  };
  /**
   * The document's creation and modification date. Give the record's own date (when it was
   * published) so the same record renders to the same bytes every time: its SHA-256 then
   * identifies an official copy. Without it the current time is used.
   */
  date?: Date;
}

/** Page furniture: the same footer on every buffered page, marked as an artifact. */
function writePageFooters(doc: PDFKit.PDFDocument, opts: TaggedPdfOptions): void {
  const { margins, footer } = opts;
  const range = doc.bufferedPageRange();
  const left = pdfText(footer.left);
  const width = doc.page.width - margins.left - margins.right;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin would make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margins.bottom + 28;
    // Footers are page furniture, not content: screen readers should skip them.
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(FONT).fontSize(8.5).fillColor(GREY);
    doc.text(left, margins.left, y, { width: width * footer.leftWidth, lineBreak: false, ellipsis: true });
    doc.text(pdfText(footer.page(i + 1, range.count)), margins.left, y, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/**
 * A tagged A4 PDF (PDF 1.7, language set, footers on every page): `write` fills the
 * document under its root structure element; the bytes come back when it is done.
 */
export function renderTaggedPdf(opts: TaggedPdfOptions, write: (doc: PDFKit.PDFDocument, root: Struct) => void): Promise<Uint8Array> {
  // A fixed date also fixes the file identifier (/ID), which pdfkit derives from the info dictionary.
  const date = opts.date ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    // Structure trees (tagged PDF) need PDF 1.4 or later; pdfkit defaults to 1.3.
    pdfVersion: '1.7',
    margins: opts.margins,
    bufferPages: true,
    tagged: true,
    lang: LANG_TAGS[opts.language],
    displayTitle: true,
    // The default font is the embedded DejaVu Sans, so the built-in Helvetica is never created.
    font: FONT_FILES.regular,
    info: { Title: pdfText(opts.title), Author: pdfText(opts.author), Creator: 'Neuvos', Producer: 'Neuvos', CreationDate: date, ModDate: date },
  });
  doc.registerFont(PDF_FONT, FONT_FILES.regular);
  doc.registerFont(PDF_FONT_BOLD, FONT_FILES.bold);
  doc.registerFont(PDF_FONT_ITALIC, FONT_FILES.italic);
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    try {
      const root = doc.struct('Document');
      doc.addStructure(root);
      write(doc, root);
      root.end();
      writePageFooters(doc, opts);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** Renders an agenda or minutes as a tagged A4 PDF with page numbers on every page. */
export function renderRecordPdf(record: RecordDocument): Promise<Uint8Array> {
  const kindLabel = record.kind === 'agenda' ? record.labels.agenda : record.labels.minutes;
  return renderTaggedPdf(
    {
      language: record.language,
      title: `${kindLabel} – ${record.meetingTitle}`,
      author: record.councilName,
      margins: MARGIN,
      ...(record.date ? { date: record.date } : {}),
      footer: {
        left: [record.councilName, kindLabel, record.version ? `${record.labels.version} ${record.version}` : '']
          .filter((s) => s !== '')
          .join(' · '),
        page: (page, pages) => record.labels.page.replace('{{page}}', String(page)).replace('{{pages}}', String(pages)),
        leftWidth: 0.7,
      },
    },
    (doc, root) => {
      const w = new RecordWriter(doc);
      writeHeader(w, root, record);
      writeAttendance(w, root, record);
      if (record.labels.items && record.items.length > 0) {
        const items = doc.struct('Sect');
        root.add(items);
        w.keepTogether(100);
        w.text(items, 'H2', record.labels.items, { font: FONT_BOLD, size: 13, gap: 6 });
        for (const item of record.items) writeItem(w, items, item, record.labels, 'H3');
        items.end();
      } else {
        for (const item of record.items) writeItem(w, root, item, record.labels);
      }
      writeCheckers(w, root, record);
    },
  );
}
