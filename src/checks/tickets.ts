/**
 * What a ticket needs for its clock to be chosen: a level-1 ticket's handling and place (the
 * region table picks its limit), an agreed date where a clock ends at one.
 */
import type { Problem } from '../core/problems';
import type { Located } from '../load/folder';
import type { Policy } from '../core/policy';
import { applies } from '../rules/conditions';
import { isElapsed } from '../rules/shapes/elapsed';
import { didYouMean } from '../util/suggest';
import { recordProblem, type Check } from './check';

function normaliseCity(city: string): string {
  return city.trim().replace(/市$/, '');
}

/** Does a clause whose limit comes from the region table apply to the record (so its region must be known)? */
function needsRegion(l: Located, policy: Policy | null): boolean {
  if (!policy) return false;
  return policy.clauses.some((c) => isElapsed(c) && c.limit.type === 'region' && c.applies !== undefined && applies(l.rec, c.applies));
}

export function ticketProblems(l: Located, policy: Policy | null): Problem[] {
  const out: Problem[] = [];
  const d = l.rec.data;
  const level = d.level as number;
  if (level === 1 && d.handling === undefined) {
    out.push(recordProblem(l, [], 'level1-handling', "a level-1 ticket needs 'handling: remote' or 'handling: onsite' (the restore limit depends on it)"));
  }
  if (level === 1 && d.handling === 'remote' && (d.departed_at !== undefined || d.arrived_at !== undefined)) {
    const field = d.departed_at !== undefined ? 'departed_at' : 'arrived_at';
    out.push(
      recordProblem(
        l,
        ['handling'],
        'level1-handling',
        `handling is remote, but ${field} shows that someone went on site: the ticket is judged by the on-site limit of its region (a ticket that needed anyone on site counts as on site); write 'handling: onsite'`,
        'warning',
      ),
    );
  }
  if ((d.difficult === true || d.temporary_fix === true) && d.agreed_deadline === undefined) {
    const why = d.difficult === true ? 'a difficult ticket' : 'a temporarily fixed ticket (it becomes difficult)';
    out.push(recordProblem(l, [], 'difficult-deadline', `${why} needs 'agreed_deadline': its clock ends there`));
  }
  if (level >= 2 && d.analysis_requested_at !== undefined && d.analysis_due === undefined) {
    out.push(recordProblem(l, ['analysis_requested_at'], 'analysis-due', "an analysis report requested on a level 2–4 ticket needs the agreed date 'analysis_due'"));
  }
  const regions = policy?.regions ?? [];
  const byRegion = needsRegion(l, policy);
  if (byRegion && d.city === undefined && d.region === undefined) {
    out.push(recordProblem(l, [], 'onsite-location', "an on-site level-1 ticket needs 'city' (or 'region'): the restore limit depends on the region"));
  }
  if (regions.length > 0) {
    if (typeof d.region === 'string' && !regions.some((r) => r.id === d.region)) {
      const ids = regions.map((r) => r.id);
      out.push(recordProblem(l, ['region'], 'unknown-region', `region '${d.region}' is not in the policy's region table (${ids.join(', ')})${didYouMean(d.region, ids)}`));
    }
    if (typeof d.city === 'string' && d.region === undefined) {
      const city = normaliseCity(d.city);
      if (!regions.some((r) => r.cities.includes(city))) {
        const all = regions.flatMap((r) => r.cities);
        out.push(
          recordProblem(
            l,
            ['city'],
            'unknown-city',
            `city '${d.city}' is not in the policy's region table${didYouMean(city, all)}${byRegion ? '; the level-1 restore limit cannot be chosen' : ''}`,
            byRegion ? 'error' : 'warning',
          ),
        );
      }
    }
  }
  return out;
}

export const TICKETS: Check = {
  name: 'tickets',
  tier: 'logic',
  emits: ['level1-handling', 'onsite-location', 'unknown-city', 'unknown-region', 'difficult-deadline', 'analysis-due'],
  run: ({ folder }) => folder.located.filter((l) => l.ok && l.rec.kind === 'tickets').flatMap((l) => ticketProblems(l, folder.policy)),
};
