/**
 * Plain data shared by every stage of the pipeline (load → schema → model → rules → reports).
 * Nothing here reads files or prints.
 */

/** The ten record kinds; the top folder of a record file names its kind. */
export const KINDS = [
  'tickets',
  'inspections',
  'upgrades',
  'loans',
  'consultations',
  'doc-requests',
  'exchanges',
  'meetings',
  'submissions',
  'assessments',
] as const;
export type Kind = (typeof KINDS)[number];

export function isKind(s: string): s is Kind {
  return (KINDS as readonly string[]).includes(s);
}

/** A place in a file; `file` is relative to the records folder, with `/` separators. */
export interface SourcePos {
  readonly file: string;
  readonly line: number; // 1-based
  readonly column: number; // 1-based
}

export type Severity = 'error' | 'warning';

/** One validation problem: the `errors`/`warnings` entries of `validate --format json`. */
export interface Problem {
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly kind: Kind | null;
  readonly record: string | null;
  /** The check's name, e.g. `duplicate-id`, `time-order`, `yaml-syntax`. */
  readonly rule: string;
  readonly message: string;
}

/** A stage's result: errors are values, not exceptions. */
export interface Result<T> {
  readonly value: T;
  readonly problems: readonly Problem[];
}
