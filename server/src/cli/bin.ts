#!/usr/bin/env node
/**
 * The executable: runs `main` with the real process and sets the exit code
 * (without `process.exit`, so piped output is flushed). Started as a worker
 * thread by `check` (see checkWorkerPool.ts), the same file serves checks
 * instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { installedVersion } from '../project/builtinPacks';
import { isCheckWorker, runCheckWorker } from './checkWorker';
import { main } from './main';
import { describeInternalError } from './messages';

/** Reads the stream to its end, or stops once more than `maxBytes` bytes came (an endless input must not fill memory). */
async function readAll(stream: NodeJS.ReadableStream, maxBytes = Infinity): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    length += bytes.length;
    if (length > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

/** The version and a hash of the running script, so a rebuilt Termguard never reuses another build's cached results. */
function buildId(): string {
  const script = process.argv[1];
  let hash = 'unknown';
  try {
    if (script !== undefined) hash = createHash('sha256').update(readFileSync(script)).digest('hex').slice(0, 16);
  } catch {
    // without the script's bytes, the version alone identifies the build
  }
  return `${installedVersion()}+${hash}`;
}

function runCommandLine(): void {
  // Exit quietly when the reader of our output goes away (e.g. `termguard check | head`).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`termguard: cannot write output: ${error.message}\n`);
    process.exit(2);
  });

  main(
    process.argv.slice(2),
    {
      stdout: process.stdout,
      stderr: process.stderr,
      readStdin: (maxBytes) => readAll(process.stdin, maxBytes),
      cwd: process.cwd(),
      env: process.env,
    },
    // This very file serves checks in worker threads (a CommonJS bundle knows its own path).
    { buildId, ...(typeof __filename === 'string' ? { workerScript: __filename } : {}) },
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`termguard: ${describeInternalError('internal error', error)}`);
      process.exitCode = 2;
    },
  );
}

if (isCheckWorker()) runCheckWorker();
else runCommandLine();
