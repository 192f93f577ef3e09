import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { findRecordsFolder } from '../records/discover';
import { renderGithub, renderJson, renderText } from '../render/problems';
import { hasErrors, openFolder } from '../schema/check';
import { EXIT_INVALID, EXIT_OK, UsageError, repoRelative, resolveFolder, type Io } from './common';

const HELP = `
Checks every record of the folder against the JSON Schemas in schemas/ and the contract's
logic (unique ids, times in order, fields required by condition, known cities and clauses).
Each problem is reported at file:line:column with the name of the check that found it.

Give the records folder, or nothing to use the nearest folder upward that holds svc-sla.yaml.
Give record files instead (as pre-commit does) to report only problems in those files; the
cross-record checks still see the whole folder.

Formats:
  text     grouped by file, coloured on a terminal (NO_COLOR turns colour off)
  json     {valid, records, errors: [{file, line, column, kind, record, rule, message}], warnings}
  github   GitHub Actions annotations (chosen by default when GITHUB_ACTIONS=true)

Exit codes: 0 valid (warnings allowed), 1 invalid records, 2 usage error or unreadable folder.

Examples:
  $ svc-sla validate samples/gd-transmission
  $ svc-sla validate --format json > problems.json
  $ svc-sla validate tickets/2026/09/GD-0142.yaml       # only this file's problems
`;

export function validateCommand(io: Io): Command {
  return new Command('validate')
    .summary('check records against the schemas and the contract logic')
    .description('Check every record against the JSON Schemas and the contract logic; errors at file:line:column.')
    .argument('[paths...]', 'records folder, or record files inside one (default: the nearest folder holding svc-sla.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']))
    .option('-q, --quiet', 'print errors only: no warnings, nothing at all when valid')
    .addHelpText('after', HELP)
    .action((paths: string[], opts: { format?: string; quiet?: boolean }) => {
      const { root, only } = resolveTargets(paths, io.cwd);
      const ws = openFolder(root);
      const problems = only ? ws.problems.filter((p) => only.has(p.file)) : ws.problems;
      const summary = { records: ws.recordCount, files: ws.fileCount, problems };
      const format = opts.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
      const quiet = opts.quiet === true;
      if (format === 'json') io.out(renderJson(summary));
      else if (format === 'github') io.out(renderGithub(summary, { quiet, pathFor: repoRelative(root, io.cwd) }));
      else io.out(renderText(summary, { quiet, paint: io.paint }));
      io.exitCode = hasErrors(problems) ? EXIT_INVALID : EXIT_OK;
    });
}

/** A folder, or files that all lie in one records folder. */
function resolveTargets(paths: readonly string[], cwd: string): { root: string; only: Set<string> | null } {
  if (paths.length === 0) return { root: resolveFolder(undefined, cwd), only: null };
  if (paths.length === 1) {
    const abs = path.resolve(cwd, paths[0]!);
    if (!fs.existsSync(abs) || fs.statSync(abs).isDirectory()) return { root: resolveFolder(paths[0], cwd), only: null };
  }
  let root: string | null = null;
  const only = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (!fs.existsSync(abs)) throw new UsageError(`${p}: no such file`);
    if (fs.statSync(abs).isDirectory()) throw new UsageError(`${p}: give either one records folder or record files, not both`);
    const r = findRecordsFolder(path.dirname(abs));
    if (r === null) throw new UsageError(`${p}: not inside a records folder (no svc-sla.yaml above it)`);
    if (root !== null && r !== root) throw new UsageError(`${p}: the files belong to different records folders (${root} and ${r})`);
    root = r;
    only.add(path.relative(r, abs).split(path.sep).join('/'));
  }
  return { root: root!, only };
}
