/**
 * Everything svc-sla knows about a record kind, in one place: the hand-written facts below
 * (times in order, defaults, the date that places a record in a month, references to other
 * records) and, read from the kind's JSON Schema in schemas/, its fields with their types and
 * allowed values. Schema checks, the rules, the reports and `init` all ask here.
 */
import { schemaDocument } from '../util/paths';

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

/** A field of one record holding the id of another record. */
export interface Reference {
  /** the field, or for a list of objects the field inside each item */
  readonly field: string;
  /** set when the field sits inside the items of this list field */
  readonly list?: string;
  /** the kind the referenced record must be; null: any kind */
  readonly to: Kind | null;
}

export interface KindFacts {
  /**
   * Chains of time fields in the order their meaning requires: none may go backwards (absent
   * fields are skipped).
   */
  readonly timeOrder: readonly (readonly string[])[];
  /** booleans whose absence means a value (RECORDS.md); every other absent boolean is absent */
  readonly defaults: Readonly<Record<string, boolean>>;
  /** the date that places a record in a month, first present wins */
  readonly monthDate: readonly string[];
  /**
   * Time fields that are agreed or planned dates, not things that happened: they may lie after
   * the as-of time. Every other time field is an event, which has not happened yet when it lies
   * after the as-of time.
   */
  readonly plans: readonly string[];
  readonly references: readonly Reference[];
  /** for list fields of objects: the item field that names an item in a report, first present wins */
  readonly itemLabels?: Readonly<Record<string, readonly string[]>>;
  /** a record matching this is shown as provisional with every finding on it */
  readonly provisional?: Readonly<Record<string, unknown>>;
}

/** Fields that hold a record id anywhere: a plain `0142` keeps its leading zero. */
export const ID_FIELDS: ReadonlySet<string> = new Set(['id', 'ticket', 'ref']);

/** The fields of an assessment record (RECORDS.md), which manual clauses read. */
export const ASSESSMENT = { kind: 'assessments', clause: 'clause', date: 'date', count: 'count', points: 'points', ref: 'ref' } as const;

export const KIND_FACTS: Readonly<Record<Kind, KindFacts>> = {
  tickets: {
    timeOrder: [
      ['reported_at', 'accepted_at', 'departed_at', 'arrived_at', 'restored_at', 'resolved_at'],
      ['restored_at', 'report_submitted_at'],
      ['accepted_at', 'analysis_requested_at', 'analysis_submitted_at'],
      ['analysis_requested_at', 'analysis_due'],
    ],
    defaults: { level_confirmed: true },
    monthDate: ['accepted_at'],
    plans: ['agreed_deadline', 'analysis_due'],
    references: [],
    provisional: { level_confirmed: false },
  },
  inspections: {
    timeOrder: [['started_at', 'ended_at', 'docs_submitted_at']],
    defaults: { docs_compliant: true },
    monthDate: ['ended_at', 'started_at', 'planned_date'],
    plans: ['planned_date', 'new_date'],
    references: [{ list: 'caused_faults', field: 'ticket', to: 'tickets' }],
    itemLabels: { caused_faults: ['ticket', 'summary'], findings: ['summary'] },
  },
  upgrades: {
    timeOrder: [
      ['raised_at', 'confirmed_at', 'application_submitted_at', 'approved_start', 'approved_end'],
      ['started_at', 'ended_at', 'spares_synced_at'],
      ['ended_at', 'failure_report_submitted_at'],
    ],
    defaults: { version_certified: true, operator_error: false },
    monthDate: ['started_at', 'raised_at'],
    plans: ['approved_start', 'approved_end', 'spares_sync_due'],
    references: [],
  },
  loans: {
    timeOrder: [
      ['requested_at', 'delivered_at'],
      ['received_at', 'returned_at'],
    ],
    defaults: {},
    monthDate: ['requested_at'],
    plans: ['agreed_delivery'],
    references: [{ field: 'ticket', to: 'tickets' }],
  },
  consultations: {
    timeOrder: [
      ['received_at', 'responded_at'],
      ['received_at', 'answered_at'],
    ],
    defaults: {},
    monthDate: ['received_at'],
    plans: ['answer_due'],
    references: [],
  },
  'doc-requests': {
    timeOrder: [['requested_at', 'provided_at']],
    defaults: {},
    monthDate: ['requested_at'],
    plans: [],
    references: [],
  },
  exchanges: {
    timeOrder: [['requested_at', 'responded_at']],
    defaults: {},
    monthDate: ['held_on', 'requested_at'],
    plans: [],
    references: [],
  },
  meetings: {
    timeOrder: [
      ['notified_at', 'responded_at'],
      ['notified_at', 'deliverables_submitted_at'],
    ],
    defaults: {},
    monthDate: ['held_on', 'notified_at'],
    plans: ['deliverables_due'],
    references: [],
  },
  submissions: {
    timeOrder: [],
    defaults: {},
    monthDate: ['submitted_at'],
    plans: [],
    references: [],
  },
  assessments: {
    timeOrder: [],
    defaults: {},
    monthDate: ['date'],
    plans: [],
    references: [{ field: 'ref', to: null }],
  },
};

/** The kinds a summary lists under "other services in the month". */
export const ACTIVITY_KINDS: readonly Kind[] = ['upgrades', 'loans', 'consultations', 'doc-requests', 'exchanges', 'meetings'];

/** How a table cell (CSV, workbook) of a field is read: what the schema says the field holds. */
export type CellType = 'integer' | 'number' | 'boolean' | 'string-list' | 'object-list' | 'string';

/** A field as the kind's JSON Schema declares it. */
export interface FieldInfo {
  readonly name: string;
  readonly cell: CellType;
  /** `timestamp` or `date` for time fields */
  readonly format: 'timestamp' | 'date' | null;
  /** allowed values, when the schema lists them */
  readonly enum: readonly (string | number)[] | null;
  /** the range of a number field, when the schema bounds it */
  readonly minimum: number | null;
  readonly maximum: number | null;
}

interface JsonSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
}

function cellOf(p: JsonSchema): CellType {
  const t = p.type;
  if (t === 'integer') return 'integer';
  if (t === 'number') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'array') return p.items?.type === 'object' ? 'object-list' : 'string-list';
  return 'string';
}

const fieldCache = new Map<Kind, ReadonlyMap<string, FieldInfo>>();

/** The fields of a kind, from its JSON Schema (read once per process). */
export function fieldsOf(kind: Kind): ReadonlyMap<string, FieldInfo> {
  let fields = fieldCache.get(kind);
  if (!fields) {
    const props = (schemaDocument(kind) as JsonSchema).properties ?? {};
    const m = new Map<string, FieldInfo>();
    for (const [name, p] of Object.entries(props)) {
      const format = p.format === 'timestamp' || p.format === 'date' ? p.format : null;
      m.set(name, { name, cell: cellOf(p), format, enum: p.enum ?? null, minimum: p.minimum ?? null, maximum: p.maximum ?? null });
    }
    fieldCache.set(kind, (fields = m));
  }
  return fields;
}

const timeFieldCache = new Map<Kind, readonly string[]>();

/** Fields holding a timestamp or a date: the ones a record's times are parsed from. */
export function timeFieldsOf(kind: Kind): readonly string[] {
  let t = timeFieldCache.get(kind);
  if (!t) timeFieldCache.set(kind, (t = [...fieldsOf(kind).values()].filter((f) => f.format !== null).map((f) => f.name)));
  return t;
}

/** How a table cell of this kind's field is read (unknown fields stay text). */
export function cellTypeOf(kind: Kind, field: string): CellType {
  return fieldsOf(kind).get(field)?.cell ?? 'string';
}

/** The allowed values of an enum field, in the schema's order ([] when it is not one). */
export function enumOf(kind: Kind, field: string): readonly (string | number)[] {
  return fieldsOf(kind).get(field)?.enum ?? [];
}

/** The whole numbers a bounded integer field allows (ticket levels 1–4), in order. */
export function rangeOf(kind: Kind, field: string): readonly number[] {
  const f = fieldsOf(kind).get(field);
  if (!f || f.minimum === null || f.maximum === null) return [];
  const out: number[] = [];
  for (let n = f.minimum; n <= f.maximum; n++) out.push(n);
  return out;
}

/** A field's value with the kind's default for an absent boolean. */
export function fieldValue(data: Readonly<Record<string, unknown>>, kind: Kind | null, field: string): unknown {
  const v = data[field];
  if (v !== undefined || kind === null) return v;
  return KIND_FACTS[kind].defaults[field];
}
