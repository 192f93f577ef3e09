/**
 * A policy is the contract as data: categories, the level-1 region table and one entry per
 * clause. The rule engine knows clause *shapes*, never clause ids; every limit and point value
 * comes from here. Built-in policies live in `policies/*.yaml`, described by
 * `schemas/policy.schema.json`; this is their loaded, checked form.
 */
import type { Kind } from '../core/kinds';
import type { Lang, Text } from '../core/lang';

export type { Lang, Text };

/** `3h`, `5d`, `7wd` in the policy file. */
export interface Duration {
  readonly amount: number;
  readonly unit: 'h' | 'd' | 'wd';
}

export type Scalar = string | number | boolean;
/**
 * A test of one record field:
 * - a scalar: the field equals it (an absent boolean field counts as its default, see `defaults`);
 * - a list: the field equals one of them;
 * - `{present: true|false}`: the field is (not) given;
 * - `{not: scalar | list}`: the field is absent or differs.
 */
export type FieldTest =
  | Scalar
  | readonly Scalar[]
  | { readonly present: boolean }
  | { readonly not: Scalar | readonly Scalar[] };

/** All listed fields must pass. */
export type Condition = Readonly<Record<string, FieldTest>>;

/** Which records a clause looks at. */
export interface Applies {
  readonly kind: Kind;
  readonly when?: Condition; // all must pass
  readonly unless?: Condition; // skipped when all of these pass
  readonly any?: readonly Condition[]; // at least one must pass (when given)
}

/** How the limit of an `elapsed` clause is found. */
export type Limit =
  /** a fixed duration */
  | { readonly type: 'duration'; readonly duration: Duration }
  /** a column of the region table (`depart`, `travel`, `repair`, `total`), by the record's region */
  | { readonly type: 'region'; readonly stage: string }
  /**
   * the limit the linked record is held to: `field` holds the linked record's id; the first of
   * `clauses` that applies to the linked record gives the limit (e.g. a level-1 loan runs on its
   * ticket's restore limit).
   */
  | { readonly type: 'linked'; readonly field: string; readonly clauses: readonly string[] };

interface ClauseBase {
  readonly id: string;
  /** A category id, or `ticket`: the category of the ticket the record is or refers to. */
  readonly category: string;
  readonly title: Text;
  /** Negative: a deduction per finding; 0: shown only; positive: a bonus per finding. */
  readonly points: number;
  /** An obligation of the operator, shown but never costing the vendor points. */
  readonly operator?: boolean;
  /** Short description of the limit as written in the contract, for `policy show`. */
  readonly limit_text?: Text;
}

/**
 * `elapsed`: from one timestamp field to another within a limit
 * (due = from + limit, actual = `to`).
 * `valid_if`: when the record fails it, the `to` time does not count (an unsigned sheet counts
 * as not submitted).
 */
export interface ElapsedClause extends ClauseBase {
  readonly shape: 'elapsed';
  readonly applies: Applies;
  readonly from: string;
  readonly to: string;
  readonly limit: Limit;
  readonly valid_if?: Condition;
}

/**
 * `deadline`: a due date agreed in the record (`due` field; a date means that day's end);
 * actual = `to`. When the record has no such field and `fallback` is given, the clause runs as
 * `elapsed` from `fallback.from` with `fallback.limit` (e.g. spares synced within 2 d unless a
 * date was agreed).
 */
export interface DeadlineClause extends ClauseBase {
  readonly shape: 'deadline';
  readonly applies: Applies;
  readonly due: string;
  readonly to: string;
  readonly fallback?: { readonly from: string; readonly limit: Duration };
  readonly valid_if?: Condition;
}

/**
 * `before`: `to` must happen at least `limit` (working days or days) before the date in
 * `date`: due = end of the day that lies `limit` before `date` (the date itself not counted).
 */
export interface BeforeClause extends ClauseBase {
  readonly shape: 'before';
  readonly applies: Applies;
  readonly date: string;
  readonly to: string;
  readonly limit: Duration;
}

/** `window`: `start` ≥ `window_start` and `end` ≤ `window_end` (an upgrade inside its approved window). */
export interface WindowClause extends ClauseBase {
  readonly shape: 'window';
  readonly applies: Applies;
  readonly start: string;
  readonly end: string;
  readonly window_start: string;
  readonly window_end: string;
}

/**
 * `flag`: every record that passes `applies` is a finding (e.g. an uncertified version, a
 * missed inspection). `date` lists fields, first present wins: the finding's moment.
 */
export interface FlagClause extends ClauseBase {
  readonly shape: 'flag';
  readonly applies: Applies;
  readonly date: readonly string[];
}

/**
 * `items`: each entry of the list field `list` that passes `item_when` is a finding
 * (inspection findings handled late, faults caused during an inspection).
 */
export interface ItemsClause extends ClauseBase {
  readonly shape: 'items';
  readonly applies: Applies;
  readonly list: string;
  readonly item_when?: Condition;
  readonly date: readonly string[];
}

/** Records that prove a recurring obligation was met. */
export interface Evidence {
  readonly kind: Kind;
  readonly when?: Condition;
  /** field holding the period (`2026-09` or `2026`) the evidence is for */
  readonly period?: string;
  /** the timestamp of fulfilment */
  readonly done: string;
}

/**
 * `monthly`: for each month in which `needs` records exist (by their `needs.date`), an
 * `evidence` record for that month is due on day `due_day` of the next month, end of day.
 */
export interface MonthlyClause extends ClauseBase {
  readonly shape: 'monthly';
  readonly needs: { readonly kind: Kind; readonly when?: Condition; readonly date: string };
  readonly evidence: Evidence;
  readonly due_day: number;
}

/**
 * `annual`: each calendar year of the contract an `evidence` record for the year is due by
 * `due_month`/`due_day` of that year, end of day.
 */
export interface AnnualClause extends ClauseBase {
  readonly shape: 'annual';
  readonly evidence: Evidence;
  readonly due_month: number;
  readonly due_day: number;
}

/**
 * `half-year`: every subject (e.g. every trunk) must have an `evidence` record in each calendar
 * half (Jan–Jun, Jul–Dec) of the contract; due at the half's end.
 * Subjects are the values of `subject` on records of `evidence.kind`, plus the items of
 * `subjects_from.list` on matching records (the trunks named in the year's inspection plan).
 */
export interface HalfYearClause extends ClauseBase {
  readonly shape: 'half-year';
  readonly subject: string;
  readonly subjects_from?: { readonly kind: Kind; readonly when?: Condition; readonly list: string };
  readonly evidence: Evidence;
}

/**
 * `quota`: the sum of `amount` over `evidence` records dated (`date`) in each contract year
 * must reach `quota`; a shortfall at the year's end is one finding.
 */
export interface QuotaClause extends ClauseBase {
  readonly shape: 'quota';
  readonly evidence: { readonly kind: Kind; readonly when?: Condition; readonly amount: string; readonly date: string };
  readonly quota: number;
}

/** `manual`: judged by people and recorded as `assessments` naming this clause. */
export interface ManualClause extends ClauseBase {
  readonly shape: 'manual';
  /** assessments of this clause must name a record (`ref`) of this kind */
  readonly ref_kind?: Kind;
}

export type Clause =
  | ElapsedClause
  | DeadlineClause
  | BeforeClause
  | WindowClause
  | FlagClause
  | ItemsClause
  | MonthlyClause
  | AnnualClause
  | HalfYearClause
  | QuotaClause
  | ManualClause;

export type Shape = Clause['shape'];

export interface Category {
  readonly id: string;
  readonly title: Text;
  /** Maximum points of the row; null where the contract sets none (score stays empty). */
  readonly max: number | null;
}

export interface Region {
  readonly id: string;
  readonly title: Text;
  readonly cities: readonly string[];
  /** limits by stage (`depart`, `travel`, `repair`, `total`) */
  readonly limits: Readonly<Record<string, Duration>>;
}

/** A quota shown in summaries but never scored (training seats). */
export interface Quota {
  readonly id: string;
  readonly title: Text;
  readonly amount: number;
  readonly unit: Text;
}

export interface Policy {
  readonly id: string;
  readonly name: Text;
  /** the file it was read from (`builtin:gd-transmission` for a built-in one) */
  readonly source: string;
  readonly categories: readonly Category[];
  readonly regions: readonly Region[];
  /** first match wins: the table category of a ticket (`category: ticket` clauses use it) */
  readonly ticket_categories: readonly { readonly when: Condition; readonly category: string }[];
  readonly clauses: readonly Clause[];
  readonly quotas: readonly Quota[];
}
