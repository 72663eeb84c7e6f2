/**
 * How `termguard check` tells the user about problems: notes and errors on
 * standard error, prefixed `termguard:`, and — under `--format json` — an
 * error that stops the run before any report also as a JSON object on
 * standard output, so a program reading stdout sees why there is no report.
 */
import type { OutputFormat } from './args';
import type { CliIO } from './cliIO';

const PREFIX = 'termguard: ';

/** The JSON printed on stdout instead of a report: `{"error": {"message": "..."}}` and a newline. */
export function jsonError(message: string): string {
  return `${JSON.stringify({ error: { message } }, null, 2)}\n`;
}

/** Messages of one check run; remembers whether any was an error (exit status 2). */
export class CheckMessages {
  private errorReported = false;

  constructor(
    private readonly io: CliIO,
    private readonly format: OutputFormat,
  ) {}

  /** True once an error was reported. */
  get failed(): boolean {
    return this.errorReported;
  }

  /** Something the user should know that does not fail the run (a skipped file). */
  note(text: string): void {
    this.io.stderr.write(`${PREFIX}${text}\n`);
  }

  /** Something that fails the run (exit 2) while the run goes on. */
  error(text: string): void {
    this.errorReported = true;
    this.io.stderr.write(`${PREFIX}${text}\n`);
  }

  /** Lines (`file:line:col: error: ...`) that fail the run (exit 2) while it goes on, written as they are. */
  failedWith(lines: readonly string[]): void {
    this.errorReported = true;
    for (const line of lines) this.io.stderr.write(`${line}\n`);
  }

  /**
   * An error that ends the run before any report was written. `lines` go to
   * stderr as they are; with `--format json`, stdout gets them as one
   * JSON error object.
   */
  fatal(lines: readonly string[]): void {
    this.errorReported = true;
    for (const line of lines) this.io.stderr.write(`${line}\n`);
    if (this.format === 'json')
      this.io.stdout.write(jsonError(lines.map((line) => (line.startsWith(PREFIX) ? line.slice(PREFIX.length) : line)).join('\n')));
  }

  /** A bug: a plain first line, then the stack trace for the bug report. */
  internalError(what: string, error: unknown): void {
    this.errorReported = true;
    this.io.stderr.write(`${PREFIX}${describeInternalError(what, error)}`);
  }
}

/** "WHAT (a bug in Termguard; please report it): message", then the stack, indented, for the report. */
export function describeInternalError(what: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? error.stack.split('\n').slice(1).join('\n') : '';
  return `${what} (a bug in Termguard; please report it): ${message}\n${stack === '' ? '' : `${stack}\n`}`;
}
