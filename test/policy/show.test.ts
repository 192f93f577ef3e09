import { loadPolicy } from '../../src/policy/load';
import { describeCondition, policyView } from '../../src/render/policy';
import { formatDuration } from '../../src/render/i18n';
import type { Policy } from '../../src/core/policy';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const gd = deepFreeze(loadPolicy('gd-transmission', process.cwd()).policy as Policy);
const after = deepFreeze(loadPolicy('after-sales', process.cwd()).policy as Policy);

function row(lang: 'en' | 'zh-CN', id: string) {
  const r = policyView(gd, lang).clauses.find((c) => c.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
}

test('durations', () => {
  expect(formatDuration({ amount: 3, unit: 'h' }, 'en')).toBe('3 h');
  expect(formatDuration({ amount: 5, unit: 'wd' }, 'en')).toBe('5 wd');
  expect(formatDuration({ amount: 1.5, unit: 'd' }, 'en')).toBe('1.5 d');
  expect(formatDuration({ amount: 3, unit: 'h' }, 'zh-CN')).toBe('3 小时');
  expect(formatDuration({ amount: 7, unit: 'wd' }, 'zh-CN')).toBe('7 个工作日');
});

test('conditions', () => {
  expect(describeCondition({ level: [3, 4], nms_down: { not: true }, analysis_requested_at: { present: true } }, 'en'))
    .toBe('level ∈ [3, 4], nms_down ≠ true, analysis_requested_at given');
});

describe('clause rows', () => {
  test('one row per clause, in policy order, with the requested columns', () => {
    const rows = policyView(gd, 'en').clauses;
    expect(rows.map((r) => r.id)).toEqual(gd.clauses.map((c) => c.id));
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'category', 'title', 'shape', 'applies', 'limit', 'points', 'note']));
    }
  });

  test('limits in English', () => {
    expect(row('en', 'fault.l1.restore.remote')).toMatchObject({
      category: 'fault.l1', categoryTitle: 'Level-1 faults', shape: 'elapsed', limit: '3 h', points: -5,
      applies: 'tickets: level = 1, handling = remote, no departed_at, no arrived_at', span: 'accepted_at → restored_at', contract: 'accepted → restored ≤ 3 h',
    });
    expect(row('en', 'fault.l1.restore.onsite').limit).toBe('by region: Core 5 h / Pearl River Delta 6 h / Other areas 8 h / West and east Guangdong 10 h');
    expect(row('en', 'fault.l1.stage.depart').limit).toBe('1 h (all regions)');
    expect(row('en', 'fault.difficult.resolve').limit).toBe('agreed date (agreed_deadline)');
    expect(row('en', 'fault.doc.monthly').limit).toBe('by the 15th of the next month');
    expect(row('en', 'inspection.plan').limit).toBe('by 31 March');
    expect(row('en', 'inspection.change-notice').limit).toBe('≥ 10 wd before planned_date');
    expect(row('en', 'software.spares-sync').limit).toBe('agreed date (spares_sync_due), else 2 d after ended_at');
    expect(row('en', 'consult.response').limit).toBe('1 wd');
    expect(row('en', 'fault.complaint')).toMatchObject({ limit: 'manual assessment', categoryTitle: "the ticket's category" });
    expect(row('en', 'hardware.l1-loan').limit).toContain('fault.l1.restore.remote, fault.l1.restore.onsite');
  });

  test('limits in Chinese', () => {
    expect(row('zh-CN', 'fault.l1.restore.remote')).toMatchObject({ limit: '3 小时', title: expect.stringContaining('一级故障') });
    expect(row('zh-CN', 'fault.l1.restore.onsite').limit).toBe('按地区:核心 5 小时 / 珠三角 6 小时 / 其余地区 8 小时 / 粤西、粤东 10 小时');
    expect(row('zh-CN', 'fault.doc.monthly').limit).toBe('次月 15 日前');
    expect(row('zh-CN', 'inspection.plan').limit).toBe('3 月 31 日前');
    expect(row('zh-CN', 'docs.response').limit).toBe('5 个工作日');
  });

  test('notes: operator obligations, shown-only clauses, bonus, ticket category, valid_if', () => {
    expect(row('en', 'hardware.return').note).toMatch(/operator/);
    expect(row('en', 'fault.l1.stage.travel').note).toMatch(/shown only/);
    expect(row('en', 'other.commendation')).toMatchObject({ points: 1, note: 'bonus' });
    expect(row('en', 'fault.doc.analysis').note).toMatch(/ticket's category/);
    expect(row('en', 'fault.l1.doc.report').note).toBe('counts only if customer_signed = true');
    expect(row('en', 'fault.l1.restore.remote').note).toBe('');
  });
});

test('region table', () => {
  const t = policyView(gd, 'en').regions;
  expect(t.stages).toEqual(['depart', 'travel', 'repair', 'total']);
  expect(t.rows[1]).toEqual({
    id: 'prd', title: 'Pearl River Delta', cities: '珠海, 中山, 佛山, 惠州, 清远, 江门',
    limits: { depart: '1 h', travel: '3 h', repair: '2 h', total: '6 h' },
  });
  expect(policyView(gd, 'zh-CN').regions.stageTitles).toEqual(['接报→出发', '出发→抵达', '抵达→恢复', '总时间']);
  expect(policyView(after, 'en').regions).toEqual({ stages: [], stageTitles: [], rows: [] });
});

test('categories and quotas', () => {
  const v = policyView(gd, 'zh-CN');
  expect(v.categories[2]).toEqual({ id: 'fault.l34', title: '三、四级故障', max: 10, clauses: 1 });
  expect(v.quotas[0]).toEqual({ id: 'training.optical-engineer', title: '光网络工程师级别培训', amount: '10 个名额' });
  expect(v.name).toBe('广东电信传输设备维护保障技术支持服务规范');
  expect(v.source).toBe('builtin:gd-transmission');
});
