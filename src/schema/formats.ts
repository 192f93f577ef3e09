/**
 * The string formats the record schemas use. One object for the validators compiled at build
 * time (compiled/validators.js requires this file) and for those compiled at run time.
 */
import { isDateText, isTimestampText } from '../calendar/time';

export const formats = {
  /** YYYY-MM-DD, a real day (as ajv-formats' `date`) */
  date: { type: 'string', validate: (s: string): boolean => isDateText(s) },
  /** an instant, or a bare date (RECORDS.md, "Values") */
  timestamp: { type: 'string', validate: (s: string): boolean => isTimestampText(s) || isDateText(s) },
} as const;
