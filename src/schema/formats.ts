/**
 * The string formats the record schemas use. One object for the validators compiled at build
 * time (compiled/validators.js requires this file) and for those compiled at run time.
 */
import { isDateText, isTimestampText, yearOutOfRange } from '../calendar/time';

export const formats = {
  /** YYYY-MM-DD, a real day (as ajv-formats' `date`) in the years svc-sla accepts (1900–2999) */
  date: { type: 'string', validate: (s: string): boolean => isDateText(s) && yearOutOfRange(s) === null },
  /** an instant, or a bare date (RECORDS.md, "Values"), in the years svc-sla accepts */
  timestamp: { type: 'string', validate: (s: string): boolean => (isTimestampText(s) || isDateText(s)) && yearOutOfRange(s) === null },
} as const;
