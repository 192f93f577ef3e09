/**
 * The settings of a records folder: svc-sla.yaml (with defaults for what it leaves out) and
 * the calendar files that add or correct official years. A problem in either is located at
 * its field; a setting that cannot be used falls back to its default, so the rest of the
 * folder is still checked.
 */
import * as path from 'node:path';
import { Clock } from '../calendar/time';
import { WorkCalendar, type CalendarFile } from '../calendar/workdays';
import { isLang } from '../core/lang';
import { fileProblem, problemAt, type CheckName, type Problem } from '../core/problems';
import { DEFAULT_CONFIG, type Config } from '../core/records';
import { schemaProblems } from '../schema/record';
import { isKnownEncoding } from '../source/decode';
import { outsideTarget, type Files } from '../source/fs';
import { CONFIG_FILE, type FoundCalendar } from './discover';
import { readSettingsYaml, type RawDoc } from './files';
import { checkHeaderSettings } from './header-aliases';
import { pushAll } from '../util/arrays';

function at(doc: RawDoc, path: string[], rule: CheckName, message: string): Problem {
  return problemAt(doc.locate(path), rule, message);
}

/** svc-sla.yaml as read (null when it cannot be read) and the settings taken from it. */
export function readConfig(files: Files, root: string, problems: Problem[]): { doc: RawDoc | null; config: Config } {
  const abs = path.join(root, CONFIG_FILE);
  const outside = outsideTarget(files, root, abs);
  if (outside !== null) {
    problems.push(fileProblem(CONFIG_FILE, 'unsafe-path', `a symbolic link to a file outside the records folder (${outside}): svc-sla never follows a link out of the folder; copy the settings in instead`));
    return { doc: null, config: DEFAULT_CONFIG };
  }
  const doc = readSettingsYaml(files, { rel: CONFIG_FILE, abs }, problems);
  if (!doc) return { doc, config: DEFAULT_CONFIG };
  pushAll(problems, schemaProblems('config', doc.data, doc.locate, { kind: null, record: null, as: 'config' }) ?? []);
  const d = doc.data as Partial<Record<string, unknown>>;
  const str = (k: string, dflt: string): string => (typeof d[k] === 'string' ? (d[k] as string) : dflt);
  let timezone = str('timezone', DEFAULT_CONFIG.timezone);
  if (!Clock.isValidZone(timezone)) {
    problems.push(at(doc, ['timezone'], 'config', `timezone '${timezone}' is not a time zone name (e.g. Asia/Shanghai)`));
    timezone = DEFAULT_CONFIG.timezone;
  }
  const csv = (typeof d.csv === 'object' && d.csv !== null ? d.csv : {}) as Record<string, unknown>;
  let encoding = typeof csv.encoding === 'string' ? csv.encoding : 'auto';
  if (encoding !== 'auto' && !isKnownEncoding(encoding)) {
    problems.push(at(doc, ['csv', 'encoding'], 'config', `csv.encoding '${encoding}' is not an encoding this tool knows (auto, utf-8, gb18030, ...)`));
    encoding = 'auto';
  }
  const given = typeof csv.headers === 'object' && csv.headers !== null && !Array.isArray(csv.headers) ? (csv.headers as Record<string, unknown>) : {};
  const { problems: headerProblems, usable: headers } = checkHeaderSettings(given);
  for (const hp of headerProblems) problems.push(at(doc, hp.path, 'config', hp.message));
  const config: Config = {
    contract: str('contract', ''),
    policy: str('policy', DEFAULT_CONFIG.policy),
    timezone,
    contract_start: typeof d.contract_start === 'string' ? d.contract_start : null,
    locale: isLang(d.locale) ? d.locale : DEFAULT_CONFIG.locale,
    csv: { encoding, headers },
  };
  return { doc, config };
}

/** The calendar files that are usable; each problem at its field. */
function readCalendarFiles(files: Files, found: readonly FoundCalendar[], problems: Problem[]): { docs: RawDoc[]; calendars: CalendarFile[] } {
  const docs: RawDoc[] = [];
  const calendars: CalendarFile[] = [];
  for (const f of found) {
    const doc = readSettingsYaml(files, f, problems);
    if (!doc) continue;
    docs.push(doc);
    const schema = schemaProblems('calendar', doc.data, doc.locate, { kind: null, record: null, as: 'calendar' });
    if (schema) {
      pushAll(problems, schema);
      // a warning (an unknown field such as `source:`) leaves the days as they are: only an error drops the file
      if (schema.some((p) => p.severity === 'error')) continue;
    }
    const d = doc.data as { year: number; holidays?: string[]; workdays?: string[] };
    let ok = true;
    for (const list of ['holidays', 'workdays'] as const) {
      (d[list] ?? []).forEach((date, i) => {
        if (!date.startsWith(`${d.year}-`)) {
          ok = false;
          problems.push(at(doc, [list, String(i)], 'calendar', `${date} is not in ${d.year}, the year of this calendar file`));
        }
      });
    }
    const both = (d.holidays ?? []).filter((x) => (d.workdays ?? []).includes(x));
    for (const date of both) {
      ok = false;
      problems.push(at(doc, ['workdays'], 'calendar', `${date} is listed both as a holiday and as a working day`));
    }
    if (ok) calendars.push({ year: d.year, holidays: d.holidays ?? [], workdays: d.workdays ?? [] });
  }
  return { docs, calendars };
}

/** The working-day calendar: the built-in PRC calendar with the folder's calendar files. */
export function readCalendars(files: Files, found: readonly FoundCalendar[], problems: Problem[]): WorkCalendar {
  const { docs, calendars } = readCalendarFiles(files, found, problems);
  try {
    return new WorkCalendar(calendars);
  } catch (err) {
    // files for one year that contradict each other are an error, never a crash
    problems.push(fileProblem(docs[0]?.file ?? 'calendars/', 'calendar', `the calendar files contradict each other: ${(err as Error).message}`));
    return new WorkCalendar();
  }
}
