/**
 * The CLI's view of the outside world, so `main` can be driven in memory by
 * tests and by `bin.ts` with the real process.
 */
import type { EngineFactory } from '../project/configResolution';
import type { AtomicWriteFileSystem } from '../project/atomicWrite';

/** Somewhere text can be written. */
export interface CliWriter {
  /** Writes text; `false` (as from a Node stream whose buffer is full) asks the caller to wait for 'drain'. */
  write(text: string): boolean | void;
  /** True when the stream is an interactive terminal. */
  readonly isTTY?: boolean;
  /** Calls `listener` once the stream can take more text (Node streams have it); without it, writes are never held back. */
  once?(event: 'drain', listener: () => void): unknown;
}

/** Everything the CLI reads from or writes to its process. */
export interface CliIO {
  readonly stdout: CliWriter;
  readonly stderr: CliWriter;
  /** Reads all of standard input, or stops after more than `maxBytes` bytes (so an endless input cannot fill memory). */
  readStdin(maxBytes?: number): Promise<Uint8Array>;
  /** The working directory relative paths and globs are resolved against. */
  readonly cwd: string;
  /** Environment variables (NO_COLOR is honoured); defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Forces colour on or off; by default colour is used when stdout is a TTY and NO_COLOR is unset. */
  readonly color?: boolean;
}

/** Replaceable collaborators of `main`, for tests and embedding. */
export interface CliDependencies {
  /** Defaults to the engine's `createEngine`. */
  readonly engineFactory?: EngineFactory;
  /** Absolute paths of the built-in packs; defaults to `packs/*.termguard.yaml` of the installation. */
  readonly builtinPackFiles?: () => readonly string[];
  /** The version reported by `--version` and in SARIF; defaults to the installation's package.json. */
  readonly version?: string;
  /**
   * Identifies the build that is running (for `check --cache`: results of another build are not reused);
   * defaults to the version alone. `bin.ts` adds a hash of the running script.
   */
  readonly buildId?: () => string;
  /**
   * A script that runs check work in a worker thread (`bin.ts` passes itself); without it every file is
   * checked on the main thread.
   */
  readonly workerScript?: string;
  /** Cores with nothing to do, for deciding on threads; defaults to the cores less the 1-minute load average. */
  readonly idleCores?: number;
  /** Starts the language server; defaults to `startServer` of `../lsp/server`. */
  readonly startServer?: (transport: 'stdio') => unknown;
  /** The file-system calls used to write files (`--fix`, `--update-baseline`); defaults to Node's, replaced by fault-injection tests. */
  readonly fileSystem?: AtomicWriteFileSystem;
}

/**
 * Whether output to `writer` should be coloured. In order: the command
 * line's `--color`/`--no-color` (`flag`), the embedder's `io.color`,
 * FORCE_COLOR (`0` or `false` off, anything else on), NO_COLOR (any
 * non-empty value: off), and finally whether the writer is a terminal.
 */
export function useColor(io: CliIO, writer: CliWriter, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (io.color !== undefined) return io.color;
  const forceColor = io.env?.FORCE_COLOR;
  if (forceColor !== undefined) return forceColor !== '0' && forceColor.toLowerCase() !== 'false';
  const noColor = io.env?.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return writer.isTTY === true;
}

/** What every command receives: the IO and resolved dependencies. */
export interface CommandContext {
  readonly io: CliIO;
  readonly engineFactory: EngineFactory;
  readonly builtinPackFiles: () => readonly string[];
  readonly version: string;
  /** The version and build, for cache keys. */
  readonly buildId: () => string;
  /** See CliDependencies.workerScript. */
  readonly workerScript?: string;
  /** See CliDependencies.idleCores. */
  readonly idleCores?: number;
  readonly fileSystem?: AtomicWriteFileSystem;
}
