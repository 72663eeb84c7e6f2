/**
 * Keystroke-to-diagnostics latency of the language server, measured like an
 * editor sees it: the server runs as its own process over stdio, a client
 * opens a generated Markdown document (bench/corpus.ts: about one finding per
 * 2 KB), then sends single-character incremental edits 20 ms apart and times
 * each edit until the diagnostics for that version have been received and
 * parsed. Two ways, as clients differ:
 *
 * - pull (LSP 3.17, what VS Code does): after each edit the client requests
 *   `textDocument/diagnostic` with the result id it holds; the time is until
 *   that response arrives.
 * - push: the time is until `publishDiagnostics` for that version (or a later
 *   one: a version overtaken by the next keystroke is never published, and
 *   the user sees the newer one) arrives.
 *
 * Runs `dist/server.js --stdio` when the bundle is newer than the server and
 * engine sources, else an up-to-date temporary bundle of the same entry.
 *
 * Run directly: `node --import tsx bench/lspLatency.ts [edits]` (default 200
 * edits); with `LSP_BENCH_CPU_PROF=<dir>` the server writes a V8 CPU profile
 * there (`--cpu-prof`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { SERVER_EXEC_ARGV } from '../server/src/protocol/protocol';
import { markdownCorpus, wrapMarkdown } from './corpus';
import { projectRoot } from './projectRoot';

const ROOT = projectRoot();
const EDIT_INTERVAL_MS = 20;
const WARMUP_EDITS = 10;
const TYPED = 'the quick brown fox jumps over the lazy dog ';

/** The result of one measurement. */
export interface LspLatency {
  /** Median keystroke → diagnostics latency, ms. */
  readonly p50: number;
  /** 95th percentile, ms. */
  readonly p95: number;
  /** Resident set size of the server process after the edits, MB (VmRSS). */
  readonly rssMB: number;
  /** How many times diagnostics were published during the measured edits (each is one check). */
  readonly publications: number;
}

/** Knobs for experiments; the defaults are the stated measurement. */
export interface LspLatencyOptions {
  /** `termguard.debounceMs` (default 0). */
  readonly debounceMs?: number;
  /** Time between two edits, ms (default 20). */
  readonly intervalMs?: number;
  /** Write a V8 CPU profile of the server here. */
  readonly cpuProfDir?: string;
  /** Pull diagnostics like VS Code (default) or take published ones, like clients without pull support. */
  readonly mode?: 'pull' | 'push';
  /** A document of another kind instead of the generated Markdown (kindBench.ts); `termguard.languages` then lists its language. */
  readonly document?: LatencyDocument;
}

/** A document to type into, and where. */
export interface LatencyDocument {
  readonly text: string;
  readonly languageId: string;
  /** A file name relative to the repository root (the file need not exist); it selects the kind where the language id does not. */
  readonly fileName: string;
  /** Where the edits are typed: a place in prose. */
  readonly position: { readonly line: number; readonly character: number };
}

/** Markdown of exactly `lines` lines from the shared benchmark corpus, prose wrapped at 80 columns. */
export function markdownLines(lines: number): string {
  let bytes = lines * 60;
  for (;;) {
    const text = wrapMarkdown(markdownCorpus(bytes));
    const all = text.split('\n');
    if (all.length >= lines) return all.slice(0, lines).join('\n');
    bytes *= 2;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Points `link` at the built-in packs, replacing a link left pointing elsewhere (or at nothing) by an earlier run. */
function linkPacks(link: string): void {
  const target = join(ROOT, 'packs');
  let current: string | undefined;
  try {
    current = readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current === target) return;
  if (current !== undefined) rmSync(link, { force: true });
  symlinkSync(target, link, 'dir');
}

/**
 * The command that starts the server over stdio: `dist/server.js` when it is
 * newer than the sources, else a fresh bundle of `server/src/lsp/main.ts`
 * built the same way (esbuild, CommonJS) into a temporary folder, next to a
 * link to the built-in packs. Running the sources through tsx instead would
 * add the loader's thread and memory to what is measured.
 */
export async function serverCommand(): Promise<{ args: string[]; description: string }> {
  const bundle = join(ROOT, 'dist', 'server.js');
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestMtime(join(ROOT, 'server', 'src'))) {
    return { args: [bundle, '--stdio'], description: 'dist/server.js' };
  }
  // One folder per checkout, so two checkouts never share a bundle or its packs link.
  const folder = join(tmpdir(), `termguard-lsp-bench-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
  const outfile = join(folder, 'dist', 'server.js');
  mkdirSync(dirname(outfile), { recursive: true });
  linkPacks(join(folder, 'packs'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(ROOT, 'server', 'src', 'lsp', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return {
    args: [outfile, '--stdio'],
    description: 'server/src/lsp/main.ts bundled with esbuild (dist/server.js is older than the sources)',
  };
}

function residentMB(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Rejects after `ms` with a message naming what was awaited. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/**
 * Measures edit → diagnostics latency on a generated Markdown document of
 * `lines` lines, over `edits` single-character edits sent 20 ms apart (after
 * a few unmeasured warm-up edits), with `termguard.debounceMs` 0.
 */
export async function measureLspLatency(lines: number, edits: number, options: LspLatencyOptions = {}): Promise<LspLatency> {
  const interval = options.intervalMs ?? EDIT_INTERVAL_MS;
  const text = options.document?.text ?? markdownLines(lines);
  const command = await serverCommand();
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVER_EXEC_ARGV, ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []), ...command.args],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const settings = {
    debounceMs: options.debounceMs ?? 0,
    maxFileSizeKB: 1024 * 1024,
    ...(options.document ? { languages: [options.document.languageId] } : {}),
  };
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  const pull = (options.mode ?? 'pull') === 'pull';

  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let measuring = false;
  let publications = 0;
  let lastVersion = 0;
  const waiters: { version: number; resolve: () => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const version = params.version ?? 0;
    const now = performance.now();
    lastVersion = Math.max(lastVersion, version);
    if (measuring) publications++;
    for (const [sent, at] of sentAt) {
      if (sent > version) continue;
      if (measuring) latencies.push(now - at);
      sentAt.delete(sent);
    }
    for (const waiter of waiters.filter((candidate) => candidate.version <= version)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const published = (version: number): Promise<void> =>
    version <= lastVersion ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ version, resolve }));
  connection.listen();

  // Pull mode: one request per edit, answered in order; each answer covers every edit sent before its request.
  let resultId: string | undefined;
  const pulls: Promise<void>[] = [];
  const pullFor = (uri: string, version: number): void => {
    pulls.push(
      connection
        .sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(resultId ? { previousResultId: resultId } : {}) })
        .then((report) => {
          const now = performance.now();
          const full = report as { kind: string; resultId?: string; items?: unknown[] };
          if (full.kind === 'full') resultId = full.resultId;
          const at = sentAt.get(version);
          if (at !== undefined) {
            if (measuring) latencies.push(now - at);
            sentAt.delete(version);
          }
        }),
    );
  };

  try {
    const uri = pathToFileURL(join(ROOT, options.document?.fileName ?? 'bench-lsp-latency.md')).href;
    await within(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: pull
          ? {
              workspace: { configuration: true, diagnostics: { refreshSupport: true } },
              textDocument: { diagnostic: { dynamicRegistration: false } },
            }
          : // A client that shows documentation links and keeps data: the full diagnostics, the most to publish.
            {
              workspace: { configuration: true },
              textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
            },
      }),
      30_000,
      'initialize',
    );
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: options.document?.languageId ?? 'markdown', version: 1, text },
    });
    if (pull) {
      pullFor(uri, 1);
      await within(pulls[0]!, 120_000, 'the first diagnostics');
    } else {
      await within(published(1), 120_000, 'the first diagnostics');
    }

    // Type in the middle of the document, at the start of a prose line (or where the document says).
    const documentLines = text.split('\n');
    let line = Math.floor(documentLines.length / 2);
    while (line < documentLines.length - 1 && !/^[A-Za-z]/.test(documentLines[line]!)) line++;
    let character = 0;
    if (options.document) ({ line, character } = options.document.position);
    let version = 1;
    const started = performance.now();
    for (let i = 0; i < WARMUP_EDITS + edits; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      measuring = i >= WARMUP_EDITS;
      version++;
      const position = { line, character };
      sentAt.set(version, performance.now());
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: TYPED[i % TYPED.length]! }],
      });
      if (pull) pullFor(uri, version);
      character++;
    }
    if (pull) await within(Promise.all(pulls), 60_000, `diagnostics for the last version (${version})`);
    else await within(published(version), 60_000, `diagnostics for the last version (${version})`);
    const rssMB = residentMB(child.pid);
    const sorted = [...latencies].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), rssMB, publications };
  } finally {
    try {
      await within(connection.sendRequest('shutdown'), 5_000, 'shutdown');
      await connection.sendNotification('exit');
    } catch {
      // the kill below ends it
    }
    await within(
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      }),
      5_000,
      'the server to exit',
    ).catch(() => child.kill());
    connection.dispose();
  }
}

async function main(): Promise<void> {
  const edits = Number(process.argv[2] ?? 200);
  console.log(`server: ${(await serverCommand()).description}; ${edits} edits ${EDIT_INTERVAL_MS} ms apart, debounce 0\n`);
  console.log('| diagnostics | lines | chars | p50 ms | p95 ms | server RSS MB | target |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const mode of ['pull', 'push'] as const) {
    for (const [lines, target] of [
      [10_000, 'p95 ≤ 15 ms'],
      [100_000, 'p95 ≤ 60 ms, RSS ≤ 150 MB'],
    ] as const) {
      const result = await measureLspLatency(lines, edits, {
        mode,
        ...(process.env.LSP_BENCH_CPU_PROF ? { cpuProfDir: process.env.LSP_BENCH_CPU_PROF } : {}),
      });
      console.log(
        `| ${mode} | ${lines.toLocaleString('en')} | ${markdownLines(lines).length.toLocaleString('en')} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.rssMB} | ${target} |`,
      );
    }
  }
}

if (process.argv[1]?.endsWith('lspLatency.ts') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
