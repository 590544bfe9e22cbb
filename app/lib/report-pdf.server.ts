import type { TFunction } from 'i18next';
import { formatDate } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import { INFLUENCE_COLUMNS, influenceRows } from '~/lib/influence-counts';
import { PDF_FONT, PDF_FONT_BOLD, pdfText, renderTaggedPdf } from '~/lib/pdf.server';
import { formatDecimal, type ReportFigures } from '~/models/reports.server';

export interface PdfTable {
  caption: string;
  /** Relative column widths; they are scaled to the page. */
  columns: Array<{ header: string; width: number }>;
  rows: string[][];
}

export interface PdfSection {
  heading: string;
  paragraphs?: string[];
  table?: PdfTable;
  subsections?: PdfSection[];
}

/** Plain, already translated content of an annual report for printing. */
export interface ReportPdfInput {
  language: Locale;
  councilName: string;
  title: string;
  /** E.g. "Approved 12.2.2026 · Published 20.2.2026". */
  subtitle?: string;
  /** The secretary's text (Markdown); headings, lists and emphasis are printed plainly. */
  body: string | null;
  sections: PdfSection[];
  /** Creation date printed into the file (give the approval or publication time for identical bytes on every render). */
  date?: Date;
}

const MARGIN = { top: 62, bottom: 70, left: 60, right: 60 };
const FONT = PDF_FONT;
const BOLD = PDF_FONT_BOLD;
const GREY = '#444444';
const LINE = '#999999';

type Struct = PDFKit.PDFStructureElement;

/** Markdown reduced to printable blocks: headings, bullets and paragraphs. */
export function markdownBlocks(source: string): Array<{ kind: 'heading' | 'bullet' | 'paragraph'; text: string }> {
  const inline = (s: string) =>
    s
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(\*|_)(.+?)\1/g, '$2')
      .replace(/`([^`]+)`/g, '$1')
      .trim();
  const blocks: Array<{ kind: 'heading' | 'bullet' | 'paragraph'; text: string }> = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: inline(paragraph.join(' ')) });
      paragraph = [];
    };
    for (const line of lines) {
      const heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
      const bullet = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
      if (heading) {
        flush();
        blocks.push({ kind: 'heading', text: inline(heading[1] ?? '') });
      } else if (bullet) {
        flush();
        blocks.push({ kind: 'bullet', text: inline(bullet[1] ?? '') });
      } else paragraph.push(line.trim());
    }
    flush();
  }
  return blocks.filter((b) => b.text !== '');
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  readonly width: number;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  private bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  ensure(height: number): void {
    if (this.doc.y + height > this.bottom()) this.doc.addPage();
  }

  text(parent: Struct, type: 'H1' | 'H2' | 'H3' | 'P', value: string, style: { font?: string; size?: number; color?: string; gap?: number; indent?: number } = {}): void {
    const doc = this.doc;
    const indent = style.indent ?? 0;
    if (type !== 'P') this.ensure(60);
    parent.add(
      doc.struct(type, {}, () => {
        doc
          .font(style.font ?? FONT)
          .fontSize(style.size ?? 10.5)
          .fillColor(style.color ?? 'black')
          .text(pdfText(value), MARGIN.left + indent, doc.y, { width: this.width - indent, paragraphGap: style.gap ?? 4, lineGap: 1.5 });
      }),
    );
  }

  bullets(parent: Struct, entries: string[]): void {
    const doc = this.doc;
    const list = doc.struct('L');
    parent.add(list);
    for (const entry of entries) {
      const item = doc.struct('LI');
      list.add(item);
      item.add(
        doc.struct('LBody', {}, () => {
          doc.font(FONT).fontSize(10.5).fillColor('black').text(pdfText(`• ${entry}`), MARGIN.left + 10, doc.y, { width: this.width - 10, paragraphGap: 2 });
        }),
      );
      item.end();
    }
    list.end();
    doc.moveDown(0.3);
  }

  table(parent: Struct, table: PdfTable): void {
    const doc = this.doc;
    const total = table.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = table.columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const size = 9;
    const heightOf = (cells: string[], font: string) =>
      Math.max(...cells.map((cell, i) => doc.font(font).fontSize(size).heightOfString(pdfText(cell || ' '), { width: (widths[i] ?? 50) - 2 * pad }))) + 2 * pad;
    this.ensure(40);
    this.text(parent, 'P', table.caption, { font: BOLD, size: 9.5, gap: 2 });
    const node = doc.struct('Table');
    parent.add(node);
    const drawRow = (cells: string[], header: boolean) => {
      const font = header ? BOLD : FONT;
      const height = heightOf(cells, font);
      if (doc.y + height > this.bottom()) {
        doc.addPage();
        if (!header) drawRow(table.columns.map((c) => c.header), true);
      }
      const top = doc.y;
      const row = doc.struct('TR');
      node.add(row);
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 50;
        row.add(
          doc.struct(header ? 'TH' : 'TD', {}, () => {
            doc.font(font).fontSize(size).fillColor('black').text(pdfText(cell), x + pad, top + pad, { width: w - 2 * pad, lineGap: 1 });
          }),
        );
        x += w;
      });
      row.end();
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + this.width, top + height).lineWidth(header ? 0.8 : 0.3).strokeColor(LINE).stroke();
      doc.endMarkedContent();
      doc.x = MARGIN.left;
      doc.y = top + height;
    };
    drawRow(table.columns.map((c) => c.header), true);
    for (const r of table.rows) drawRow(r, false);
    node.end();
    doc.moveDown(0.8);
  }
}

function writeSection(w: Writer, parent: Struct, section: PdfSection, level: 2 | 3): void {
  const node = w.doc.struct('Sect');
  parent.add(node);
  w.text(node, level === 2 ? 'H2' : 'H3', section.heading, { font: BOLD, size: level === 2 ? 14 : 11.5, gap: 4 });
  for (const p of section.paragraphs ?? []) w.text(node, 'P', p);
  if (section.table) w.table(node, section.table);
  for (const sub of section.subsections ?? []) writeSection(w, node, sub, 3);
  node.end();
  w.doc.moveDown(0.4);
}

/** Renders an annual report as a tagged A4 PDF with "page / pages" in every footer. */
export function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  return renderTaggedPdf(
    {
      language: input.language,
      title: pdfText(input.title),
      author: pdfText(input.councilName),
      margins: MARGIN,
      ...(input.date ? { date: input.date } : {}),
      footer: { left: `${input.councilName} · ${input.title}`, page: (page, pages) => `${page} / ${pages}`, leftWidth: 0.75 },
    },
    (doc, root) => {
      const w = new Writer(doc);
      w.text(root, 'P', input.councilName, { size: 10, color: GREY, gap: 2 });
      w.text(root, 'H1', input.title, { font: BOLD, size: 20, gap: 4 });
      if (input.subtitle) w.text(root, 'P', input.subtitle, { color: GREY, gap: 10 });
      const blocks = markdownBlocks(input.body ?? '');
      for (let i = 0; i < blocks.length; i++) {
        const block = blocks[i]!;
        if (block.kind === 'heading') w.text(root, 'H2', block.text, { font: BOLD, size: 13, gap: 4 });
        else if (block.kind === 'paragraph') w.text(root, 'P', block.text);
        else {
          const run: string[] = [];
          while (blocks[i]?.kind === 'bullet') run.push(blocks[i++]!.text);
          i -= 1;
          w.bullets(root, run);
        }
      }
      doc.moveDown(0.6);
      for (const section of input.sections) writeSection(w, root, section, 2);
    },
  );
}

/** The generated figures as printable sections, in the reader's language. */
export function reportPdfSections(f: ReportFigures, t: TFunction, locale: Locale): PdfSection[] {
  const date = (d: string | null) => (d ? formatDate(d, locale) : '–');
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
  const fig = (key: string, opts?: Record<string, unknown>) => t(`plans.report.figures.${key}`, opts ?? {});
  const influence = influenceRows(f.statements.influence);
  return [
    {
      heading: fig('meetings'),
      paragraphs: [fig('meetingsHeld', { count: f.meetings.held })],
      table: f.meetings.list.length
        ? {
            caption: fig('meetingsCaption'),
            columns: [{ header: fig('date'), width: 1 }, { header: fig('meeting'), width: 3 }, { header: fig('present'), width: 1 }],
            rows: f.meetings.list.map((m) => [date(m.date), m.title, m.present === null ? fig('minutesNotPublished') : String(m.present)]),
          }
        : undefined,
    },
    {
      heading: fig('attendance'),
      paragraphs:
        f.attendance.overall.recorded > 0
          ? [
              fig('overall', {
                present: f.attendance.overall.present,
                recorded: f.attendance.overall.recorded,
                rate: pct(f.attendance.overall.rate),
                average: formatDecimal(f.attendance.overall.averagePresent ?? 0, locale),
              }),
            ]
          : [fig('none')],
      table: f.attendance.perPerson.length
        ? {
            caption: fig('attendanceCaption'),
            columns: [{ header: fig('name'), width: 3 }, { header: fig('role'), width: 2 }, { header: fig('attended'), width: 1 }, { header: fig('recorded'), width: 1 }],
            rows: f.attendance.perPerson.map((p) => [p.name, t(`plans.report.attendanceRoles.${p.role}`), String(p.present), String(p.recorded)]),
          }
        : undefined,
    },
    {
      heading: fig('composition'),
      table: {
        caption: fig('membersCaption', { year: f.year }),
        columns: [{ header: fig('name'), width: 3 }, { header: fig('role'), width: 2 }, { header: fig('organisation'), width: 3 }, { header: fig('period'), width: 2 }],
        rows: f.composition.members.map((m) => [m.name, t(`roles.${m.role}`), m.organisation ?? '', `${date(m.startDate)}–${m.endDate ? date(m.endDate) : ''}`]),
      },
      subsections: [
        {
          heading: fig('changes'),
          paragraphs: [f.composition.changes.length ? fig('changeSummary', { joined: f.composition.joined, left: f.composition.left }) : fig('noChanges')],
          table: f.composition.changes.length
            ? {
                caption: fig('changesCaption'),
                columns: [{ header: fig('date'), width: 1 }, { header: fig('change'), width: 1 }, { header: fig('name'), width: 2 }, { header: fig('role'), width: 2 }],
                rows: f.composition.changes.map((c) => [date(c.date), fig(c.kind), c.name, t(`roles.${c.role}`)]),
              }
            : undefined,
        },
      ],
    },
    {
      heading: fig('decisions'),
      paragraphs: [fig('decisionsTotal', { count: f.decisions.total })],
      table: f.decisions.main.length
        ? {
            caption: fig('decisionsCaption'),
            columns: [{ header: fig('date'), width: 1 }, { header: fig('item'), width: 3 }, { header: fig('decision'), width: 4 }],
            rows: f.decisions.main.map((d) => [date(d.meetingDate), `${d.section ? `${d.section} ` : ''}${d.itemTitle}`, d.decision ?? '']),
          }
        : undefined,
    },
    {
      heading: fig('statements'),
      paragraphs: f.statements.list.length ? [] : [fig('none')],
      table: f.statements.list.length
        ? {
            caption: fig('statementsCaption'),
            columns: [{ header: fig('date'), width: 1 }, { header: t('plans.statements.fields.title'), width: 3 }, { header: fig('response'), width: 4 }],
            rows: f.statements.list.map((s) => [
              date(s.issuedOn),
              `${s.title}\n${t(`plans.statements.types.${s.type}`)} · ${s.recipient}`,
              s.response ? `${s.responseDate ? `${date(s.responseDate)}: ` : ''}${s.response}` : fig('noResponse'),
            ]),
          }
        : undefined,
      subsections: influence.length
        ? [
            {
              heading: fig('influence'),
              table: {
                caption: fig('influenceCaption'),
                columns: [
                  { header: fig('type'), width: 2 },
                  ...INFLUENCE_COLUMNS.map((c) => ({ header: t(`plans.statements.outcomes.${c}`), width: 1 })),
                  { header: fig('total'), width: 1 },
                ],
                rows: influence.map((r) => [
                  r.type === 'total' ? fig('total') : t(`plans.statements.types.${r.type}`),
                  ...r.counts.map(String),
                  String(r.total),
                ]),
              },
            },
          ]
        : undefined,
    },
    {
      heading: fig('plan'),
      paragraphs: f.plan ? [] : [fig('noPlan')],
      table: f.plan
        ? {
            caption: fig('planCaption'),
            columns: [{ header: fig('goal'), width: 2 }, { header: fig('action'), width: 3 }, { header: fig('owner'), width: 2 }, { header: fig('status'), width: 1 }],
            rows: f.plan.actions.map((a) => [a.goal, a.outcome ? `${a.title}\n${a.outcome}` : a.title, a.owner ?? '–', t(`plans.actionStatuses.${a.status}`)]),
          }
        : undefined,
    },
  ];
}
