/**
 * The output formats of the reports. Each report is a model (numbers, from src/reports) with a
 * renderer per format: its blocks give the document formats (terminal text, Markdown, CSV), its
 * JSON the programs' format. A verb picks its renderer from the report's `Formats` record.
 */
import type { Clock } from '../calendar/time';
import type { Lang } from '../core/lang';
import type { Policy } from '../core/policy';
import type { ReportHeader } from '../reports/header';
import { renderCsv, renderMarkdown, renderText, type Block } from './document';
import { labels } from './i18n';
import type { Paint } from './style';

export const REPORT_FORMATS = ['text', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What every renderer of a report may need besides the model. */
export interface RenderContext {
  readonly header: ReportHeader;
  readonly policy: Policy;
  readonly clock: Clock;
  readonly lang: Lang;
  /** colours for a terminal; `plain` elsewhere */
  readonly colour: boolean;
  readonly paint: Paint;
}

/** A rendering of a report: the whole output as text (CSV without its BOM: the writer encodes it). */
export type Renderer<M> = (model: M, ctx: RenderContext) => string;

export type Formats<M> = Readonly<Record<ReportFormat, Renderer<M>>>;

/** The document formats of a report from its blocks, and the rest given. */
export function withDocuments<M>(blocks: (model: M, ctx: RenderContext) => Block[], rest: { json: Renderer<M> } & Partial<Formats<M>>): Formats<M> {
  return {
    text: (m, ctx) => renderText(blocks(m, ctx), { colour: ctx.colour, paint: ctx.paint, none: labels(ctx.lang).none }),
    md: (m, ctx) => renderMarkdown(blocks(m, ctx), labels(ctx.lang).none),
    csv: (m, ctx) => renderCsv(blocks(m, ctx)),
    ...rest,
  };
}
