import { messagesOf, problemsOf } from './helpers';

const plan = 'id: BS-1\ntype: inspection-plan\nperiod: 2026\nsubmitted_at: 2026-03-20 10:00\ntrunks:\n  - 深圳-东莞 干线\n  - 广州-深圳 干线\n';
const insp = (lines: string) => ({ 'submissions/plan.yaml': plan, 'inspections/i.yaml': `id: XJ-1\nplanned_date: 2026-07-10\n${lines}` });

describe('done means done', () => {
  test('status: done without ended_at (or started_at) is an error: its documents would never fall due', () => {
    expect(problemsOf(insp('trunk: 广州-深圳 干线\nstatus: done\nstarted_at: 2026-07-10 09:00\n'))).toEqual(['inspections/i.yaml:1:1 inspection-done']);
    expect(problemsOf(insp('trunk: 广州-深圳 干线\nstatus: done\nended_at: 2026-07-10 17:00\n'))).toEqual(['inspections/i.yaml:1:1 inspection-done']);
    expect(problemsOf(insp('trunk: 广州-深圳 干线\nstatus: done\nstarted_at: 2026-07-10 09:00\nended_at: 2026-07-10 17:00\n'))).toEqual([]);
  });

  test('a planned inspection needs no times yet', () => {
    expect(problemsOf(insp('trunk: 广州-深圳 干线\nstatus: planned\n'))).toEqual([]);
  });
});

describe('a trunk the plan does not list', () => {
  test('written differently (dash, space): a warning naming the planned trunk', () => {
    const files = insp('trunk: 深圳—东莞干线\nstatus: planned\n');
    expect(problemsOf(files)).toEqual(['inspections/i.yaml:3:8 warning inspection-trunk']);
    expect(messagesOf(files)[0]).toContain("(did you mean '深圳-东莞 干线'?)");
  });

  test('a planned trunk, or a year without a plan: nothing', () => {
    expect(problemsOf(insp('trunk: 深圳-东莞 干线\nstatus: planned\n'))).toEqual([]);
    expect(problemsOf({ 'inspections/i.yaml': 'id: XJ-1\nplanned_date: 2026-07-10\ntrunk: 任意干线\nstatus: planned\n' })).toEqual([]);
  });
});
