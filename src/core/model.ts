/** A checked record, ready for the rules: plain data with its source and parsed times. */
import type { When } from '../calendar/time';
import type { Kind, SourcePos } from './types';

export interface Rec {
  readonly kind: Kind;
  readonly id: string;
  readonly source: SourcePos;
  /** fields as written (ids as strings, CSV cells already typed) */
  readonly data: Readonly<Record<string, unknown>>;
  /** every timestamp/date field, parsed in the config's time zone */
  readonly times: Readonly<Record<string, When>>;
}

/** Settings of svc-sla.yaml after defaults. */
export interface Config {
  readonly contract: string;
  readonly policy: string;
  readonly timezone: string;
  /** contract years run from here; null = calendar years */
  readonly contract_start: string | null;
  readonly locale: 'zh-CN' | 'en';
  readonly csv: { readonly encoding: string; readonly headers: Readonly<Record<string, string>> };
}

export const DEFAULT_CONFIG: Config = {
  contract: '',
  policy: 'gd-transmission',
  timezone: 'Asia/Shanghai',
  contract_start: null,
  locale: 'zh-CN',
  csv: { encoding: 'auto', headers: {} },
};
