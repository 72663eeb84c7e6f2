/**
 * Time to the first diagnostics of a session: a fresh language server
 * process (the real bundle, as bench/lspLatency.ts runs it) on a workspace
 * whose `.termguard.yaml` names a two-rule team pack, with the first
 * Markdown file opened right after `initialized`, as VS Code does when
 * opening that file is what starts the extension. Timed from `didOpen` to
 * the pulled diagnostics.
 *
 * The team pack's words and its fix's verb ("use") are in the built-in
 * morphology table, so no start loads compromise; a pack with rarer words
 * would load it on the first start and save their forms in the cache
 * folder (`initializationOptions.cacheDirectory`, the extension's global
 * storage) for later starts. Measured: the first start (empty cache), later
 * starts (cache filled by the first), and the built-in pack alone for
 * comparison; besides the time, the CPU time the server spent in that
 * window (from /proc, so on Linux only), which a busy machine inflates less.
 *
 * Run directly: `node --import tsx bench/firstCheck.ts [runs]`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { SERVER_EXEC_ARGV } from '../server/src/protocol/protocol';
import { serverCommand } from './lspLatency';

const TEAM_PACK = `pack: team
rules:
  - id: team/no-utilize
    category: plain-language
    severity: warning
    message: "Say use, not {match}."
    reason: Plain words read faster.
    patterns: [utilize]
    fixes: [{ replace: use }]
    examples: { bad: ["We utilize it."], good: ["We use it."] }
  - id: team/no-leverage
    category: plain-language
    severity: warning
    message: "Say use, not {match}."
    reason: Plain words read faster.
    patterns: [leverage]
    examples: { bad: ["We leverage it."], good: ["We use it."] }
`;

const DOCUMENT = '# Notes\n\nWe utilize the planner and leverage the queue.\n';

/** CPU time (user + system) a process has used, in ms, or NaN where /proc is not available. */
function cpuTimeMs(pid: number | undefined): number {
  try {
    // Fields after the command name: state is the 3rd field, utime the 14th and stime the 15th, in clock ticks (100 a second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** One session's time from opening the first Markdown file to its diagnostics, ms, the server's CPU time in it, and how many findings came. */
async function firstCheck(workspace: string, cacheDirectory: string): Promise<{ ms: number; cpuMs: number; findings: number }> {
  const command = await serverCommand();
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...command.args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounceMs: 0 })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('termguard/brokenFile', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.listen();
  try {
    const folder = pathToFileURL(workspace).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true } },
        textDocument: { diagnostic: { dynamicRegistration: false } },
      },
      initializationOptions: { trusted: true, brokenFileNotices: true, cacheDirectory },
    });
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(workspace, 'notes.md')).href;
    const cpuBefore = cpuTimeMs(child.pid);
    const started = performance.now();
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: DOCUMENT },
    });
    const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items?: unknown[] };
    const ms = performance.now() - started;
    return { ms, cpuMs: cpuTimeMs(child.pid) - cpuBefore, findings: report.items?.length ?? 0 };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    connection.dispose();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The result of {@link measureFirstCheck}: medians in ms. */
export interface FirstCheckTimes {
  /** A first start: nothing cached (compromise loads). */
  readonly cold: number;
  /** Later starts, with the cache the first one wrote. */
  readonly warm: number;
  /** The built-in pack alone (no `.termguard.yaml`). */
  readonly builtinOnly: number;
  /** The server's CPU time in the window of a first start (NaN off Linux). */
  readonly coldCpu: number;
}

/** Measures `runs` sessions of each kind (each cold one with a fresh cache folder). */
export async function measureFirstCheck(runs = 3): Promise<FirstCheckTimes> {
  const root = mkdtempSync(join(tmpdir(), 'termguard-first-check-'));
  try {
    const team = join(root, 'team');
    const plain = join(root, 'plain');
    for (const dir of [team, plain]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'notes.md'), DOCUMENT);
    }
    writeFileSync(join(team, '.termguard.yaml'), 'root: true\npacks: [team.termguard.yaml]\n');
    writeFileSync(join(team, 'team.termguard.yaml'), TEAM_PACK);
    writeFileSync(join(plain, '.termguard.yaml'), 'root: true\n');
    const cold: number[] = [];
    const coldCpu: number[] = [];
    const warm: number[] = [];
    const builtinOnly: number[] = [];
    for (let run = 0; run < runs; run++) {
      const cache = join(root, `cache-${run}`);
      const first = await firstCheck(team, cache);
      if (first.findings !== 2) throw new Error(`expected the team pack's 2 findings, got ${first.findings}`);
      cold.push(first.ms);
      coldCpu.push(first.cpuMs);
      warm.push((await firstCheck(team, cache)).ms);
      builtinOnly.push((await firstCheck(plain, join(root, `plain-cache-${run}`))).ms);
    }
    return { cold: median(cold), warm: median(warm), builtinOnly: median(builtinOnly), coldCpu: median(coldCpu) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('firstCheck.ts') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  measureFirstCheck(Number(process.argv[2] ?? 3)).then(
    (times) =>
      console.log(
        `open first Markdown file → first diagnostics: team pack, first start ${times.cold.toFixed(0)} ms (server CPU ${times.coldCpu.toFixed(0)} ms); later starts ${times.warm.toFixed(0)} ms; built-in pack only ${times.builtinOnly.toFixed(0)} ms`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
