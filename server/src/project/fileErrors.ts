/**
 * Plain-English descriptions of file-system errors, so messages say "no space
 * left on device" rather than showing an error code or a stack trace.
 */

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EFBIG: 'the file would be too large (a file-size limit was reached)',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EIO: 'input/output error',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ELOOP: 'symbolic link loop',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EXDEV: 'the temporary file is on another device',
  EAGAIN: 'the file is temporarily unavailable',
};

/** The `code` of a Node.js file-system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A short, lower-case description of a file-system error, e.g. "no space left on device". */
export function describeFileError(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined) return DESCRIPTIONS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}
