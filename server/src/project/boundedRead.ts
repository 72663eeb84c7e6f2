/**
 * Reading the small files the CLI depends on (packs, configs, baselines)
 * without trusting what a path names: devices such as `/dev/zero`, pipes and
 * folders are refused before they are opened, and a file is never read past
 * a size limit, so a wrong path cannot make the CLI hang or run out of memory.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { describeFileError, errorCode } from './fileErrors';

/** The size limit for packs and configs: far above any real one (the built-in pack is under 40 KB). */
export const MAX_PACK_OR_CONFIG_BYTES = 16 * 1024 * 1024;

/** What a path names, following symbolic links. */
export type PathStatus =
  | { readonly kind: 'file' | 'directory' | 'other'; readonly stats: Stats }
  | { readonly kind: 'missing' | 'error'; readonly message: string };

/**
 * Stats `path` (following links) and, when that fails, says why in plain
 * English: "no such file or directory", "broken symbolic link (its target
 * does not exist)", "symbolic link loop", "permission denied", …
 */
export function pathStatus(path: string): PathStatus {
  try {
    const stats = statSync(path);
    return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', stats };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return {
        kind: 'missing',
        message: isSymbolicLink(path) ? 'broken symbolic link (its target does not exist)' : 'no such file or directory',
      };
    }
    return { kind: 'error', message: describeFileError(error) };
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * A file's bytes, or why they were not read: `unreadable` with the system's
 * reason ("no such file or directory"), or `refused` with what is wrong
 * with the file ("is not a regular file").
 */
export type BoundedRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'unreadable' | 'refused'; readonly message: string };

/**
 * Reads a regular file of at most `maxBytes` bytes. Anything else is refused
 * with a message such as "is not a regular file" or "is 20000000 bytes, over
 * the limit of 16777216 bytes for packs and configs" (`limitName` names what
 * the limit is for).
 */
export function readBoundedFile(path: string, maxBytes: number, limitName: string): BoundedRead {
  const status = pathStatus(path);
  if (status.kind === 'missing' || status.kind === 'error') return { ok: false, reason: 'unreadable', message: status.message };
  const refused = (message: string): BoundedRead => ({ ok: false, reason: 'refused', message });
  if (status.kind !== 'file') return refused('is not a regular file');
  if (status.stats.size > maxBytes) return refused(`is ${status.stats.size} bytes, over the limit of ${maxBytes} bytes for ${limitName}`);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // The path may have been replaced since it was checked.
    if (!fstatSync(fd).isFile()) return refused('is not a regular file');
    // One byte more than expected, to notice a file that grew since it was checked.
    let buffer = new Uint8Array(Math.min(maxBytes, status.stats.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return refused(`is over the limit of ${maxBytes} bytes for ${limitName}`);
        const grown = new Uint8Array(Math.min(maxBytes + 1, buffer.length * 2));
        grown.set(buffer);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: describeFileError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
