/**
 * Provenance of a report: the git commit of the records and whether the work tree differs from
 * it, so a printed report can be reproduced. Reads git through its CLI; no network.
 *
 * A records folder may come from anyone (a zip of a repository with its `.git/config`), and git
 * runs commands named in that config: `core.fsmonitor` on every `status`, a `filter.<driver>.clean`
 * or `.process` for each file `.gitattributes` gives that driver, hooks such as
 * `post-index-change` when `status` refreshes the index, and a pager. So git runs here with
 * every one of them switched off on its command line (which wins over any config file), never
 * writes the index (GIT_OPTIONAL_LOCKS=0), never prompts, and never looks inside submodules'
 * work trees (each has a config of its own). Without its clean filter a file whose index entry
 * is stale (touched since it was staged) may count as changed: the report then says
 * "uncommitted changes" when there are none, never the other way round.
 */
import { spawnSync } from 'node:child_process';

export interface Provenance {
  /** full commit hash of HEAD, null when the repository has no commit yet */
  readonly commit: string | null;
  /** the records folder has uncommitted changes (including untracked files) */
  readonly dirty: boolean;
}

/** Config that would make git run a program, off for every call. */
const SAFE_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.untrackedCache=false',
  'status.submoduleSummary=false',
];

/** The environment git gets: ours, with nothing that prompts, pages or writes the index. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat', GIT_ASKPASS: '', SSH_ASKPASS: '' };
}

function git(cwd: string, args: readonly string[], config: readonly string[] = []): { ok: boolean; out: string } {
  const c = [...SAFE_CONFIG, ...config].flatMap((kv) => ['-c', kv]);
  const r = spawnSync('git', ['--no-pager', ...c, ...args], { cwd, env: gitEnv(), encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  return { ok: r.status === 0, out: r.stdout ?? '' };
}

/**
 * `-c` settings that empty every filter driver any config defines (`filter.lfs.clean=` …):
 * a driver with no command is no driver, and `required=false` keeps git from failing on it.
 */
export function filterOverrides(configZ: string): string[] {
  const drivers = new Set<string>();
  for (const entry of configZ.split('\0')) {
    const key = entry.split('\n', 1)[0] ?? '';
    const m = /^filter\.(.+)\.(?:clean|smudge|process|required)$/i.exec(key);
    if (m) drivers.add(m[1]!);
  }
  return [...drivers].sort().flatMap((d) => [`filter.${d}.clean=`, `filter.${d}.smudge=`, `filter.${d}.process=`, `filter.${d}.required=false`]);
}

/** null when the folder is not in a git repository (or git is not installed). */
export function provenance(root: string): Provenance | null {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok || inside.out.trim() !== 'true') return null;
  const head = git(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  // `git config` only reads files; it names the drivers whose commands `status` must not run
  const filters = filterOverrides(git(root, ['config', '-z', '--get-regexp', '^filter\\.']).out);
  const status = git(root, ['status', '--porcelain', '--untracked-files=all', '--ignore-submodules=dirty', '--no-renames', '--', '.'], filters);
  const commit = head.out.trim();
  // a status that failed tells nothing: count it as changed rather than as clean
  return { commit: head.ok && commit ? commit : null, dirty: !status.ok || status.out.trim() !== '' };
}

/** `3f2a9c1d0b7e` / `3f2a9c1d0b7e (uncommitted changes)` / `not a git repository`, in English. */
export function describeProvenance(p: Provenance | null, words: { notGit: string; dirty: string; noCommit: string }): string {
  if (p === null) return words.notGit;
  const c = p.commit === null ? words.noCommit : p.commit.slice(0, 12);
  return p.dirty ? `${c} (${words.dirty})` : c;
}
