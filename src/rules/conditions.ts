/** Record conditions of a policy (`when`, `unless`, `any`, `valid_if`) tested against plain record data. */
import type { Rec } from '../core/model';
import type { Kind } from '../core/types';
import type { Applies, Condition, FieldTest, Policy, Scalar } from '../policy/types';

/**
 * Booleans whose absence means `true` (RECORDS.md); every other absent boolean is simply
 * absent, so `{x: false}` does not match it but `{x: {not: true}}` does.
 */
const TRUE_BY_DEFAULT: Readonly<Partial<Record<Kind, readonly string[]>>> = {
  tickets: ['level_confirmed'],
  inspections: ['docs_compliant'],
  upgrades: ['version_certified'],
};
const FALSE_BY_DEFAULT: Readonly<Partial<Record<Kind, readonly string[]>>> = {
  upgrades: ['operator_error'],
};

export function fieldValue(data: Readonly<Record<string, unknown>>, kind: Kind | null, field: string): unknown {
  const v = data[field];
  if (v !== undefined || kind === null) return v;
  if (TRUE_BY_DEFAULT[kind]?.includes(field)) return true;
  if (FALSE_BY_DEFAULT[kind]?.includes(field)) return false;
  return undefined;
}

function same(a: unknown, b: Scalar): boolean {
  if (a === b) return true;
  // `period: 2026` (a YAML number) and `2026` (CSV text) mean the same
  return (typeof a === 'number' || typeof a === 'string') && typeof b !== 'boolean' && String(a) === String(b);
}

function oneOf(v: unknown, t: Scalar | readonly Scalar[]): boolean {
  return Array.isArray(t) ? (t as readonly Scalar[]).some((x) => same(v, x)) : same(v, t as Scalar);
}

export function passes(v: unknown, test: FieldTest): boolean {
  if (test !== null && typeof test === 'object' && !Array.isArray(test)) {
    if ('present' in test) return (v !== undefined) === test.present;
    if ('not' in test) return v === undefined || !oneOf(v, test.not);
  }
  return v !== undefined && oneOf(v, test as Scalar | readonly Scalar[]);
}

export function matches(data: Readonly<Record<string, unknown>>, kind: Kind | null, cond: Condition | undefined): boolean {
  if (!cond) return true;
  for (const field of Object.keys(cond)) if (!passes(fieldValue(data, kind, field), cond[field]!)) return false;
  return true;
}

export function applies(rec: Rec, a: Applies): boolean {
  if (rec.kind !== a.kind) return false;
  if (!matches(rec.data, rec.kind, a.when)) return false;
  if (a.unless && matches(rec.data, rec.kind, a.unless)) return false;
  if (a.any && a.any.length > 0 && !a.any.some((c) => matches(rec.data, rec.kind, c))) return false;
  return true;
}

/** The table category of a ticket (first matching `ticket_categories` entry). */
export function ticketCategory(policy: Policy, ticket: Rec | undefined): string | null {
  if (!ticket || ticket.kind !== 'tickets') return null;
  for (const tc of policy.ticket_categories) if (matches(ticket.data, 'tickets', tc.when)) return tc.category;
  return null;
}

/** The region of a ticket: its `region`, else the region whose cities include its city (广州市 = 广州). */
export function regionOf(policy: Policy, rec: Rec): Policy['regions'][number] | null {
  const region = rec.data.region;
  if (typeof region === 'string') return policy.regions.find((r) => r.id === region) ?? null;
  const city = rec.data.city;
  if (typeof city !== 'string') return null;
  const name = city.trim().replace(/市$/, '');
  return policy.regions.find((r) => r.cities.includes(name)) ?? null;
}
