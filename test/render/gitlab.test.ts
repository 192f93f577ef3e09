/** GitLab Code Quality rendering of validation problems: shape, severities, stable fingerprints. */
import type { Problem } from '../../src/core/problems';
import { renderGitlab, type GitlabIssue } from '../../src/render/problems';

function problem(over: Partial<Problem> = {}): Problem {
  return {
    severity: 'error',
    file: 'tickets/a.yaml',
    line: 3,
    column: 8,
    kind: 'tickets',
    record: 'T-1',
    rule: 'range',
    message: 'level must be 1–4, found 5',
    ...over,
  };
}

function render(problems: Problem[], opts: { quiet?: boolean; pathFor?: (f: string) => string } = {}): GitlabIssue[] {
  const out = renderGitlab({ records: 2, files: 1, problems }, { quiet: opts.quiet ?? false, pathFor: opts.pathFor ?? ((f) => f) });
  expect(out.endsWith('\n')).toBe(true);
  return JSON.parse(out) as GitlabIssue[];
}

describe('renderGitlab', () => {
  test('an array of issues with the fields GitLab reads', () => {
    const [issue, ...rest] = render([problem()], { pathFor: (f) => `records/${f}` });
    expect(rest).toEqual([]);
    expect(issue).toEqual({
      description: 'level must be 1–4, found 5 [T-1]',
      check_name: 'range',
      fingerprint: expect.stringMatching(/^[0-9a-f]{40}$/),
      severity: 'major',
      location: { path: 'records/tickets/a.yaml', lines: { begin: 3 } },
    });
  });

  test('errors are major, warnings minor; a problem without a record has no [id]', () => {
    const issues = render([problem(), problem({ severity: 'warning', rule: 'unknown-field', message: "unknown field 'x'", record: null })]);
    expect(issues.map((i) => i.severity)).toEqual(['major', 'minor']);
    expect(issues[1]!.description).toBe("unknown field 'x'");
  });

  test('no problems: an empty array (GitLab reads it as "no issues")', () => {
    expect(render([])).toEqual([]);
  });

  test('--quiet leaves warnings out', () => {
    expect(render([problem(), problem({ severity: 'warning', rule: 'unknown-field' })], { quiet: true }).map((i) => i.check_name)).toEqual(['range']);
  });

  test('fingerprints are stable across runs and do not change when a record moves to another line', () => {
    const a = render([problem()])[0]!.fingerprint;
    expect(render([problem()])[0]!.fingerprint).toBe(a);
    expect(render([problem({ line: 30, column: 1 })])[0]!.fingerprint).toBe(a);
  });

  test('fingerprints differ by path, rule, message and record', () => {
    const base = render([problem()])[0]!.fingerprint;
    const variants = [
      problem({ file: 'tickets/b.yaml' }),
      problem({ rule: 'type' }),
      problem({ message: 'level must be 1–4, found 6' }),
      problem({ record: 'T-2' }),
      problem({ record: null }),
    ];
    const prints = variants.map((p) => render([p])[0]!.fingerprint);
    expect(new Set([base, ...prints]).size).toBe(variants.length + 1);
    // the repository path counts, not the records-relative one
    expect(render([problem()], { pathFor: (f) => `x/${f}` })[0]!.fingerprint).not.toBe(base);
  });

  test('identical problems in one file keep distinct fingerprints, so GitLab does not fold them', () => {
    const issues = render([problem({ line: 3 }), problem({ line: 9 })]);
    expect(issues[0]!.fingerprint).not.toBe(issues[1]!.fingerprint);
    expect(render([problem({ line: 3 }), problem({ line: 9 })]).map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });
});
