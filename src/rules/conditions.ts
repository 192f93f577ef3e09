/** Record conditions of a policy (`when`, `unless`, `any`, `valid_if`) tested against plain record data. */
import type { Rec } from '../core/records';
import { fieldValue, type Kind } from '../core/kinds';
import type { Applies, Condition, FieldTest, Policy, Scalar } from '../core/policy';

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

type Pred = (data: Readonly<Record<string, unknown>>) => boolean;

function fieldTest(field: string, kind: Kind | null, test: FieldTest): Pred {
  // the absent value's default is resolved once, not per record
  const dflt = kind === null ? undefined : fieldValue({}, kind, field);
  const get = (data: Readonly<Record<string, unknown>>): unknown => {
    const v = data[field];
    return v === undefined ? dflt : v;
  };
  return (data) => passes(get(data), test);
}

/**
 * Conditions are tested for every record under every clause: each is turned into a predicate
 * once (per kind) and kept with the policy object it came from.
 */
const compiled = new WeakMap<Condition, Map<Kind | null, Pred>>();

function compile(cond: Condition, kind: Kind | null): Pred {
  let byKind = compiled.get(cond);
  if (!byKind) compiled.set(cond, (byKind = new Map()));
  let pred = byKind.get(kind);
  if (!pred) {
    const tests = Object.keys(cond).map((field) => fieldTest(field, kind, cond[field]!));
    pred = tests.length === 0 ? () => true : tests.length === 1 ? tests[0]! : (data) => tests.every((t) => t(data));
    byKind.set(kind, pred);
  }
  return pred;
}

export function matches(data: Readonly<Record<string, unknown>>, kind: Kind | null, cond: Condition | undefined): boolean {
  return cond === undefined || compile(cond, kind)(data);
}

const compiledApplies = new WeakMap<Applies, (rec: Rec) => boolean>();

export function applies(rec: Rec, a: Applies): boolean {
  let fn = compiledApplies.get(a);
  if (!fn) {
    const when = a.when ? compile(a.when, a.kind) : null;
    const unless = a.unless ? compile(a.unless, a.kind) : null;
    const any = a.any && a.any.length > 0 ? a.any.map((c) => compile(c, a.kind)) : null;
    fn = (r) => r.kind === a.kind && (when === null || when(r.data)) && (unless === null || !unless(r.data)) && (any === null || any.some((p) => p(r.data)));
    compiledApplies.set(a, fn);
  }
  return fn(rec);
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
