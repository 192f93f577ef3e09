/**
 * What every report prints above its numbers: which contract, which period, as of when, under
 * which policy, and from which version of the records. The provenance is read by the CLI (it
 * runs git) and handed in, so this stays a plain value.
 */
import type { Provenance } from '../util/git';

export interface ReportHeader {
  /** the config's `contract` (free text, may be empty) */
  readonly contract: string;
  /** `2026-Q3`, `2026-09`, or null when the report has no period */
  readonly period: string | null;
  /** ISO 8601 with offset */
  readonly asOf: string;
  readonly policyId: string;
  /** null: the records folder is not in a git repository */
  readonly provenance: Provenance | null;
  /** warnings `validate` reports for the records (the report is computed, but they deserve a look) */
  readonly warnings: number;
  /** obligations whose due moment needs a calendar year nobody provided: all after the report */
  readonly gaps: readonly { readonly year: number; readonly clause: string; readonly record: string | null }[];
}

/** The provenance as JSON outputs carry it: `{commit, dirty}` or null outside git. */
export function provenanceJson(p: Provenance | null): { commit: string | null; dirty: boolean } | null {
  return p === null ? null : { commit: p.commit, dirty: p.dirty };
}
