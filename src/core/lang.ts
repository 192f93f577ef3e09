/** The two languages every word a user reads comes in, and a label given in both. */

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A label in each language (policy titles, region names, ...). */
export type Text = Readonly<Record<Lang, string>>;

export function isLang(s: unknown): s is Lang {
  return s === 'zh-CN' || s === 'en';
}
