/**
 * consult.response (1 wd): a consultation answered in full at once has no separate response;
 * the earliest of the response and the final answer satisfies the clause (policy data:
 * `to: [responded_at, answered_at]`).
 */
import { endOfDay, late, onTime, rec, run, shown } from './helpers';

// received Thu 09-24 10:00, before Mid-Autumn (09-25…27): 1 wd ends Mon 09-28
const consultation = (fields: Record<string, string>) => rec('consultations', 'C', { received_at: '2026-09-24 10:00', ...fields });

describe('an answer is a response', () => {
  test('answered in full on the last working day, no responded_at: on time (it used to lose a point)', () => {
    expect(run([consultation({ answered_at: '2026-09-28 17:00' })]).view('consult.response', 'C')).toEqual(
      onTime(endOfDay('2026-09-28'), shown('2026-09-28 17:00'), -1, 'consult', '2026-Q3'),
    );
  });

  test('answered the next working day, no responded_at: late', () => {
    expect(run([consultation({ answered_at: '2026-09-29 09:00' })]).view('consult.response', 'C')).toEqual(
      late(endOfDay('2026-09-28'), shown('2026-09-29 09:00'), -1, 'consult', '2026-Q3'),
    );
  });

  test('both given: the earlier one counts', () => {
    const o = run([consultation({ responded_at: '2026-09-29 09:00', answered_at: '2026-09-28 16:00' })]);
    expect(o.view('consult.response', 'C')).toMatchObject({ status: 'met', actual: shown('2026-09-28 16:00') });
  });

  test('neither: missed once due', () => {
    expect(run([consultation({})], { asOf: '2026-09-29 00:00' }).view('consult.response', 'C')).toMatchObject({ status: 'missed', points: -1 });
    expect(run([consultation({})], { asOf: '2026-09-28 23:59' }).view('consult.response', 'C')).toMatchObject({ status: 'open' });
  });
});
