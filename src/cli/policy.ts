import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { builtinPolicyNames, loadPolicy } from '../policy/load';
import { catalogue } from '../render/i18n';
import { policyView, type PolicyView } from '../render/policy';
import type { Lang } from '../core/lang';
import { findRecordsFolder } from '../load/discover';
import { renderGithub, renderJson, renderText } from '../render/problems';
import { renderMarkdownTable, renderTerminalTable, type TableModel } from '../render/table';
import { escapeMarkdownInline } from '../render/document';
import { escapeTerminal } from '../render/escape';
import { openFolder } from '../load/folder';
import { diskFiles } from '../source/fs';
import { EXIT_INVALID, UsageError, type Io } from './common';
import { emit } from './output';
import { langOption } from './report-common';

const SHOW_HELP = `
Prints a policy's clauses as readable tables, so everyone sees what they are held to: each
clause id with its category, what it measures, its limit and its points; the categories of the
quarterly table with their maximum; the level-1 region table; quotas that are shown, not scored.

Without a name: the policy of the records folder you are in (its svc-sla.yaml), else
gd-transmission. Built-in policies: ${'<names>'}.

Examples:
  $ svc-sla policy show gd-transmission --lang en
  $ svc-sla policy show my-policy.yaml --format md > POLICY.md
`;

const CHECK_HELP = `
Checks a custom policy file (for example one that \`extends: gd-transmission\` and changes a
limit or the region table) and reports problems at file:line:column. Exit 0 valid, 1 invalid,
2 usage error.

Example:
  $ svc-sla policy check policies/gd-2027.yaml
`;

interface ShowOpts {
  format: string;
  lang?: string;
  output?: string;
}

export function policyCommand(io: Io): Command {
  const cmd = new Command('policy').summary('show or check a policy (the contract as data)').description('Show or check a policy: the contract as data.');
  cmd
    .command('show')
    .description("Print a policy's clauses, categories, regions and quotas as tables.")
    .argument('[policy]', 'a built-in name or a policy YAML file (default: the records folder\'s policy)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .addOption(langOption())
    .option('-o, --output <file>', 'write to this file instead of standard output (written whole or not at all)')
    .addHelpText('after', SHOW_HELP.replace('<names>', builtinPolicyNames().join(', ')))
    .action((ref: string | undefined, opts: ShowOpts) => {
      let lang = opts.lang as Lang | undefined;
      let name = ref;
      let base = io.cwd;
      // -o never writes a file the records folder would read
      const records = findRecordsFolder(diskFiles, io.cwd);
      if (name === undefined) {
        const root = records;
        if (root !== null) {
          const ws = openFolder(root);
          name = ws.config.policy;
          base = root;
          lang ??= ws.config.locale;
        } else {
          name = 'gd-transmission';
        }
      }
      const loaded = loadPolicy(name, base);
      if (!loaded.policy) {
        io.err(renderText({ records: 0, files: 0, problems: loaded.problems }, { quiet: true }));
        io.exitCode = EXIT_INVALID;
        return;
      }
      const view = policyView(loaded.policy, lang ?? 'zh-CN');
      const tty = opts.output === undefined && io.stdoutIsTty;
      const text = opts.format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : renderPolicy(view, lang ?? 'zh-CN', opts.format === 'md' ? 'md' : 'text', tty);
      emit(io, text, { format: opts.format, output: opts.output }, lang ?? 'zh-CN', records ?? undefined);
    });
  cmd
    .command('check')
    .description('Check a custom policy file; problems at file:line:column.')
    .argument('<file>', 'policy YAML file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .addHelpText('after', CHECK_HELP)
    .action((file: string, opts: { format: string }) => {
      const abs = path.resolve(io.cwd, file);
      if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) throw new UsageError(`${file}: no such file`);
      const loaded = loadPolicy(abs, path.dirname(abs));
      const summary = { records: loaded.policy?.clauses.length ?? 0, files: 1, problems: loaded.problems };
      if (opts.format === 'json') io.out(renderJson(summary));
      else if (opts.format === 'github') io.out(renderGithub(summary, { quiet: false, pathFor: (f) => path.relative(io.cwd, path.resolve(path.dirname(abs), f)) }));
      else {
        io.out(renderText(summary, { quiet: false, paint: io.paint }).replace(/record(s?) in/, 'clause$1 in'));
      }
      io.exitCode = loaded.policy === null ? EXIT_INVALID : 0;
    });
  return cmd;
}


function renderPolicy(v: PolicyView, lang: Lang, format: 'md' | 'text', colour: boolean): string {
  const w = catalogue(lang).policyTable;
  const table = (t: TableModel) => (format === 'md' ? renderMarkdownTable(t) : renderTerminalTable(t, colour));
  const h = (s: string) => (format === 'md' ? `## ${s}\n\n` : `${s}\n`);
  const parts: string[] = [format === 'md' ? `# ${escapeMarkdownInline(`${v.name} (${v.id})`)}\n\n` : `${escapeTerminal(`${v.name} (${v.id}) — ${v.source}`)}\n\n`];
  parts.push(h(w.categories), table({ columns: [{ label: w.id }, { label: w.title }, { label: w.max, align: 'right' }, { label: w.count, align: 'right' }], rows: v.categories.map((c) => [c.id, c.title, c.max === null ? '' : String(c.max), String(c.clauses)]) }), '\n');
  parts.push(
    h(w.clauses),
    table({
      columns: [{ label: w.id }, { label: w.title }, { label: w.category }, { label: w.span }, { label: w.limit }, { label: w.points, align: 'right' }],
      rows: v.clauses.map((c) => [c.id, c.title, c.categoryTitle, c.span, c.limit, c.points > 0 ? `+${c.points}` : String(c.points)]),
    }),
    '\n',
  );
  if (v.regions.rows.length > 0) {
    parts.push(
      h(w.regions),
      table({
        columns: [{ label: w.id }, { label: w.title }, { label: w.cities }, ...v.regions.stageTitles.map((t) => ({ label: t, align: 'right' as const }))],
        rows: v.regions.rows.map((r) => [r.id, r.title, r.cities, ...v.regions.stages.map((s) => r.limits[s] ?? '')]),
      }),
      '\n',
    );
  }
  if (v.quotas.length > 0) {
    parts.push(h(w.quotas), table({ columns: [{ label: w.id }, { label: w.title }, { label: w.quota, align: 'right' }], rows: v.quotas.map((q) => [q.id, q.title, q.amount]) }));
  }
  return parts.join('').replace(/\n+$/, '\n');
}
