/**
 * The worker-thread side of `termguard check`'s parallel mode: a worker
 * builds an engine for each pack set it is sent and checks the texts it is
 * given, answering each with the engine's result. It reads no files and
 * writes nothing; the main thread does all input and output, in order.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CheckResult, DocumentKind, Engine, PackSource, CheckOptions } from '../engine/api';
import { createEngine } from '../engine/index';

/** Marks the workerData of a check worker, so the executable knows to run as one. */
export const CHECK_WORKER_MARK = 'termguard-check-worker';

/** One text to check with the engine of pack set `key`. */
export interface CheckRequest {
  readonly id: number;
  readonly key: string;
  readonly text: string;
  readonly kind: DocumentKind;
  readonly options: CheckOptions;
}

/**
 * Main thread → worker. Checks travel in batches: on a busy machine each
 * message costs the sender far more than its size would suggest.
 */
export type WorkerRequest =
  | { readonly type: 'setup'; readonly key: string; readonly packs: readonly PackSource[] }
  | { readonly type: 'check'; readonly checks: readonly CheckRequest[] };

/** Worker → main thread. */
export type WorkerReply =
  | { readonly type: 'result'; readonly id: number; readonly result: CheckResult }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** True in a thread started as a check worker. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { mark?: unknown } | null)?.mark === CHECK_WORKER_MARK;
}

/** Serves check requests until the main thread ends the worker. */
export function runCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  const packSets = new Map<string, readonly PackSource[]>();
  const engines = new Map<string, Engine>();
  const check = (request: CheckRequest): void => {
    try {
      let engine = engines.get(request.key);
      if (!engine) {
        const packs = packSets.get(request.key);
        if (!packs) throw new Error(`no pack set ${request.key} was sent`);
        engine = createEngine(packs);
        engines.set(request.key, engine);
      }
      const result = engine.check(request.text, request.kind, request.options);
      port.postMessage({ type: 'result', id: request.id, result } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({
        type: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      } satisfies WorkerReply);
    }
  };
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'check') {
      for (const item of request.checks) check(item);
      return;
    }
    packSets.set(request.key, request.packs);
    // Compile now, while the main thread is still reading files.
    engines.set(request.key, createEngine(request.packs));
  });
}
