/**
 * Replacing a file's content all at once: the new bytes go to a temporary
 * file in the same folder, which is then renamed over the original. A failure
 * at any step (a full disk, a file-size limit, a read-only file or folder)
 * leaves the original untouched and removes the temporary file, so a file is
 * never left cut short.
 *
 * Used by `termguard check --fix`, `--update-baseline`, `--output-file`,
 * `--cache` and `termguard init`; it depends only
 * on Node's `fs`, so the language server can use it too.
 *
 * What is kept: the file's permission bits and, when running as root, its
 * owner and group. Writing through a symbolic link replaces the file the
 * link points to, not the link. What is not kept: hard links (the other
 * names keep the old content), extended attributes and ACLs.
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { describeFileError, errorCode } from './fileErrors';

/** The file-system calls writeFileAtomic makes; replaceable so tests can make any of them fail. */
export interface AtomicWriteFileSystem {
  realpathSync(path: string): string;
  statSync(path: string): fs.Stats;
  accessSync(path: string, mode: number): void;
  openSync(path: string, flags: string, mode: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

/** Node's own file system. */
export const nodeFileSystem: AtomicWriteFileSystem = fs;

/** Why a file could not be written; the file on disk was left as it was. */
export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';

  /**
   * @param reason plain English, e.g. "no space left on device"
   * @param code the file-system error code, when there was one
   */
  constructor(
    readonly reason: string,
    readonly code: string | undefined,
  ) {
    super(reason);
  }
}

/** Options of writeFileAtomic. */
export interface AtomicWriteOptions {
  /** Defaults to Node's `fs`. */
  readonly fileSystem?: AtomicWriteFileSystem;
}

/**
 * Replaces the content of `path` with `data`, or creates the file. Either
 * the whole new content is in place afterwards, or the file is as it was and
 * a FileWriteError says why (no temporary file is left behind).
 */
export function writeFileAtomic(path: string, data: Uint8Array, options: AtomicWriteOptions = {}): void {
  const file = openFileAtomic(path, options);
  file.write(data);
  file.commit();
}

/**
 * A file being written in pieces that replaces its target only on `commit`.
 * After any FileWriteError the temporary file is already gone and the target
 * untouched; later calls do nothing.
 */
export interface AtomicFile {
  /** Appends bytes to the temporary file. */
  write(data: Uint8Array): void;
  /** Puts the temporary file in the target's place (keeping the target's mode and owner). */
  commit(): void;
  /** Removes the temporary file, leaving the target as it was. */
  abort(): void;
}

/** Starts replacing (or creating) `path`: nothing changes there until `commit`. */
export function openFileAtomic(path: string, options: AtomicWriteOptions = {}): AtomicFile {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const { target, existing } = resolveTarget(fileSystem, path);
  const temp = temporaryNameFor(target);
  let fd: number;
  try {
    // A replacement stays private until its mode is copied from the original; a new file gets the usual 0o666 less umask.
    fd = fileSystem.openSync(temp, 'wx', existing ? 0o600 : 0o666);
  } catch (error) {
    throw new FileWriteError(`cannot create a temporary file in its folder (${describeFileError(error)})`, errorCode(error));
  }
  let state: 'open' | 'closed' | 'done' = 'open';
  const fail = (error: unknown): never => {
    if (state === 'open') ignoreErrors(() => fileSystem.closeSync(fd));
    state = 'done';
    const left = !ignoreErrors(() => fileSystem.unlinkSync(temp));
    const reason =
      (error instanceof FileWriteError ? error.reason : describeFileError(error)) + (left ? `; a temporary file was left at ${temp}` : '');
    throw new FileWriteError(reason, error instanceof FileWriteError ? error.code : errorCode(error));
  };
  return {
    write(data) {
      if (state !== 'open') return;
      try {
        writeAll(fileSystem, fd, data);
      } catch (error) {
        fail(error);
      }
    },
    commit() {
      if (state !== 'open') return;
      try {
        if (existing) {
          // chown first: it may clear set-user-ID bits, which chmod then restores.
          if (isRoot() && (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()))
            fileSystem.fchownSync(fd, existing.uid, existing.gid);
          fileSystem.fchmodSync(fd, existing.mode & 0o7777);
        }
        fileSystem.fsyncSync(fd);
        state = 'closed';
        fileSystem.closeSync(fd);
        fileSystem.renameSync(temp, target);
        state = 'done';
      } catch (error) {
        fail(error);
      }
    },
    abort() {
      if (state === 'done') return;
      if (state === 'open') ignoreErrors(() => fileSystem.closeSync(fd));
      state = 'done';
      ignoreErrors(() => fileSystem.unlinkSync(temp));
    },
  };
}

/**
 * Creates `path` with `data` only if nothing is there yet: the content is
 * written to a temporary file first and then linked into place, so the file
 * appears whole or not at all, and an existing file is never replaced (an
 * `EEXIST` FileWriteError says so).
 */
export function createFileExclusive(path: string, data: Uint8Array): void {
  const temp = temporaryNameFor(path);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx', 0o666);
  } catch (error) {
    throw new FileWriteError(`cannot create a temporary file in its folder (${describeFileError(error)})`, errorCode(error));
  }
  try {
    writeAll(nodeFileSystem, fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    fs.linkSync(temp, path);
  } catch (error) {
    if (fd !== -1) ignoreErrors(() => fs.closeSync(fd));
    const code = error instanceof FileWriteError ? error.code : errorCode(error);
    throw new FileWriteError(
      code === 'EEXIST' ? 'it already exists' : error instanceof FileWriteError ? error.reason : describeFileError(error),
      code,
    );
  } finally {
    ignoreErrors(() => fs.unlinkSync(temp));
  }
}

function temporaryNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.termguard-tmp`);
}

/** The file to replace (symbolic links followed) and its current stats, refusing what cannot be replaced. */
function resolveTarget(fileSystem: AtomicWriteFileSystem, path: string): { target: string; existing: fs.Stats | undefined } {
  let target: string;
  let existing: fs.Stats;
  try {
    target = fileSystem.realpathSync(path);
    existing = fileSystem.statSync(target);
  } catch (error) {
    // A missing file is created; anything else about the path is an error.
    if (errorCode(error) === 'ENOENT') return { target: path, existing: undefined };
    throw new FileWriteError(describeFileError(error), errorCode(error));
  }
  if (!existing.isFile()) throw new FileWriteError('it is not a regular file', undefined);
  try {
    // Without this check a read-only file in a writable folder would be replaced by the rename.
    fileSystem.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    throw new FileWriteError(`the file is not writable (${describeFileError(error)})`, errorCode(error));
  }
  return { target, existing };
}

/** Writes all of `data`; a write may take only part of it. */
function writeAll(fileSystem: AtomicWriteFileSystem, fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) {
    const written = fileSystem.writeSync(fd, data, offset, data.length - offset);
    if (written <= 0) throw new FileWriteError('the file system accepted no more data', undefined);
    offset += written;
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Runs `action`; true when it succeeded. */
function ignoreErrors(action: () => void): boolean {
  try {
    action();
    return true;
  } catch {
    return false;
  }
}
