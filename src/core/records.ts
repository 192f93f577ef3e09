/** A checked record, ready for the rules, and the settings of svc-sla.yaml. Plain data. */
import type { When } from '../calendar/time';
import type { Kind } from './kinds';
import type { Lang } from './lang';
import type { SourcePos } from './problems';

export interface Rec {
  readonly kind: Kind;
  readonly id: string;
  readonly source: SourcePos;
  /** fields as written (ids as strings, table cells already typed) */
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
  readonly locale: Lang;
  /** `headers`: header → field for every kind, or kind → {header → field} (load/header-aliases.ts) */
  readonly csv: { readonly encoding: string; readonly headers: Readonly<Record<string, string | Readonly<Record<string, string>>>> };
}

export const DEFAULT_CONFIG: Config = {
  contract: '',
  policy: 'gd-transmission',
  timezone: 'Asia/Shanghai',
  contract_start: null,
  locale: 'zh-CN',
  csv: { encoding: 'auto', headers: {} },
};
