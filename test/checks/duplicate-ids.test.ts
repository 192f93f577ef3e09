import { l1, messagesOf, problemsOf } from './helpers';

describe('duplicate-id', () => {
  test('one id in two files: both places, each naming the other', () => {
    const files = { 'tickets/a.yaml': l1('GD-1'), 'tickets/b.yaml': `# moved\n${l1('GD-1')}` };
    expect(problemsOf(files)).toEqual(['tickets/a.yaml:1:5 duplicate-id', 'tickets/b.yaml:2:5 duplicate-id']);
    expect(messagesOf(files)).toEqual(["id 'GD-1' is used again at tickets/b.yaml:2 (tickets)", "id 'GD-1' is already used at tickets/a.yaml:1 (tickets)"]);
  });

  test('ids are unique across kinds, and a record that fails its schema still holds its id', () => {
    expect(problemsOf({ 'tickets/a.yaml': l1('X-1'), 'consultations/c.yaml': 'id: X-1\nreceived_at: 2026-07-03 10:00\n' })).toEqual([
      'consultations/c.yaml:1:5 duplicate-id',
      'tickets/a.yaml:1:5 duplicate-id',
    ]);
    expect(problemsOf({ 'tickets/a.yaml': l1('X-1'), 'tickets/b.yaml': 'id: X-1\nlevel: 9\n' })).toContain('tickets/b.yaml:1:5 duplicate-id');
  });

  test('distinct ids: nothing (an id of digits keeps its leading zero, so 0142 and 142 differ)', () => {
    expect(problemsOf({ 'tickets/a.yaml': l1('0142'), 'tickets/b.yaml': l1('142') })).toEqual([]);
  });
});
