/**
 * Where `check` writes its report: standard output (or standard error, when
 * standard output carries fixed text), or the file of `--output-file`,
 * which is written to a temporary file as the report streams and put in
 * place only when the report is complete, so a failed run never leaves half
 * a report behind.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FileWriteError, openFileAtomic, type AtomicFile, type AtomicWriteFileSystem } from '../project/atomicWrite';
import type { CliWriter } from './cliIO';
import { describeFileError } from '../project/fileErrors';

/** A report's destination. */
export interface ReportDestination {
  readonly writer: CliWriter;
  /** Completes the report; the reason, when the file could not be written (then it is left as it was). */
  finish(): string | undefined;
  /** Leaves any file as it was. */
  abandon(): void;
}

/** A destination writing to a stream. */
export function streamDestination(writer: CliWriter): ReportDestination {
  return { writer, finish: () => undefined, abandon: () => undefined };
}

/**
 * A destination replacing the file at `path` (its folder is created) once
 * the report is complete; or the reason it cannot be written.
 */
export function fileDestination(path: string, fileSystem?: AtomicWriteFileSystem): ReportDestination | { failed: string } {
  let file: AtomicFile;
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    return { failed: `cannot create its folder (${describeFileError(error)})` };
  }
  try {
    file = openFileAtomic(path, fileSystem ? { fileSystem } : {});
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    return { failed: error.reason };
  }
  let failure: string | undefined;
  const encoder = new TextEncoder();
  const attempt = (action: () => void): void => {
    if (failure !== undefined) return;
    try {
      action();
    } catch (error) {
      if (!(error instanceof FileWriteError)) throw error;
      failure = error.reason;
    }
  };
  return {
    writer: { write: (text: string) => attempt(() => file.write(encoder.encode(text))) },
    finish() {
      attempt(() => file.commit());
      if (failure !== undefined) file.abort();
      return failure;
    },
    abandon: () => file.abort(),
  };
}
