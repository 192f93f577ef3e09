/**
 * Provenance of a report: the git commit of the records and whether the work tree differs from
 * it, so a printed report can be reproduced. Reads git through its CLI; no network.
 */
import { spawnSync } from 'node:child_process';

export interface Provenance {
  /** full commit hash of HEAD, null when the repository has no commit yet */
  readonly commit: string | null;
  /** the records folder has uncommitted changes (including untracked files) */
  readonly dirty: boolean;
}

function git(cwd: string, args: readonly string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', [...args], { cwd, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim() };
}

/** null when the folder is not in a git repository (or git is not installed). */
export function provenance(root: string): Provenance | null {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok || inside.out !== 'true') return null;
  const head = git(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  const status = git(root, ['status', '--porcelain', '--untracked-files=all', '--', '.']);
  return { commit: head.ok && head.out ? head.out : null, dirty: status.out !== '' };
}

/** `3f2a9c1d0b7e` / `3f2a9c1d0b7e (uncommitted changes)` / `not a git repository`, in English. */
export function describeProvenance(p: Provenance | null, words: { notGit: string; dirty: string; noCommit: string }): string {
  if (p === null) return words.notGit;
  const c = p.commit === null ? words.noCommit : p.commit.slice(0, 12);
  return p.dirty ? `${c} (${words.dirty})` : c;
}
