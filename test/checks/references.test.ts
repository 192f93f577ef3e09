import { l1, messagesOf, problemsOf } from './helpers';

const loan = (lines: string) => ({ 'tickets/t.yaml': l1('GD-1') + '---\n' + 'id: GD-2\nlevel: 2\ncategory: nms\naccepted_at: 2026-07-03 10:00\n', 'loans/l.yaml': `id: JY-1\nrequested_at: 2026-07-03 10:30\n${lines}` });

describe('records that name other records', () => {
  test('loan-ticket: a level-1 loan names an existing level-1 ticket', () => {
    expect(problemsOf(loan('purpose: l1-fault\nticket: GD-1\n'))).toEqual([]);
    expect(problemsOf(loan('purpose: l1-fault\n'))).toEqual(['loans/l.yaml:1:1 loan-ticket']);
    expect(problemsOf(loan('purpose: l1-fault\nticket: GD-9\n'))).toEqual(['loans/l.yaml:4:9 loan-ticket']);
    expect(problemsOf(loan('purpose: l1-fault\nticket: GD-2\n'))).toEqual(['loans/l.yaml:4:9 loan-ticket']);
    expect(messagesOf(loan('purpose: l1-fault\nticket: GD-2\n'))).toEqual(["'GD-2' is not a level-1 ticket (it is level 2)"]);
  });

  test('loan-agreed-delivery: a cutover loan needs the time promised', () => {
    expect(problemsOf(loan('purpose: cutover\n'))).toEqual(['loans/l.yaml:1:1 loan-agreed-delivery']);
    expect(problemsOf(loan('purpose: cutover\nagreed_delivery: 2026-07-05\n'))).toEqual([]);
  });

  test('inspection-ticket: a fault caused during an inspection names an existing ticket', () => {
    const insp = (t: string) => `id: XJ-1\ntrunk: 广州-深圳\nplanned_date: 2026-07-10\nstatus: done\nstarted_at: 2026-07-10 09:00\nended_at: 2026-07-10 17:00\ncaused_faults:\n  - ticket: ${t}\n    major: false\n`;
    expect(problemsOf({ 'tickets/t.yaml': l1('GD-1'), 'inspections/i.yaml': insp('GD-1') })).toEqual([]);
    expect(problemsOf({ 'tickets/t.yaml': l1('GD-1'), 'inspections/i.yaml': insp('GD-7') })).toEqual(['inspections/i.yaml:8:13 inspection-ticket']);
  });

  test('assessment-clause: a clause of the policy; assessment-ref: the record it is about', () => {
    const a = (lines: string) => ({ 'tickets/t.yaml': l1('GD-1'), 'assessments/a.yaml': `id: KH-1\ndate: 2026-07-20\n${lines}` });
    expect(problemsOf(a('clause: other.commendation\n'))).toEqual([]);
    expect(problemsOf(a('clause: other.commendaton\n'))).toEqual(['assessments/a.yaml:3:9 assessment-clause']);
    expect(messagesOf(a('clause: other.commendaton\n'))[0]).toContain("(did you mean 'other.commendation'?)");
    expect(problemsOf(a('clause: fault.complaint\n'))).toEqual(['assessments/a.yaml:1:1 assessment-ref']); // its category follows the ticket
    expect(problemsOf(a('clause: fault.complaint\nref: GD-1\n'))).toEqual([]);
    expect(problemsOf(a('clause: fault.complaint\nref: GD-3\n'))).toEqual(['assessments/a.yaml:4:6 assessment-ref']);
    expect(problemsOf(a('clause: fault.complaint\nref: KH-1\n'))).toEqual(['assessments/a.yaml:4:6 assessment-ref']); // not a ticket
  });
});

describe('an assessment of a clause the records compute', () => {
  test('is an error naming the clauses an assessment may use (it used to count nowhere)', () => {
    const files = { 'assessments/a.yaml': 'id: KH-1\ndate: 2026-07-20\nclause: fault.l1.restore.onsite\n' };
    expect(problemsOf(files)).toEqual(['assessments/a.yaml:3:9 assessment-clause']);
    const m = messagesOf(files)[0]!;
    expect(m).toContain('fault.l1.restore.onsite is computed from the records (shape elapsed)');
    expect(m).toContain('fault.complaint');
    expect(m).not.toContain('fault.l1.restore.remote');
  });
});
