/**
 * Getting each `check` job's text and first result, in the order of the
 * jobs. On one thread a file is read and checked only when the report
 * reaches it. With enough input and idle cores to pay for threads (at least
 * 200 files or 4 MB, and 3 idle cores; or `--jobs N`), files are read ahead of the report, a bounded number
 * at a time, and each goes to the least busy of the main thread and the
 * worker threads; results are still handed out in job order, so the output
 * is the same and still streams.
 */
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { CheckResult, DocumentKind, Engine, PackSource, CheckOptions } from '../../engine/api';
import type { CheckCommand } from '../args';
import type { ChangedLines, LineChanges } from '../changedLines';
import { CheckWorkerPool } from '../checkWorkerPool';
import type { CommandContext } from '../cliIO';
import { decodeDocument, readDocument, type DiscoveredFile } from '../../project/fileDiscovery';
import type { RuleSelection } from '../findingScope';
import { ResultCache, setupKey } from '../resultCache';

/** Standard input, standing for `path` (absolute) when `--stdin-filepath` was given. */
export interface StdinSource {
  readonly stdin: true;
  readonly path?: string;
}

/** A unit of work: one file (or stdin) with its engine, packs and check options. */
export interface Job {
  readonly file: DiscoveredFile | StdinSource;
  readonly display: string;
  readonly kind: DocumentKind;
  readonly engine: Engine;
  readonly packs: readonly PackSource[];
  /** From the file's config: severity overrides and the claim-model switch. */
  readonly options: CheckOptions;
  /** True for standard input whose path the config ignores: it is passed through, not checked. */
  readonly ignored?: boolean;
}

/** True when the job reads standard input. */
export function isStdin(file: Job['file']): file is StdinSource {
  return 'stdin' in file;
}

/** What a run is about beyond its files: rules, changed lines, and the cache. */
export interface RunScope {
  readonly selection: RuleSelection;
  readonly changes: ChangedLines | undefined;
  readonly cache: ResultCache | undefined;
}

/** A job read and, perhaps, already being checked. */
export type PreparedJob =
  /** A file without changed lines: it cannot have a finding on one. */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'unreadable'; readonly message: string }
  | {
      readonly kind: 'ready';
      readonly input: { readonly text: string; readonly bom: boolean };
      readonly changes: LineChanges;
      readonly cacheKey?: string;
      readonly cached?: CheckResult;
      /** The check running in a worker thread. */
      readonly pending?: Promise<CheckResult>;
    };

/** Automatic threading starts at this many files... */
export const PARALLEL_MIN_FILES = 200;
/** ...or at this many bytes of input. */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/** More threads than this gain little: the main thread's reading and reporting becomes the limit. */
const MAX_AUTOMATIC_THREADS = 4;
/**
 * Threads start on their own only with at least this many idle cores. With
 * two they did not pay on a 2-core machine, even idle: 2,000 files (10 MB)
 * took 0.94 s on one thread and 1.42 s on two, 10,000 files (52 MB) 2.7 s
 * either way, because V8's own background threads already use the second
 * core and each worker loads the bundle, builds its engine and warms up
 * again. `--jobs` still asks for them.
 */
const MIN_IDLE_CORES_FOR_THREADS = 3;
/** In parallel mode, at most this many jobs per worker are read ahead of the report... */
const READ_AHEAD_PER_WORKER = 32;
/**
 * The main thread also reads every file and writes every report, so it takes
 * a smaller share of the checks: it takes the next file while its queue is
 * shorter than this fraction of the least busy worker's.
 */
const MAIN_THREAD_SHARE = 0.5;
/** ...and at most this many characters of text are held for jobs not yet reported. */
const READ_AHEAD_CHARACTERS = 64 * 1024 * 1024;

/** Hands out prepared jobs in order and their first results, using worker threads when that pays. */
export class JobChecker {
  private pool: CheckWorkerPool | undefined;
  /** Characters of text read ahead and left for the main thread to check. */
  private mainThreadLoad = 0;
  private readonly changesByJob = new Map<Job, LineChanges | undefined>();
  private readonly setupHashes = new Map<string, string>();

  constructor(
    private readonly command: CheckCommand,
    private readonly context: CommandContext,
    private readonly scope: RunScope,
    private readonly jobs: readonly Job[],
  ) {}

  /** The jobs in order, each read (and perhaps being checked) when handed out. */
  async *inOrder(): AsyncGenerator<{ job: Job; prepared: PreparedJob }> {
    const workers = this.workerCount();
    if (workers > 0) this.startPool(workers);
    const limit =
      workers > 0
        ? { count: (workers + 1) * READ_AHEAD_PER_WORKER, characters: READ_AHEAD_CHARACTERS }
        : { count: 1, characters: Infinity };
    const queue: { job: Job; prepared: PreparedJob; size: number }[] = [];
    let queued = 0;
    let next = 0;
    for (;;) {
      while (next < this.jobs.length && queue.length < limit.count && (queue.length === 0 || queued < limit.characters)) {
        const job = this.jobs[next++]!;
        const prepared = await this.prepare(job);
        const size = prepared.kind === 'ready' ? prepared.input.text.length : 0;
        queue.push({ job, prepared, size });
        queued += size;
      }
      const item = queue.shift();
      if (!item) return;
      queued -= item.size;
      yield { job: item.job, prepared: item.prepared };
    }
  }

  /** The result of checking a prepared job's text: cached, from its worker, or checked here (also when its worker failed). */
  async result(job: Job, prepared: Extract<PreparedJob, { kind: 'ready' }>): Promise<CheckResult> {
    if (prepared.cached) return prepared.cached;
    let result: CheckResult | undefined;
    if (prepared.pending) {
      try {
        result = await prepared.pending;
      } catch {
        // The worker failed or stopped: check here instead, so the file is not lost.
      }
    }
    if (result === undefined) {
      if (!prepared.pending) this.mainThreadLoad -= prepared.input.text.length;
      result = job.engine.check(prepared.input.text, job.kind, job.options);
    }
    if (this.scope.cache && prepared.cacheKey !== undefined) this.scope.cache.write(prepared.cacheKey, result);
    return result;
  }

  /** Ends the worker threads, if any were started. */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  /**
   * The number of worker threads besides the main thread, which checks too:
   * none for `--fix` or small inputs, `--jobs` less one when given, else one
   * per idle core when there are enough of them (at most
   * MAX_AUTOMATIC_THREADS threads in all). A busy machine's cores are not
   * idle: there, threads only add work.
   */
  private workerCount(): number {
    if (this.context.workerScript === undefined || this.command.fix) return 0;
    if (this.command.jobs !== undefined) return this.command.jobs - 1;
    const idleCores = this.context.idleCores ?? Math.floor(availableParallelism() - loadavg()[0]!);
    const threads = Math.min(idleCores, MAX_AUTOMATIC_THREADS);
    if (threads < MIN_IDLE_CORES_FOR_THREADS) return 0;
    const files = this.jobs.filter((job) => !isStdin(job.file) && !job.ignored && hasChanges(this.changesOf(job)));
    return files.length >= PARALLEL_MIN_FILES || totalBytesReach(files, PARALLEL_MIN_BYTES) ? threads - 1 : 0;
  }

  private startPool(workers: number): void {
    this.pool = new CheckWorkerPool(this.context.workerScript!, workers);
    const sent = new Set<string>();
    for (const job of this.jobs) {
      const key = packSetKey(job);
      if (sent.has(key)) continue;
      sent.add(key);
      this.pool.prepare(key, job.packs);
    }
  }

  private changesOf(job: Job): LineChanges | undefined {
    if (!this.changesByJob.has(job)) {
      const path = isStdin(job.file) ? job.file.path : job.file.absolutePath;
      this.changesByJob.set(job, this.scope.changes && path !== undefined ? this.scope.changes.linesOf(path) : 'all');
    }
    return this.changesByJob.get(job);
  }

  /** Reads a job's text, looks it up in the cache, and starts its check in a worker when there are workers. */
  private async prepare(job: Job): Promise<PreparedJob> {
    const changes = this.changesOf(job);
    // Standard input is read even without changed lines: with --fix it has to come back out.
    if (!isStdin(job.file) && !hasChanges(changes)) return { kind: 'skipped' };
    const input = isStdin(job.file) ? await this.readStdin() : readDocument(job.file.absolutePath, this.command.maxFileSize);
    if (!input.ok) return { kind: 'unreadable', message: input.message };
    const ready = { kind: 'ready' as const, input: { text: input.text, bom: input.bom }, changes: changes ?? 'all' };
    if (job.ignored) return ready;
    const cacheKey = this.scope.cache ? ResultCache.entryKey(this.setupHash(job), input.text) : undefined;
    const cached = cacheKey !== undefined ? this.scope.cache!.read(cacheKey, input.text.length) : undefined;
    if (cached) return { ...ready, cacheKey, cached };
    // The main thread takes its share too, while it has less queued than the least busy worker.
    if (!this.pool || isStdin(job.file) || this.mainThreadLoad < this.pool.lightestLoad * MAIN_THREAD_SHARE) {
      this.mainThreadLoad += input.text.length;
      return { ...ready, ...(cacheKey !== undefined ? { cacheKey } : {}) };
    }
    const pending = this.pool.check(packSetKey(job), input.text, job.kind, job.options);
    // Handled when the job's turn comes (see `result`); until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    return { ...ready, pending, ...(cacheKey !== undefined ? { cacheKey } : {}) };
  }

  private async readStdin(): Promise<ReturnType<typeof decodeDocument> | { ok: false; message: string }> {
    const bytes = await this.context.io.readStdin(this.command.maxFileSize);
    if (bytes.length > this.command.maxFileSize) return { ok: false, message: `is over --max-file-size ${this.command.maxFileSize}` };
    return decodeDocument(bytes);
  }

  /** The cache's setup hash for a job, computed once per pack set, overrides and kind. */
  private setupHash(job: Job): string {
    const id = `${packSetKey(job)}\0${job.kind}\0${JSON.stringify(job.options)}`;
    let hash = this.setupHashes.get(id);
    if (hash === undefined) {
      hash = setupKey({ buildId: this.context.buildId(), packs: job.packs, options: job.options, kind: job.kind });
      this.setupHashes.set(id, hash);
    }
    return hash;
  }
}

/** The identity of a job's pack set within one run (the same files always hold the same text during a run). */
function packSetKey(job: Job): string {
  return job.packs.map((pack) => pack.file).join('\0');
}

function hasChanges(changes: LineChanges | undefined): boolean {
  return changes !== undefined && (changes === 'all' || changes.size > 0);
}

/** True once the files' sizes add up to `limit` bytes (stops counting there). */
function totalBytesReach(jobs: readonly Job[], limit: number): boolean {
  let total = 0;
  for (const job of jobs) {
    if (isStdin(job.file)) continue;
    try {
      total += statSync(job.file.absolutePath).size;
    } catch {
      // an unreadable file is reported when its turn comes
    }
    if (total >= limit) return true;
  }
  return false;
}
