/**
 * The main-thread side of `termguard check`'s parallel mode: a few worker
 * threads (see checkWorker.ts) that check texts and send the results back.
 * Each check goes to the worker with the fewest characters queued. A worker that
 * fails or exits leaves its checks rejected, so the caller can check them
 * on the main thread instead; nothing is lost.
 */
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult, DocumentKind, PackSource } from '../engine/api';
import { CHECK_WORKER_MARK, type CheckRequest, type WorkerReply, type WorkerRequest } from './checkWorker';

interface PendingCheck {
  readonly resolve: (result: CheckResult) => void;
  readonly reject: (error: Error) => void;
  /** The length of the text, to weigh the worker's queue by. */
  readonly size: number;
}

interface PooledWorker {
  readonly worker: Worker;
  readonly pending: Map<number, PendingCheck>;
  readonly setups: Set<string>;
  alive: boolean;
  /** Characters of text queued at this worker. */
  load: number;
  /** Checks not sent yet: they go in one message once the current task ends. */
  outbox: CheckRequest[];
}

/** A pool of check workers running `script` (a module that calls runCheckWorker in a worker thread). */
export class CheckWorkerPool {
  private readonly workers: PooledWorker[] = [];
  private readonly packSets = new Map<string, readonly PackSource[]>();
  private nextId = 0;

  constructor(script: string, size: number) {
    for (let index = 0; index < size; index++) this.workers.push(this.start(script));
  }

  /** Sends a pack set to every worker, so each compiles its engine before the first check arrives. */
  prepare(key: string, packs: readonly PackSource[]): void {
    this.packSets.set(key, packs);
    for (const pooled of this.workers) this.sendSetup(pooled, key);
  }

  /** The fewest characters queued at any running worker (Infinity when none runs). */
  get lightestLoad(): number {
    return this.leastBusy()?.load ?? Infinity;
  }

  /** Checks `text` with the engine of pack set `key` (sent with `prepare`). */
  check(key: string, text: string, kind: DocumentKind, options: CheckOptions): Promise<CheckResult> {
    const pooled = this.leastBusy();
    if (!pooled) return Promise.reject(new Error('no check worker is running'));
    const id = this.nextId++;
    return new Promise<CheckResult>((resolve, reject) => {
      pooled.pending.set(id, { resolve, reject, size: text.length });
      pooled.load += text.length;
      this.sendSetup(pooled, key);
      if (pooled.outbox.length === 0) setImmediate(() => this.flush(pooled));
      pooled.outbox.push({ id, key, text, kind, options });
    });
  }

  /** Ends every worker; checks still pending are rejected. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((pooled) => pooled.worker.terminate()));
  }

  private start(script: string): PooledWorker {
    const worker = new Worker(script, { workerData: { mark: CHECK_WORKER_MARK } });
    const pooled: PooledWorker = { worker, pending: new Map(), setups: new Set(), alive: true, load: 0, outbox: [] };
    worker.on('message', (reply: WorkerReply) => {
      const pending = pooled.pending.get(reply.id);
      if (!pending) return;
      pooled.pending.delete(reply.id);
      pooled.load -= pending.size;
      if (reply.type === 'result') pending.resolve(reply.result);
      else pending.reject(new Error(reply.message));
    });
    const fail = (error: Error): void => {
      pooled.alive = false;
      for (const pending of pooled.pending.values()) pending.reject(error);
      pooled.pending.clear();
      pooled.load = 0;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a check worker stopped (exit code ${code})`)));
    return pooled;
  }

  private flush(pooled: PooledWorker): void {
    const checks = pooled.outbox;
    pooled.outbox = [];
    if (checks.length > 0 && pooled.alive) pooled.worker.postMessage({ type: 'check', checks } satisfies WorkerRequest);
  }

  private sendSetup(pooled: PooledWorker, key: string): void {
    if (pooled.setups.has(key)) return;
    const packs = this.packSets.get(key);
    if (!packs) return;
    pooled.setups.add(key);
    pooled.worker.postMessage({ type: 'setup', key, packs } satisfies WorkerRequest);
  }

  private leastBusy(): PooledWorker | undefined {
    let best: PooledWorker | undefined;
    for (const pooled of this.workers) if (pooled.alive && (!best || pooled.load < best.load)) best = pooled;
    return best;
  }
}
