/**
 * SARIF 2.1.0 (OASIS), the format of GitHub code scanning and of most static-analysis viewers:
 * one run of the tool `svc-sla`, every check as a rule (id = the check name, with its meaning
 * from docs/records.md as help), one result per problem at its file, line and column.
 */
import { ALL_CHECK_NAMES, type Problem } from '../core/problems';
import { checkHelp, CHECKS_ANCHOR, CHECKS_DOC } from './check-help';
import { problemFingerprints } from './problems';
import type { ValidationSummary } from './problems';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function renderSarif(s: ValidationSummary, opts: { quiet: boolean; pathFor: (file: string) => string; version: string }): string {
  const shown: readonly Problem[] = opts.quiet ? s.problems.filter((p) => p.severity === 'error') : s.problems;
  const help = checkHelp();
  const rules = ALL_CHECK_NAMES.map((id) => {
    const meaning = help.get(id) ?? `the ${id} check`;
    return {
      id,
      shortDescription: { text: meaning },
      help: {
        text: `${id}: ${meaning}. svc-sla's ${CHECKS_DOC} ("Checks and their names") describes every check.`,
        markdown: `\`${id}\`: ${meaning}. svc-sla's \`${CHECKS_DOC}\` (section *Checks and their names*, \`#${CHECKS_ANCHOR}\`) describes every check.`,
      },
    };
  });
  const index = new Map(ALL_CHECK_NAMES.map((id, i) => [id, i]));
  const fingerprints = problemFingerprints(shown, opts.pathFor);
  const results = shown.map((p, i) => {
    const rec = p.record !== null ? ` [${p.record}]` : '';
    const file = opts.pathFor(p.file);
    // a problem of a built-in policy (builtin:<name>) is in no file of the repository
    const locations = p.file.startsWith('builtin:')
      ? []
      : [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(file) }, region: { startLine: Math.max(1, p.line), startColumn: Math.max(1, p.column) } } }];
    return {
      ruleId: p.rule,
      ruleIndex: index.get(p.rule)!,
      level: p.severity === 'error' ? 'error' : 'warning',
      message: { text: `${p.message}${rec}` },
      locations,
      partialFingerprints: { 'svcSlaProblem/v1': fingerprints[i]! },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'svc-sla', semanticVersion: opts.version, version: opts.version, rules } },
        results,
        columnKind: 'utf16CodeUnits',
        properties: { records: s.records, files: s.files },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodeUriPath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
