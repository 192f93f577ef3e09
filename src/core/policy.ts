/**
 * A policy is the contract as data: categories, the level-1 region table and one entry per
 * clause. Every limit and point value comes from here; the rule engine knows clause *shapes*
 * (src/rules/shapes), never clause ids. Built-in policies live in `policies/*.yaml`, described
 * by `schemas/policy.schema.json`; this is their loaded, checked form, shared by every stage.
 */
import type { Kind } from './kinds';
import type { Text } from './lang';

/** `3h`, `5d`, `7wd` in the policy file. */
export interface Duration {
  readonly amount: number;
  readonly unit: 'h' | 'd' | 'wd';
}

/** hours and days may be fractional (`1.5d`); working days are counted whole */
const DURATION = /^(?:([0-9]+(?:\.[0-9]+)?)(h|d)|([0-9]+)(wd))$/;

/** `3h` → {amount: 3, unit: 'h'}; null when it is not a duration. */
export function parseDuration(s: string): Duration | null {
  const m = DURATION.exec(s);
  if (!m) return null;
  return m[4] ? { amount: Number(m[3]), unit: 'wd' } : { amount: Number(m[1]), unit: m[2] as Duration['unit'] };
}

export type Scalar = string | number | boolean;
/**
 * A test of one record field:
 * - a scalar: the field equals it (an absent boolean field counts as its kind's default);
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

/**
 * What every clause has. Its `shape` (src/rules/shapes) knows the rest of its fields and what
 * they mean.
 */
export interface Clause {
  readonly id: string;
  readonly shape: string;
  /** A category id, or `ticket`: the category of the ticket the record is or refers to. */
  readonly category: string;
  readonly title: Text;
  /** Negative: a deduction per finding; 0: shown only; positive: a bonus per finding. */
  readonly points: number;
  /** An obligation of the operator, shown but never costing the vendor points. */
  readonly operator?: boolean;
  /** Short description of the limit as written in the contract, for `policy show`. */
  readonly limit_text?: Text;
  /** the records a record-based clause looks at (absent for recurring and manual clauses) */
  readonly applies?: Applies;
}

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

/** Service credits: the quarter's points turned into money (policy `credits`, optional). */
export interface Credits {
  /** ISO 4217, e.g. CNY */
  readonly currency: string;
  readonly per_point: number;
  /** at most this much a quarter */
  readonly cap: number | null;
  /** bonus points reduce a category's credit (not below 0) */
  readonly bonus_offsets: boolean;
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
  /** null: the contract states no money, and none is shown */
  readonly credits: Credits | null;
}
