/**
 * A clause shape: everything svc-sla knows about one kind of obligation, in one file — how a
 * clause of it is read from the policy file, what the schema cannot check about it, how it is
 * evaluated, how far after its records its obligations can fall due, and what it measures
 * (in structured terms that src/render puts into words for `policy show` and `explain`).
 * src/rules/shapes/index.ts lists the shapes; a policy names one per clause.
 */
import type { Applies, Clause, Condition, Duration, Policy } from '../../core/policy';
import type { CheckName } from '../../core/problems';
import type { Ctx } from '../context';

/**
 * A problem a shape finds in a clause, at a path inside the clause (`['limit', 'clauses', 0]`),
 * or with `inPolicy` at a path from the policy's top (`['regions', 2, 'limits']`).
 */
export interface ShapeIssue {
  readonly path: readonly (string | number)[];
  readonly inPolicy?: boolean;
  readonly rule: CheckName;
  readonly message: string;
  /** what the problem is about, when not the clause (a region id) */
  readonly record?: string;
}

/** What a clause's limit is, as `policy show` and `explain` put it into words. */
export type LimitDescription =
  | { readonly type: 'duration'; readonly duration: Duration }
  /** a column of the region table */
  | { readonly type: 'region'; readonly stage: string }
  /** the limit the linked record is held to */
  | { readonly type: 'linked'; readonly field: string; readonly clauses: readonly string[] }
  /** a date agreed in the record, else (fallback) a duration after another field */
  | { readonly type: 'agreed'; readonly field: string; readonly fallback?: { readonly duration: Duration; readonly from: string } }
  /** at least a duration before a date of the record */
  | { readonly type: 'before'; readonly duration: Duration; readonly date: string }
  | { readonly type: 'window'; readonly start: string; readonly end: string }
  | { readonly type: 'monthly'; readonly day: number }
  | { readonly type: 'annual'; readonly month: number; readonly day: number }
  | { readonly type: 'half-year'; readonly subject: string }
  | { readonly type: 'quota'; readonly amount: number; readonly field: string }
  | { readonly type: 'manual' }
  | { readonly type: 'none' };

/** Records of a kind that pass a condition. */
export interface KindWhen {
  readonly kind: string;
  readonly when?: Condition;
}

/** What a clause reads: its records, and for recurring clauses what it counts and what proves it done. */
export interface ReadsDescription {
  readonly applies?: Applies;
  /** items of a list field of the record */
  readonly items?: { readonly list: string; readonly when?: Condition };
  /** records whose month makes the obligation due */
  readonly needs?: KindWhen & { readonly date: string };
  readonly evidence?: KindWhen;
  /** one obligation per value of this field */
  readonly perSubject?: string;
  readonly subjectsFrom?: KindWhen & { readonly list: string };
  readonly sum?: { readonly amount: string; readonly date: string };
  /** manual clauses: assessments that must name a record of this kind */
  readonly refKind?: string;
  readonly assessments?: boolean;
}

/** A timed span: what starts it and what ends it, as field names with how they relate. */
export type SpanDescription =
  | { readonly type: 'elapsed'; readonly from: string; readonly to: readonly string[] }
  | { readonly type: 'deadline'; readonly to: string; readonly due: string }
  | { readonly type: 'before'; readonly to: string; readonly date: string; readonly duration: Duration }
  | { readonly type: 'window'; readonly start: string; readonly end: string; readonly windowStart: string; readonly windowEnd: string }
  | { readonly type: 'field'; readonly field: string }
  | { readonly type: 'none' };

export interface ClauseDescription {
  readonly reads: ReadsDescription;
  readonly span: SpanDescription;
  readonly limit: LimitDescription;
  /** the `to` time counts only when the record passes this */
  readonly validIf?: Condition;
}

export interface Shape<C extends Clause = Clause> {
  readonly name: string;
  /**
   * The JSON Schema of a clause of this shape, for a shape that is not in
   * schemas/policy.schema.json (whose `clause-<name>` definitions serve the built-in shapes).
   */
  readonly schema?: object;
  /** A schema-checked clause of the policy file → the clause the engine reads (durations parsed). */
  parse(data: Readonly<Record<string, unknown>>): C;
  /** What the schema cannot see: references to other clauses, stages of the region table. */
  check?(clause: C, policy: Policy): ShapeIssue[];
  /** Every obligation the clause creates, each pushed to the context. */
  evaluate(ctx: Ctx, clause: C): void;
  /**
   * For record-based shapes: an upper bound (ms) on how long after a record's latest moment one
   * of its obligations can fall due, so a report of one period may skip older records.
   */
  horizon?(clause: C, policy: Policy): number;
  describe(clause: C, policy: Policy): ClauseDescription;
}

/** A shape with its clause type kept (the registry stores them side by side). */
export function defineShape<C extends Clause>(shape: Shape<C>): Shape<Clause> {
  return shape as unknown as Shape<Clause>;
}

/** `3h` from the (schema-checked) policy data. */
export function durationOf(raw: unknown, parse: (s: string) => Duration | null): Duration {
  const d = typeof raw === 'string' ? parse(raw) : null;
  if (!d) throw new Error(`svc-sla: not a duration after the schema check: ${String(raw)}`);
  return d;
}
