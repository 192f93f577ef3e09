/**
 * The output formats of the reports. Each report is a model (numbers, from src/reports) with a
 * renderer per format: its blocks give the document formats (terminal text, Markdown, CSV, HTML) and
 * by default its workbook (xlsx.ts), its JSON the programs' format. A verb picks its renderer
 * from the report's `Formats` record.
 */
import type { Clock } from '../calendar/time';
import type { WorkCalendar } from '../calendar/workdays';
import type { Lang } from '../core/lang';
import type { Policy } from '../core/policy';
import type { ReportHeader } from '../reports/header';
import { renderCsv, renderMarkdown, renderText, type Block } from './document';
import { renderHtml } from './html';
import { labels } from './i18n';
import type { Paint } from './style';
import { blocksWorkbook } from './xlsx';

export const REPORT_FORMATS = ['text', 'md', 'csv', 'json', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The formats rendered as text; `xlsx` is bytes. */
export type TextFormat = Exclude<ReportFormat, 'xlsx'>;

/** What every renderer of a report may need besides the model. */
export interface RenderContext {
  readonly header: ReportHeader;
  readonly policy: Policy;
  readonly clock: Clock;
  readonly lang: Lang;
  /** colours for a terminal; `plain` elsewhere */
  readonly colour: boolean;
  readonly paint: Paint;
  /** the working-day calendar, for overruns in working days (workbook and flat CSV) */
  readonly calendar?: WorkCalendar;
  /** `--no-header-block`: CSV as one table with one header row (reports of findings) */
  readonly flat?: boolean;
}

/** A rendering of a report: the whole output as text (CSV without its BOM: the writer encodes it). */
export type Renderer<M> = (model: M, ctx: RenderContext) => string;
/** A rendering as the bytes of a file (.xlsx). */
export type BinaryRenderer<M> = (model: M, ctx: RenderContext) => Uint8Array;

export type Formats<M> = Readonly<Record<TextFormat, Renderer<M>>> & { readonly xlsx: BinaryRenderer<M> };

/** The document formats of a report from its blocks (and its workbook: one sheet of them), and the rest given. */
export function withDocuments<M>(blocks: (model: M, ctx: RenderContext) => Block[], rest: { json: Renderer<M> } & Partial<Formats<M>>): Formats<M> {
  return {
    text: (m, ctx) => renderText(blocks(m, ctx), { colour: ctx.colour, paint: ctx.paint, none: labels(ctx.lang).none }),
    md: (m, ctx) => renderMarkdown(blocks(m, ctx), labels(ctx.lang).none),
    csv: (m, ctx) => renderCsv(blocks(m, ctx)),
    html: (m, ctx) => renderHtml(blocks(m, ctx), { lang: ctx.lang, none: labels(ctx.lang).none }),
    xlsx: (m, ctx) => blocksWorkbook(blocks(m, ctx), ctx),
    ...rest,
  };
}
