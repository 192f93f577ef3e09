/** What `-o NAME` means, decided from the name and what lies there (src/util/files.ts). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTemporary, descriptorOf, outputTarget, settle } from '../../src/util/files';

describe('descriptorOf', () => {
  test.each([
    ['/dev/stdin', 0],
    ['/dev/stdout', 1],
    ['/dev/stderr', 2],
    ['/dev/fd/1', 1],
    ['/dev/fd/63', 63],
    ['/proc/self/fd/2', 2],
    ['/dev/null', null],
    ['/dev/stdout2', null],
    ['/tmp/dev/stdout', null],
    ['/dev/fd/', null],
  ])('%s → %p', (name, fd) => {
    expect(descriptorOf(name)).toBe(fd);
  });
});

describe('outputTarget', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-files-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the standard streams by name are descriptors, whatever /dev holds', () => {
    expect(outputTarget('/dev/stdout')).toEqual({ kind: 'descriptor', fd: 1 });
    expect(outputTarget('/dev/stderr')).toEqual({ kind: 'descriptor', fd: 2 });
  });

  test('a new file, a file, a link to it, a hard-linked file, a device, a folder, a link to nothing', () => {
    const file = path.join(dir, 'a.md');
    expect(outputTarget(file)).toEqual({ kind: 'replace', path: file, old: null });
    fs.writeFileSync(file, 'x');
    expect(outputTarget(file)).toMatchObject({ kind: 'replace', path: file });
    fs.symlinkSync('a.md', path.join(dir, 'l.md'));
    expect(outputTarget(path.join(dir, 'l.md'))).toMatchObject({ kind: 'replace', path: fs.realpathSync(file) });
    fs.linkSync(file, path.join(dir, 'h.md'));
    expect(outputTarget(path.join(dir, 'h.md'))).toEqual({ kind: 'linked', path: path.join(dir, 'h.md') });
    expect(outputTarget('/dev/null')).toEqual({ kind: 'device', path: '/dev/null' });
    expect(() => outputTarget(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    fs.symlinkSync('nothing.md', path.join(dir, 'dangling.md'));
    expect(() => outputTarget(path.join(dir, 'dangling.md'))).toThrow(expect.objectContaining({ code: 'EDANGLING' }));
  });

  test('temporary files: random names, created exclusively, removed by settle', () => {
    const file = path.join(dir, 'report.md');
    const one = createTemporary(file);
    const two = createTemporary(file);
    expect(one.tmp).not.toBe(two.tmp);
    expect(path.basename(one.tmp)).toMatch(/^\.report\.md\.[0-9a-f]{16}\.tmp$/);
    for (const t of [one, two]) {
      fs.closeSync(t.fd);
      settle(t.tmp, true);
      expect(fs.existsSync(t.tmp)).toBe(false);
    }
  });
});
