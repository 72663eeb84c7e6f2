/**
 * The server's log, written to the client's output channel through
 * `connection.console` (never `console.log`: with the stdio transport stdout
 * carries the protocol).
 */
import type { RemoteConsole } from 'vscode-languageserver/node';

/** Log levels, most severe first. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const RANK: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

/** A leveled logger; messages below the current level are dropped before they are formatted. */
export class Logger {
  private level: LogLevel = 'info';

  constructor(private readonly console: RemoteConsole) {}

  /** Changes the level (`debug` when `termguard.trace.server` is `verbose`). */
  setLevel(level: LogLevel): void {
    this.level = level;
  }

  /** True when messages of `level` are written; lets callers skip building expensive messages. */
  enabled(level: LogLevel): boolean {
    return RANK[level] <= RANK[this.level];
  }

  error(message: string, error?: unknown): void {
    this.console.error(error === undefined ? message : `${message}: ${describeError(error)}`);
  }

  warn(message: string): void {
    if (this.enabled('warn')) this.console.warn(message);
  }

  info(message: string): void {
    if (this.enabled('info')) this.console.info(message);
  }

  /** Takes a function so that the message is only built when debug logging is on. */
  debug(message: () => string): void {
    if (this.enabled('debug')) this.console.log(message());
  }
}

/** An error's stack (or message) for the log. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
