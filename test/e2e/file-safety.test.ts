/**
 * `--fix` and `--update-baseline` never leave a file cut short: when a write
 * fails, the file keeps its old bytes, no temporary file is left, and the
 * user gets one plain sentence (no stack trace) and exit status 2.
 *
 * Some cases need a real failing file system: a file-size limit
 * (`ulimit -f`) gives a real EFBIG, and permission bits are tested as an
 * unprivileged user (as root, the child runs as `nobody`). Those run the
 * bundled CLI, dist/cli.js (`npm run build`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AtomicWriteFileSystem } from '../../server/src/project/atomicWrite';
import { run, tempTree } from '../helpers/cliRun';

const cli = path.join(__dirname, '../../dist/cli.js');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const STACK_LINE = /^\s+at /m;

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** File-system calls whose write fails with `code` after writing part of the data. */
function failingWrites(code: string): AtomicWriteFileSystem {
  let calls = 0;
  return {
    ...fs,
    writeSync: (fd, buffer, offset, length) => {
      if (++calls === 1) return fs.writeSync(fd, buffer, offset, Math.ceil(length / 2));
      throw errno(code);
    },
  };
}

test('--fix: a write that runs out of space leaves the file as it was and says so plainly', async () => {
  const original = '\uFEFFThis is forbidden.\r\n'.repeat(50);
  const root = tempTree({ 'docs/a.md': original, 'docs/b.md': 'fine' });
  const { code, out, err } = await run(root, ['check', '--fix', '--format', 'json', 'docs'], {
    dependencies: { fileSystem: failingWrites('ENOSPC') },
  });
  assert.equal(code, 2);
  assert.match(err, /^termguard: could not write docs\/a\.md: no space left on device; the file is unchanged$/m);
  assert.doesNotMatch(err, STACK_LINE);
  assert.equal(fs.readFileSync(path.join(root, 'docs/a.md'), 'utf8'), original);
  assert.deepEqual(fs.readdirSync(path.join(root, 'docs')).sort(), ['a.md', 'b.md']);
  // The report describes the file as it still is: its findings were not fixed.
  const report = JSON.parse(out) as { file: string; diagnostics: unknown[] }[];
  assert.equal(report.find((entry) => entry.file === 'docs/a.md')!.diagnostics.length, 50);
});

test('--update-baseline: a failed write keeps the old baseline and says so plainly', async () => {
  const root = tempTree({ 'a.md': 'forbidden', 'baseline.json': '{"version": 1, "entries": []}\n' });
  const { code, err } = await run(root, ['check', '--baseline', 'baseline.json', '--update-baseline'], {
    dependencies: { fileSystem: failingWrites('EFBIG') },
  });
  assert.equal(code, 2);
  assert.match(err, /^termguard: could not write baseline\.json: .*too large.*; the file is unchanged$/m);
  assert.doesNotMatch(err, STACK_LINE);
  assert.equal(fs.readFileSync(path.join(root, 'baseline.json'), 'utf8'), '{"version": 1, "entries": []}\n');
  assert.deepEqual(fs.readdirSync(root).sort(), ['a.md', 'baseline.json']);
});

/** Runs the bundled CLI in `cwd`, optionally through `bash -c` with a shell prefix, optionally as another user. */
function cliProcess(
  cwd: string,
  args: string[],
  options: { shellPrefix?: string; uid?: number } = {},
): { status: number | null; stdout: string; stderr: string } {
  assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
  const quoted = [process.execPath, cli, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const result = options.shellPrefix
    ? spawnSync('bash', ['-c', `${options.shellPrefix}; exec ${quoted}`], { cwd, encoding: 'utf8', timeout: 60_000 })
    : spawnSync(process.execPath, [cli, ...args], {
        cwd,
        encoding: 'utf8',
        timeout: 60_000,
        ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
      });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('--fix under a real file-size limit (ulimit -f, EFBIG) leaves the file whole', () => {
  // 1 KB limit; the fixed text is longer, so the write hits EFBIG part-way.
  const original = 'The SRE calls on ChatGPT for every ticket.\n\n'.repeat(100);
  const root = tempTree({ 'big.md': original });
  const result = cliProcess(root, ['check', '--fix', 'big.md'], { shellPrefix: 'ulimit -f 1' });
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /^termguard: could not write big\.md: .*too large.*; the file is unchanged$/m);
  assert.doesNotMatch(result.stderr, STACK_LINE);
  assert.equal(fs.readFileSync(path.join(root, 'big.md'), 'utf8'), original);
  assert.deepEqual(fs.readdirSync(root), ['big.md']);
});

/** A folder the unprivileged user can enter; as root, files are given to `nobody` where the case needs it. */
function permissionTree(files: Record<string, string>): string {
  const root = tempTree(files);
  fs.chmodSync(root, 0o755);
  return root;
}

const asUnprivileged = isRoot ? { uid: NOBODY } : {};

test('--fix on a read-only file says "not writable" and leaves it alone', () => {
  const root = permissionTree({ 'ro.md': 'The SRE calls on ChatGPT.\n' });
  fs.chmodSync(path.join(root, 'ro.md'), 0o444);
  // The folder is writable, so only an explicit check stops the file from being replaced by rename.
  fs.chmodSync(root, 0o777);
  const result = cliProcess(root, ['check', '--fix', 'ro.md'], asUnprivileged);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /^termguard: could not write ro\.md: the file is not writable.*; the file is unchanged$/m);
  assert.doesNotMatch(result.stderr, STACK_LINE);
  assert.equal(fs.readFileSync(path.join(root, 'ro.md'), 'utf8'), 'The SRE calls on ChatGPT.\n');
  assert.deepEqual(fs.readdirSync(root), ['ro.md']);
});

test('--fix in a read-only folder reports that no temporary file could be created', () => {
  const root = permissionTree({ 'a.md': 'The SRE calls on ChatGPT.\n' });
  if (isRoot) fs.chownSync(path.join(root, 'a.md'), NOBODY, NOBODY);
  fs.chmodSync(root, 0o555);
  try {
    const result = cliProcess(root, ['check', '--fix', 'a.md'], asUnprivileged);
    assert.equal(result.status, 2, result.stderr);
    assert.match(
      result.stderr,
      /^termguard: could not write a\.md: cannot create a temporary file in its folder \(permission denied\); the file is unchanged$/m,
    );
    assert.doesNotMatch(result.stderr, STACK_LINE);
    assert.equal(fs.readFileSync(path.join(root, 'a.md'), 'utf8'), 'The SRE calls on ChatGPT.\n');
    assert.deepEqual(fs.readdirSync(root), ['a.md']);
  } finally {
    fs.chmodSync(root, 0o755);
  }
});
