/** The one value normaliser of records (source/values.ts): what each kind's fields accept, and what they refuse and how. */
import { normaliseRecord } from '../../src/source/values';
import type { Kind } from '../../src/core/kinds';

function norm(kind: Kind, data: Record<string, unknown>): { data: Record<string, unknown>; refused: string[] } {
  const d = { ...data };
  const refused = normaliseRecord(kind, d).map((r) => `${r.field} ${r.rule}: ${r.message}`);
  return { data: d, refused };
}

describe('normaliseRecord: what people type, read as the canonical value', () => {
  test.each([
    ['accepted_at', '2026/7/3 9:05', '2026-07-03 09:05'],
    ['accepted_at', '2026/07/03 09:05:00', '2026-07-03 09:05'],
    ['accepted_at', '2026-7-3 9:05', '2026-07-03 09:05'],
    ['accepted_at', '2026年7月3日 9:05', '2026-07-03 09:05'],
    ['accepted_at', '２０２６/７/３ ０９：０５', '2026-07-03 09:05'],
    ['agreed_deadline', '2026/7/3', '2026-07-03'],
    ['agreed_deadline', '2026年7月3日', '2026-07-03'],
    ['level', '一级', 1],
    ['level', '1级', 1],
    ['level', '1', 1],
    ['level', '四级故障', 4],
    ['category', '业务问题', 'service'],
    ['category', '网管问题', 'nms'],
    ['category', '设备温度过高', 'temperature'],
    ['category', '其他问题', 'other'],
    ['category', 'Service', 'service'],
    ['handling', '现场', 'onsite'],
    ['handling', '远程', 'remote'],
    ['customer_signed', '是', true],
    ['customer_signed', '否', false],
    ['customer_signed', 'yes', true],
    ['customer_signed', 'no', false],
    ['customer_signed', 'Y', true],
    ['customer_signed', 'N', false],
    ['customer_signed', '√', true],
    ['customer_signed', '×', false],
    ['customer_signed', '1', true],
    ['customer_signed', 0, false],
    // a CSV cell is text: `true` there is the boolean, as in YAML (found by the value fuzz)
    ['customer_signed', 'true', true],
    ['customer_signed', 'FALSE', false],
    ['customer_signed', 'false', false],
  ])('tickets %s: %j → %j', (field, given, value) => {
    expect(norm('tickets', { id: 'T', [field]: given })).toEqual({ data: { id: 'T', [field]: value }, refused: [] });
  });

  test('other kinds: their enums by the words the reports print, numbers and lists', () => {
    expect(norm('inspections', { status: '已完成', type: '专项巡检', missed_cause: '厂家', planned_date: '2026/8/10' }).data).toEqual({
      status: 'done',
      type: 'special',
      missed_cause: 'vendor',
      planned_date: '2026-08-10',
    });
    expect(norm('exchanges', { days: '２.5' }).data).toEqual({ days: 2.5 });
    expect(norm('assessments', { count: '3' }).data).toEqual({ count: 3 });
    expect(norm('submissions', { trunks: '广州-深圳；深圳-东莞，东莞-惠州、惠州-汕尾;' }).data).toEqual({ trunks: ['广州-深圳', '深圳-东莞', '东莞-惠州', '惠州-汕尾'] });
    expect(norm('meetings', { type: '季度例会' }).data).toEqual({ type: 'quarterly' });
  });

  test('canonical values are left as they are; unknown fields are not touched', () => {
    const data = { id: 'T', level: 2, category: 'nms', accepted_at: '2026-07-03T01:00:00+08:00', customer_signed: true, colour: '是' };
    expect(norm('tickets', data)).toEqual({ data, refused: [] });
  });
});

describe('normaliseRecord: refused, with the fix, never a guess', () => {
  test('a day-first date is refused without a suggestion', () => {
    const r = norm('tickets', { accepted_at: '3/7/2026 9:05' });
    expect(r.data.accepted_at).toBe('3/7/2026 9:05');
    expect(r.refused).toEqual(["accepted_at format: accepted_at: '3/7/2026 9:05' is not a valid timestamp: write the year first (YYYY-MM-DD HH:MM); the order of day and month is never guessed"]);
  });

  test('a near miss shows the fix', () => {
    expect(norm('tickets', { accepted_at: '2026/7/3 下午 3:05' }).refused[0]).toContain('did you mean 2026-07-03 15:05?');
    expect(norm('tickets', { accepted_at: '2026/2/30 9:05' }).refused[0]).toContain('2026-02 has 28 days');
    expect(norm('tickets', { accepted_at: 20260703 }).refused[0]).toContain('did you mean 2026-07-03?');
    expect(norm('inspections', { planned_date: '2026/8/10 9:00' }).refused[0]).toContain('a date is expected here');
  });

  test('业务中断 describes a fault, it does not name a category or level: suggested, not read', () => {
    const r = norm('tickets', { category: '业务中断', level: '业务中断' });
    expect(r.data).toEqual({ category: '业务中断', level: '业务中断' });
    expect(r.refused).toEqual([
      "category enum: category: '业务中断' does not name one value for certain and is not read as any: did you mean service? Write service if so",
      "level enum: level: '业务中断' does not name one value for certain and is not read as any: did you mean 1? Write 1 if so",
    ]);
  });

  test('a word for two values names both', () => {
    expect(norm('inspections', { status: '未完成' }).refused[0]).toContain("'未完成' could mean more than one value and is not read as any: write planned / missed");
  });

  test('an unknown enum word lists the values and their labels', () => {
    expect(norm('tickets', { handling: '电话' }).refused).toEqual(["handling enum: handling must be one of remote, onsite (or 远程, 现场) (got '电话')"]);
    expect(norm('tickets', { category: 'servce' }).refused[0]).toContain("(did you mean 'service'?)");
  });

  test('booleans and numbers that are not', () => {
    expect(norm('tickets', { customer_signed: 'x' }).refused[0]).toContain('write 是 or 否');
    expect(norm('exchanges', { days: '1,500' }).refused[0]).toContain('did you mean 1500?');
    expect(norm('assessments', { count: '2.5' }).refused[0]).toContain('a whole number');
  });
});
