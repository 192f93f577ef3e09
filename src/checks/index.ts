/**
 * The one list of checks, run in this order by `validate` and before every command that
 * computes from records, so that all of them mean the same by "valid" (hledger's named
 * checks, beancount's validations). The first three tiers happen while the folder is read
 * (src/load); the rest are functions of the folder as read.
 */
import { CHECK_NAMES, compareProblems, type Problem } from '../core/problems';
import { openFolder, type Folder, type OpenOptions } from '../load/folder';
import type { Check } from './check';
import { DUPLICATE_IDS } from './duplicate-ids';
import { INSPECTIONS } from './inspections';
import { LOCKS } from './locks';
import { REFERENCES } from './references';
import { TICKETS } from './tickets';
import { TIME_ORDER } from './time-order';
import { UNRECORDED } from './unrecorded';
import { AHEAD } from './ahead';

export type { Check } from './check';

export const CHECKS: readonly Check[] = [
  { name: 'read', tier: 'read', emits: CHECK_NAMES.read, run: null },
  { name: 'schema', tier: 'schema', emits: CHECK_NAMES.schema, run: null },
  { name: 'settings', tier: 'settings', emits: CHECK_NAMES.settings, run: null },
  DUPLICATE_IDS,
  TIME_ORDER,
  TICKETS,
  REFERENCES,
  INSPECTIONS,
  UNRECORDED,
  AHEAD,
  // computing a clause needs the calendar of every year it touches: reported by the commands that compute
  { name: 'rules', tier: 'rules', emits: CHECK_NAMES.rules, run: null },
  LOCKS,
];

export interface CheckedFolder extends Folder {
  /** every problem of every check, in the one problem order */
  readonly problems: readonly Problem[];
}

/** Runs the check list (or a part of it) on a folder as read. */
export function runChecks(folder: Folder, checks: readonly Check[] = CHECKS): Problem[] {
  const problems: Problem[] = [...folder.problems];
  for (const check of checks) {
    if (check.run === null) continue;
    for (const p of check.run({ folder, problems })) problems.push(p);
  }
  return problems.sort(compareProblems);
}

/** Reads a records folder and runs every check on it. */
export function checkFolder(root: string, options: OpenOptions = {}): CheckedFolder {
  const folder = openFolder(root, options);
  return { ...folder, problems: runChecks(folder) };
}
