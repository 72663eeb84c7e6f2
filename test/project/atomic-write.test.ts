/**
 * writeFileAtomic: a file is either replaced whole or left as it was, with
 * its mode and owner, and no temporary file is left behind. Failures are
 * injected through the file-system calls the function takes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileWriteError, writeFileAtomic, type AtomicWriteFileSystem } from '../../server/src/project/atomicWrite';
import { tempTree } from '../helpers/cliRun';

const ORIGINAL = 'The original text.\r\n'.repeat(100);
const REPLACEMENT = new TextEncoder().encode('\uFEFFThe new text.\r\n'.repeat(300));
const isRoot = process.getuid?.() === 0;

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** A folder with `doc.md` and what it held before. */
function setup(): { dir: string; file: string; before: Buffer; listing: string[] } {
  const dir = tempTree({ 'doc.md': ORIGINAL, 'other.md': 'x' });
  const file = path.join(dir, 'doc.md');
  return { dir, file, before: fs.readFileSync(file), listing: fs.readdirSync(dir).sort() };
}

function assertUntouched({ dir, file, before, listing }: ReturnType<typeof setup>): void {
  assert.deepEqual(fs.readFileSync(file), before, 'the original bytes are unchanged');
  assert.deepEqual(fs.readdirSync(dir).sort(), listing, 'no temporary file is left');
}

test('replaces the content whole, keeping the mode and leaving no temporary file', () => {
  const state = setup();
  fs.chmodSync(state.file, 0o640);
  writeFileAtomic(state.file, REPLACEMENT);
  assert.deepEqual(new Uint8Array(fs.readFileSync(state.file)), REPLACEMENT);
  assert.equal(fs.statSync(state.file).mode & 0o7777, 0o640);
  assert.deepEqual(fs.readdirSync(state.dir).sort(), state.listing);
});

test('creates a missing file, and writes through a symbolic link instead of replacing the link', () => {
  const dir = tempTree({ 'real.md': 'old' });
  writeFileAtomic(path.join(dir, 'new.json'), new TextEncoder().encode('{}\n'));
  assert.equal(fs.readFileSync(path.join(dir, 'new.json'), 'utf8'), '{}\n');
  fs.symlinkSync('real.md', path.join(dir, 'link.md'));
  writeFileAtomic(path.join(dir, 'link.md'), new TextEncoder().encode('new'));
  assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
  assert.equal(fs.readFileSync(path.join(dir, 'real.md'), 'utf8'), 'new');
});

for (const [code, reason] of [
  ['ENOSPC', /no space left on device/],
  ['EFBIG', /too large/],
  ['EDQUOT', /quota/],
  ['EIO', /input\/output error/],
] as const) {
  test(`a ${code} half-way through the write leaves the original and no temporary file`, () => {
    const state = setup();
    let calls = 0;
    const fileSystem: AtomicWriteFileSystem = {
      ...fs,
      writeSync: (fd, buffer, offset, length) => {
        calls++;
        if (calls === 1) return fs.writeSync(fd, buffer, offset, Math.ceil(length / 2));
        throw errno(code);
      },
    };
    assert.throws(
      () => writeFileAtomic(state.file, REPLACEMENT, { fileSystem }),
      (error: unknown) => error instanceof FileWriteError && error.code === code && reason.test(error.reason),
    );
    assert.equal(calls, 2);
    assertUntouched(state);
  });
}

test('failures at every later step (sync, permissions, rename) also leave the original', () => {
  for (const step of ['fsyncSync', 'fchmodSync', 'closeSync', 'renameSync'] as const) {
    const state = setup();
    const failing = {
      ...fs,
      [step]: () => {
        throw errno('EIO');
      },
    } as AtomicWriteFileSystem;
    assert.throws(() => writeFileAtomic(state.file, REPLACEMENT, { fileSystem: failing }), FileWriteError, step);
    assertUntouched(state);
  }
});

test('a file that is not writable is refused before anything is written', () => {
  const state = setup();
  const fileSystem: AtomicWriteFileSystem = {
    ...fs,
    accessSync: () => {
      throw errno('EACCES');
    },
    openSync: () => assert.fail('no temporary file should be created'),
  };
  assert.throws(
    () => writeFileAtomic(state.file, REPLACEMENT, { fileSystem }),
    (error: unknown) => error instanceof FileWriteError && /not writable/.test(error.reason),
  );
  assertUntouched(state);
});

test('a folder that does not let a temporary file be created is reported as such', () => {
  const state = setup();
  const fileSystem: AtomicWriteFileSystem = {
    ...fs,
    openSync: () => {
      throw errno('EACCES');
    },
  };
  assert.throws(
    () => writeFileAtomic(state.file, REPLACEMENT, { fileSystem }),
    (error: unknown) => error instanceof FileWriteError && /temporary file.*permission denied/.test(error.reason),
  );
  assertUntouched(state);
});

test('a path that is a folder or a device is refused', () => {
  const dir = tempTree({ 'sub/x.md': 'x' });
  assert.throws(
    () => writeFileAtomic(path.join(dir, 'sub'), REPLACEMENT),
    (error: unknown) => error instanceof FileWriteError && /not a regular file/.test(error.reason),
  );
  assert.throws(
    () => writeFileAtomic('/dev/null', REPLACEMENT),
    (error: unknown) => error instanceof FileWriteError && /not a regular file/.test(error.reason),
  );
});

test(
  'as root, the owner of the replaced file is kept',
  { skip: isRoot ? false : 'needs root: only root can give a file to another owner' },
  () => {
    const state = setup();
    fs.chownSync(state.file, 65534, 65534);
    fs.chmodSync(state.file, 0o604);
    writeFileAtomic(state.file, REPLACEMENT);
    const stats = fs.statSync(state.file);
    assert.deepEqual([stats.uid, stats.gid, stats.mode & 0o7777], [65534, 65534, 0o604]);
  },
);

test(
  'as another user, a read-only file is not replaced',
  {
    skip: isRoot ? 'runs as root, where permission bits do not stop writes (cli-file-safety covers this as an unprivileged child)' : false,
  },
  () => {
    const state = setup();
    fs.chmodSync(state.file, 0o444);
    assert.throws(
      () => writeFileAtomic(state.file, REPLACEMENT),
      (error: unknown) => error instanceof FileWriteError && /not writable/.test(error.reason),
    );
    assertUntouched(state);
  },
);
