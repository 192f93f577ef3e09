/**
 * Problems: what every stage reports instead of throwing. One factory, one order, and the
 * names of every check a problem can come from (the `rule` of `validate --format json`). The
 * names are the vocabulary; src/checks/ holds the list that runs them.
 */

export type Severity = 'error' | 'warning';

/**
 * Every check name, grouped by the tier that reports it. A problem names exactly one of them,
 * so a misspelt name does not compile; docs/records.md documents each (a test keeps the two
 * in step).
 */
export const CHECK_NAMES = {
  /** reading a file: it is not a usable record, settings or policy file */
  read: [
    'yaml-syntax',
    'duplicate-key',
    'alias-limit',
    'yaml-limit',
    'csv-syntax',
    'csv-header',
    'csv-columns',
    'csv-list',
    'empty-file',
    'binary-file',
    'encoding',
    'file-too-large',
    'unreadable',
    'unknown-kind',
    'not-a-record',
    'unsafe-path',
    'folder-link',
    'example-record',
    'workbook',
    'workbook-sheet',
    'workbook-cell',
  ],
  /** a field breaks its kind's JSON Schema */
  schema: ['required-field', 'type', 'enum', 'format', 'range', 'duplicate-item', 'schema', 'unknown-field'],
  /** svc-sla.yaml, calendar files and the policy */
  settings: [
    'config',
    'calendar',
    'policy-schema',
    'policy-not-found',
    'policy-read',
    'policy-extends-cycle',
    'policy-duplicate-id',
    'policy-duplicate-clause',
    'policy-duplicate-category',
    'policy-duplicate-quota',
    'policy-duplicate-region',
    'policy-duplicate-city',
    'policy-remove-clause',
    'policy-reserved-category',
    'policy-ticket-category',
    'policy-unknown-category',
    'policy-linked-clause',
    'policy-unknown-region-stage',
  ],
  /** what needs more than one field or more than one record */
  logic: [
    'duplicate-id',
    'time-order',
    'level1-handling',
    'onsite-location',
    'unknown-city',
    'unknown-region',
    'difficult-deadline',
    'analysis-due',
    'loan-ticket',
    'loan-agreed-delivery',
    'inspection-ticket',
    'inspection-done',
    'inspection-trunk',
    'condition-unrecorded',
    'future-time',
    'calendar-ahead',
    'assessment-clause',
    'assessment-ref',
    'assessment-points',
  ],
  /** computing the contract's clauses */
  rules: ['calendar-year'],
  /** evidence locks of signed quarters */
  locks: ['locked-record-changed', 'locked-record-missing', 'locked-table-changed', 'lock-file'],
} as const;

export type Tier = keyof typeof CHECK_NAMES;
export type CheckName = (typeof CHECK_NAMES)[Tier][number];

/** Every check name, tier by tier. */
export const ALL_CHECK_NAMES: readonly CheckName[] = Object.values(CHECK_NAMES).flat();

/** One problem: the `errors`/`warnings` entries of `validate --format json`. */
export interface Problem {
  readonly severity: Severity;
  /** relative to the records folder, `/`-separated (or `builtin:<policy>`) */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string | null;
  readonly record: string | null;
  readonly rule: CheckName;
  readonly message: string;
  /**
   * Record files the problem is about besides its own (a lock's problem names the records that
   * broke it): `validate` given some files shows it when one of these is among them.
   */
  readonly about?: readonly string[];
}

/**
 * A place in a file; `file` is relative to the records folder, with `/` separators. In a
 * workbook `line` is the row and `column` the column (A = 1) of `sheet`.
 */
export interface SourcePos {
  readonly file: string;
  readonly line: number; // 1-based
  readonly column: number; // 1-based
  /** the sheet, for a place in a workbook */
  readonly sheet?: string;
}

/** 28 → `AB` */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(0x41 + ((n - 1) % 26)) + s;
  return s;
}

/** `[Sheet1] F12`: a cell of a workbook as people find it; '' for a place in a text file. */
export function cellName(pos: SourcePos): string {
  return pos.sheet === undefined ? '' : `[${pos.sheet}] ${columnLetters(pos.column)}${pos.line}`;
}

export interface ProblemContext {
  readonly severity?: Severity;
  readonly kind?: string | null;
  readonly record?: string | null;
}

/**
 * The one way to make a problem: where, which check, what to do about it. A problem in a
 * workbook names its sheet and cell first (`[Sheet1] F12 …`): rows of two sheets share numbers.
 */
export function problemAt(pos: SourcePos, rule: CheckName, message: string, ctx: ProblemContext = {}): Problem {
  return {
    severity: ctx.severity ?? 'error',
    file: pos.file,
    line: pos.line,
    column: pos.column,
    kind: ctx.kind ?? null,
    record: ctx.record ?? null,
    rule,
    message: pos.sheet === undefined ? message : `${cellName(pos)} ${message}`,
  };
}

/** A problem about a whole file (its first line). */
export function fileProblem(file: string, rule: CheckName, message: string, ctx: ProblemContext = {}): Problem {
  return problemAt({ file, line: 1, column: 1 }, rule, message, ctx);
}

/** The one order problems are shown in: file, line, column, errors first, then check and message. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}
