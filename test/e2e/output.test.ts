/**
 * End-to-end: where the report goes. `-o` destroys nothing whatever the name is (a file of mode
 * 600, a symbolic link, a hard link, a FIFO, /dev/stdout, a folder, a file in the records
 * folder), and standard output that closes early (`| head -1`) or fills up (`> /dev/full`) ends
 * in an exit code and at most one line, never a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, SAMPLES, TEST_NOW, runCli, tempFolder } from './run';

const AS_OF = '2026-11-25';
const REPORT = ['report', '--quarter', '2026-Q3', path.join(SAMPLES, 'after-sales'), '--as-of', AS_OF, '--format', 'md'];
const EXPECTED = (() => {
  const r = runCli(REPORT);
  if (r.code !== 0 || r.stderr !== '') throw new Error(r.stderr);
  return r.stdout;
})();

function report(out: string, env: Record<string, string> = {}) {
  return runCli([...REPORT, '-o', out], { env });
}

describe('-o FILE', () => {
  test('an existing file of mode 600 is replaced whole and keeps its mode; nothing else is left in its folder', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'q3.md');
    fs.writeFileSync(file, 'old report\n', { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    const r = report(file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`svc-sla: wrote ${file}\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe(EXPECTED);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['q3.md']);
  });

  test('a symbolic link is followed: the file it points to gets the report, the link stays a link', () => {
    const dir = tempFolder();
    const real = path.join(dir, 'real.md');
    const link = path.join(dir, 'link.md');
    fs.writeFileSync(real, 'old\n', { mode: 0o640 });
    fs.chmodSync(real, 0o640);
    fs.symlinkSync('real.md', link);
    const r = report(link);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('real.md');
    expect(fs.readFileSync(real, 'utf8')).toBe(EXPECTED);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  test('a symbolic link to nothing is refused (exit 2), and nothing is created', () => {
    const dir = tempFolder();
    const link = path.join(dir, 'link.md');
    fs.symlinkSync('missing.md', link);
    const r = report(link);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`svc-sla: -o ${link}: a symbolic link to a file that does not exist; give the file itself\n`);
    expect(fs.readdirSync(dir)).toEqual(['link.md']);
  });

  test('a file with two hard links is rewritten in place: both names still show one file, with the report', () => {
    const dir = tempFolder();
    const a = path.join(dir, 'a.md');
    const b = path.join(dir, 'b.md');
    fs.writeFileSync(a, 'an old report that is longer than nothing\n'.repeat(1000));
    fs.linkSync(a, b);
    const ino = fs.statSync(a).ino;
    expect(report(b).code).toBe(0);
    expect(fs.statSync(a).ino).toBe(ino);
    expect(fs.statSync(b).ino).toBe(ino);
    expect(fs.statSync(a).nlink).toBe(2);
    expect(fs.readFileSync(a, 'utf8')).toBe(EXPECTED);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
  });

  test('a folder is a usage error (exit 2)', () => {
    const dir = tempFolder();
    const r = report(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`svc-sla: -o ${dir}: this is a folder; give a file name\n`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  // Never /dev/stdout or /dev/full themselves here: tests may run as root, where a regression
  // would replace the machine's device files. /dev/fd/N and /proc/self/fd/N lie in procfs,
  // where nothing can be renamed; src/util/files.ts treats all of them alike (test/util/files.test.ts).
  test('/dev/fd/1 and /proc/self/fd/1 are standard output itself', () => {
    for (const name of ['/dev/fd/1', '/proc/self/fd/1']) {
      const r = report(name);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(EXPECTED);
      expect(r.stderr).toBe(`svc-sla: wrote ${name}\n`);
    }
  });

  test('a FIFO is written in place and stays a FIFO', async () => {
    const dir = tempFolder();
    const fifo = path.join(dir, 'pipe');
    const mk = spawnSync('mkfifo', [fifo]);
    if (mk.status !== 0) return; // no mkfifo here: nothing to test
    const child = spawn(process.execPath, [BIN, ...REPORT, '-o', fifo], { env: { ...process.env, SVC_SLA_NOW: TEST_NOW }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const rs = fs.createReadStream(fifo);
      rs.on('data', (c) => chunks.push(c as Buffer));
      rs.on('end', resolve);
      rs.on('error', reject);
    });
    expect(await exited).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(EXPECTED);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['pipe']);
  });

  test('a descriptor open on /dev/full: the write fails with ENOSPC, exit 2 and one line', () => {
    if (!fs.existsSync('/dev/full')) return;
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...REPORT, '-o', '/proc/self/fd/3'], { env: { ...process.env, SVC_SLA_NOW: TEST_NOW }, stdio: ['ignore', 'pipe', 'pipe', full], encoding: 'utf8' });
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 2, stdout: '', stderr: 'svc-sla: /proc/self/fd/3: cannot write the report (ENOSPC)\n' });
    } finally {
      fs.closeSync(full);
    }
  });

  test('a signal while the report is being written leaves no temporary file behind', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'q3.md');
    fs.writeFileSync(file, 'old report\n');
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const r = spawnSync(process.execPath, [BIN, ...REPORT, '-o', file], { env: { ...process.env, SVC_SLA_NOW: TEST_NOW, SVC_SLA_TEST_SIGNAL: signal }, encoding: 'utf8' });
      // the signal ends the process once the file is whole: renamed into place, or removed
      expect(r.signal).toBe(signal);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(fs.readdirSync(dir)).toEqual(['q3.md']);
      expect(fs.readFileSync(file, 'utf8')).toBe(EXPECTED);
    }
  });
});

describe('standard output', () => {
  /** Runs the CLI with its stdout a pipe whose reading end is closed before anything is written. */
  function closedPipe(args: readonly string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SVC_SLA_NOW: TEST_NOW }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });
  }

  test('a reader that stops reading (| head -1): the command ends quietly with its own exit code', async () => {
    const big = ['breaches', '--quarter', '2026-Q3', path.join(SAMPLES, 'gd-transmission'), '--as-of', AS_OF, '--format', 'json', '--lang', 'en'];
    expect(await closedPipe(big)).toEqual({ code: 0, signal: null, stderr: '' });
    expect(await closedPipe([...REPORT])).toEqual({ code: 0, signal: null, stderr: '' });
    // invalid records stay invalid (exit 1) when nobody reads the problems
    const invalid = await closedPipe(['validate', path.join(__dirname, '..', 'fixtures', 'validate', 'schema-errors')]);
    expect(invalid).toEqual({ code: 1, signal: null, stderr: '' });
  });

  test('> /dev/full: an I/O error, exit 2 and one line on stderr', () => {
    if (!fs.existsSync('/dev/full')) return;
    for (const args of [REPORT, ['validate', path.join(SAMPLES, 'after-sales')]]) {
      const full = fs.openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, SVC_SLA_NOW: TEST_NOW }, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 2, stderr: 'svc-sla: cannot write to standard output (ENOSPC)\n' });
      } finally {
        fs.closeSync(full);
      }
    }
  });
});

describe('-o on calendar and policy show, as on every report', () => {
  test('calendar 2026 -o: the same text as standard output, written to the file, said on stderr', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'cal.txt');
    const r = runCli(['calendar', '2026', '--lang', 'en', '-o', file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cal\.txt/);
    expect(fs.readFileSync(file, 'utf8')).toBe(runCli(['calendar', '2026', '--lang', 'en'], { cwd: dir }).stdout);
  });

  test('policy show --format md -o: the policy as Markdown in the file', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'POLICY.md');
    const r = runCli(['policy', 'show', 'gd-transmission', '--format', 'md', '-o', file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toBe(runCli(['policy', 'show', 'gd-transmission', '--format', 'md'], { cwd: dir }).stdout);
  });

  test('policy show -o into the records folder as a file it would read is refused (exit 2)', () => {
    const dir = tempFolder(path.join(SAMPLES, 'gd-transmission'));
    const r = runCli(['policy', 'show', '--format', 'json', '-o', path.join(dir, 'tickets', 'policy.yaml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'tickets', 'policy.yaml'))).toBe(false);
  });
});
