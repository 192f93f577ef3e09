/**
 * ajv-cli's custom-format module for the benchmark: the same `timestamp` and `date` formats
 * svc-sla's schemas use, so ajv-cli validates the ticket files against an equivalent schema.
 */
import addFormats from 'ajv-formats';
import type Ajv from 'ajv';
import { isDateText, isTimestampText } from '../calendar/time';

export = function formats(ajv: Ajv): Ajv {
  addFormats(ajv, ['date']);
  ajv.addFormat('timestamp', { type: 'string', validate: (s: string) => isTimestampText(s) || isDateText(s) });
  return ajv;
};
