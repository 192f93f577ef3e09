/**
 * A records folder as it was at a git revision, read without touching the work tree or the
 * index: the blobs of the folder's tree are read with `git ls-tree` and `git cat-file --batch`
 * into memory. Every git call runs without a shell, without a pager, without optional locks
 * (no index refresh), with hooks and fsmonitor off, and with literal path specs.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export class GitError extends Error {}

const GIT_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.quotePath=false', '--no-pager', '--literal-pathspecs'];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat', LC_ALL: 'C' };
  // a repository named by the caller's environment would not be the folder's
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  delete env.GIT_INDEX_FILE;
  return env;
}

function git(cwd: string, args: readonly string[], input?: Buffer): { ok: boolean; out: Buffer; err: string; missing: boolean } {
  const r = spawnSync('git', [...GIT_CONFIG, ...args], { cwd, env: gitEnv(), input, maxBuffer: 1 << 30, timeout: 120_000, stdio: ['pipe', 'pipe', 'pipe'] });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: r.status === 0, out: r.stdout ?? Buffer.alloc(0), err: (r.stderr ?? Buffer.alloc(0)).toString('utf8').trim(), missing };
}

export interface Repo {
  /** the work tree's top folder */
  readonly top: string;
  /** the records folder relative to it, `/`-separated, '' at the top */
  readonly prefix: string;
}

/** The git work tree the folder is in; GitError when it is in none (or git is not installed). */
export function repoOf(folder: string): Repo {
  const r = git(folder, ['rev-parse', '--show-toplevel']);
  if (r.missing) throw new GitError('git is not installed (or not on PATH)');
  const top = r.out.toString('utf8').trim();
  if (!r.ok || top === '') throw new GitError(`${folder} is not in a git work tree`);
  const rel = path.relative(top, folder).split(path.sep).join('/');
  return { top, prefix: rel };
}

/** The commit a revision names; GitError when the repository has no such revision. */
export function resolveCommit(repo: Repo, rev: string): string {
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) throw new GitError(`'${rev}' is not a revision`);
  const r = git(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const commit = r.out.toString('utf8').trim();
  if (!r.ok || !/^[0-9a-f]{40,64}$/.test(commit)) throw new GitError(`revision '${rev}' is not in the repository at ${repo.top}`);
  return commit;
}

/** HEAD's commit, or null before the first commit. */
export function headCommit(repo: Repo): string | null {
  const r = git(repo.top, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  const c = r.out.toString('utf8').trim();
  return r.ok && c !== '' ? c : null;
}

/** Whether the folder differs from HEAD in the work tree (untracked files included), read without taking a lock. */
export function folderDirty(repo: Repo): boolean {
  const r = git(repo.top, ['status', '--porcelain', '--untracked-files=all', '--', repo.prefix === '' ? '.' : repo.prefix]);
  return r.out.length > 0;
}

/**
 * Every file of the records folder at a commit, relative to the folder, as bytes. Symbolic links
 * and submodules are left out (a work tree's links are not followed either).
 */
export function filesAt(repo: Repo, commit: string): Record<string, Uint8Array> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (repo.prefix !== '') args.push('--', repo.prefix);
  const list = git(repo.top, args);
  if (!list.ok) throw new GitError(`cannot list ${repo.prefix || '.'} at ${commit.slice(0, 12)}: ${list.err}`);
  const blobs: { sha: string; rel: string }[] = [];
  for (const entry of list.out.toString('utf8').split('\0')) {
    if (entry === '') continue;
    const tab = entry.indexOf('\t');
    const [mode, type, sha] = entry.slice(0, tab).split(' ');
    const full = entry.slice(tab + 1);
    if (type !== 'blob' || mode === '120000' || sha === undefined) continue;
    const rel = repo.prefix === '' ? full : full.slice(repo.prefix.length + 1);
    if (repo.prefix !== '' && !full.startsWith(`${repo.prefix}/`)) continue;
    blobs.push({ sha, rel });
  }
  const out: Record<string, Uint8Array> = {};
  if (blobs.length === 0) return out;
  const batch = git(repo.top, ['cat-file', '--batch'], Buffer.from(blobs.map((b) => `${b.sha}\n`).join(''), 'utf8'));
  if (!batch.ok) throw new GitError(`cannot read the files at ${commit.slice(0, 12)}: ${batch.err}`);
  // each: "<sha> blob <size>\n" <size bytes> "\n"
  let at = 0;
  for (const b of blobs) {
    const nl = batch.out.indexOf(0x0a, at);
    const head = batch.out.subarray(at, nl).toString('utf8').split(' ');
    const size = Number(head[2]);
    if (head[1] !== 'blob' || !Number.isSafeInteger(size)) throw new GitError(`unexpected answer from git cat-file for ${b.rel}`);
    out[b.rel] = batch.out.subarray(nl + 1, nl + 1 + size);
    at = nl + 1 + size + 1;
  }
  return out;
}
