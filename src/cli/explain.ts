import { Command, Option } from 'commander';
import { discover } from '../load/discover';
import { readSettingsYaml } from '../load/files';
import type { Problem } from '../core/problems';
import type { CheckedFolder } from '../checks';
import { explainRecord } from '../reports/explain';
import { EXPLAIN_FORMATS } from '../render/explain';
import { didYouMean } from '../util/suggest';
import { UsageError, type Io } from './common';
import { emit, render } from './output';
import { asOfOption, langOption, prepareReport } from './report-common';

const HELP = `
Shows how svc-sla judged one record, clause by clause: for every clause of the policy that
could apply to records of its kind, whether it applies and, if not, why (a condition not met,
a field absent, excluded because another clause judges it — a difficult fault is judged by its
agreed deadline instead of its level's limit). For each clause that applies:

  - the field that starts the clock, its value and its file:line;
  - the limit as the policy states it and where it came from: the clause, the region table row
    and the city that chose it, the linked ticket's limit, an agreed date field;
  - the due moment and how it was reached; for a limit in working days each day counted and
    each day skipped, with why (weekend, statutory holiday and its name, make-up working day
    counted, the calendar file that set the day);
  - the field that stops the clock and its value, or "open";
  - the verdict (met, late by …, open with the time left, overdue), the points and the quarter
    they count in.

The verdicts and points are those of breaches and report, computed by the same engine on the
whole folder: explain shows its working, it never judges on its own. A field dated after
--as-of has not happened as at that moment.

Formats: text (default), md (to paste into the meeting minutes), json (see
schemas/output-explain.schema.json).

Examples:
  $ svc-sla explain ZX-2026-040 samples/gd-transmission --as-of 2026-10-31
  $ svc-sla explain GD-2026-0301 --lang en             # a live ticket: the time left
  $ svc-sla explain GD-2026-0142 --format md > GD-2026-0142.md
  $ svc-sla explain GD-2026-0142 --format json | jq '.clocks[] | select(.applies)'
`;

interface Opts {
  asOf?: string;
  lang?: string;
  format?: string;
  output?: string;
}

/** Days listed in the folder's calendar files, with where each is listed. */
export function calendarDays(ws: CheckedFolder): Map<string, { file: string; line: number }> {
  const out = new Map<string, { file: string; line: number }>();
  const problems: Problem[] = [];
  for (const f of discover(ws.files, ws.root).calendars) {
    const doc = readSettingsYaml(ws.files, f, problems);
    if (!doc) continue;
    for (const list of ['holidays', 'workdays'] as const) {
      const dates = doc.data[list];
      if (!Array.isArray(dates)) continue;
      dates.forEach((d, i) => {
        if (typeof d === 'string' && !out.has(d)) out.set(d, { file: f.rel, line: doc.locate([list, i]).line });
      });
    }
  }
  return out;
}

export function explainCommand(io: Io): Command {
  return new Command('explain')
    .summary('how one record was judged, clause by clause and day by day')
    .description('Shows, for one record, every clause that could apply to it: why it does or does not, the clock, the limit and where it came from, the due moment day by day, the verdict and the points.')
    .argument('<record-id>', 'the id of the record (ticket, consultation, inspection, ...)')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .addOption(asOfOption())
    .addOption(langOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText('after', HELP)
    .action((id: string, folder: string | undefined, opts: Opts) => {
      if (opts.output !== undefined && opts.output.trim() === '') throw new UsageError('-o needs a file name');
      // every obligation is computed; one needing a calendar year nobody provided is named on the clause
      const ctx = prepareReport(io, folder, { asOf: opts.asOf, lang: opts.lang }, { showsUntil: () => -Infinity });
      if (!ctx) return;
      const { ws } = ctx;
      const found = ws.located.find((l) => l.ok && l.rec.id === id);
      if (!found) {
        const ids = ws.records.map((r) => r.id);
        throw new UsageError(`no record '${id}' in ${ws.root}${didYouMean(id, ids)}`);
      }
      const x = explainRecord({
        rec: found.rec,
        locate: (field) => found.locate([field]),
        policy: ctx.policy,
        clock: ws.clock,
        calendar: ws.calendar,
        calendarDays: calendarDays(ws),
        evaluations: ctx.evaluations,
        gaps: ctx.gaps,
        asOf: ctx.asOf,
      });
      emit(io, render(EXPLAIN_FORMATS, x, io, ctx, opts, null), opts, ctx.lang, ws.root);
    });
}
