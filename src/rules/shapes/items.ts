/**
 * `items`: each entry of the list field `list` that passes `item_when` is a finding
 * (inspection findings handled late, faults caused during an inspection), named by the item
 * fields the record kind says name an item.
 */
import { KIND_FACTS } from '../../core/kinds';
import type { Clause, Condition } from '../../core/policy';
import { matches } from '../conditions';
import type { Ctx } from '../context';
import { defineShape } from './shape';

export interface ItemsClause extends Clause {
  readonly shape: 'items';
  readonly list: string;
  readonly item_when?: Condition;
  readonly date: readonly string[];
}

function evaluate(ctx: Ctx, c: ItemsClause): void {
  ctx.eachRecord(c, (rec) => {
    const list = rec.data[c.list];
    if (!Array.isArray(list)) return;
    const moment = ctx.firstEventOf(rec, c.date);
    if (moment === null) return;
    const labels = KIND_FACTS[rec.kind].itemLabels?.[c.list] ?? [];
    list.forEach((item, i) => {
      if (item === null || typeof item !== 'object' || !matches(item as Record<string, unknown>, null, c.item_when)) return;
      const it = item as Record<string, unknown>;
      const named = labels.map((f) => it[f]).find((v): v is string => typeof v === 'string');
      ctx.push(c, rec, { status: 'noted', due: null, actual: moment, moment, subject: `${rec.id} ${named ?? `#${i + 1}`}` });
    });
  });
}

export const ITEMS = defineShape<ItemsClause>({
  name: 'items',
  parse: (d) => ({ ...(d as unknown as ItemsClause) }),
  evaluate,
  horizon: () => 0,
  describe: (c) => ({ reads: { applies: c.applies, items: { list: c.list, when: c.item_when } }, span: { type: 'none' }, limit: { type: 'none' } }),
});
