/**
 * The server process ends when its client goes away, even with a queue of
 * expensive requests: when its input stream ends, and when the process
 * named by `initialize`'s `processId` dies, and when its IPC channel
 * disconnects. The server runs from source (tsx) as its own process, as an
 * editor starts it.
 */
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver/node';

const ROOT = join(__dirname, '../..');

/** How long the server may take to notice and exit: generous, only so that a failure does not hang the suite. */
const EXIT_GUARD_MS = 20_000;

/** A document with thousands of fixable findings: a fix-all request on it takes a noticeable share of a second. */
const BUSY_TEXT = 'The SRE enables access to ChatGPT. Agents call on GPT-5.\n\n'.repeat(4000);

/** Enough fix-all requests to keep the server busy for far longer than {@link EXIT_GUARD_MS}. */
const QUEUED_REQUESTS = 300;

interface Started {
  readonly server: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stderr: () => string;
}

/**
 * Starts the server from source over stdio (or Node IPC, as the VS Code
 * extension does) and completes the handshake, naming `processId` as the
 * client's process.
 */
async function startServer(processId: number | null, transport: 'stdio' | 'ipc' = 'stdio'): Promise<Started> {
  const main = join(ROOT, 'server/src/lsp/main.ts');
  const server =
    transport === 'stdio'
      ? spawn(process.execPath, ['--import', 'tsx', main, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
      : fork(main, ['--node-ipc'], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    server.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let connection: ProtocolConnection;
  if (transport === 'stdio') {
    const reader = new StreamMessageReader(server.stdout!);
    // A server that exits in the middle of a large answer leaves half a message, and the reader would re-arm a timer for it forever.
    reader.partialMessageTimeout = 0;
    connection = createProtocolConnection(reader, new StreamMessageWriter(server.stdin!));
  } else {
    connection = createProtocolConnection(new IPCMessageReader(server), new IPCMessageWriter(server));
  }
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  // Writes to a server that is gone fail; the test looks at the exit instead.
  connection.onError(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', { processId, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  return { server, connection, exited, stderr: () => stderr };
}

/**
 * Opens the busy document and queues the fix-all requests without waiting
 * for answers: at once (as an editor does when it opens a file and saves
 * it), or `afterFirstCheck`.
 */
async function queueExpensiveWork(connection: ProtocolConnection, afterFirstCheck: boolean): Promise<void> {
  const uri = 'file:///busy.md';
  const checked = new Promise<void>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
      if (params.uri === uri) resolve();
    }),
  );
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: BUSY_TEXT } });
  if (afterFirstCheck) await checked;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (let i = 0; i < QUEUED_REQUESTS; i++) {
    connection
      .sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [], only: ['source.fixAll.termguard'] },
      })
      .catch(() => undefined);
  }
}

/** Waits for the server to exit; past the guard, kills it and fails. */
async function assertExits(started: Started, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'alive'>((resolve) => (timer = setTimeout(() => resolve('alive'), EXIT_GUARD_MS)));
  const outcome = await Promise.race([started.exited, guard]);
  clearTimeout(timer);
  started.connection.dispose();
  if (outcome === 'alive') {
    started.server.kill('SIGKILL');
    assert.fail(`the server was still running ${EXIT_GUARD_MS / 1000} s after ${what}; its stderr: ${started.stderr()}`);
  }
}

/** A stand-in for the editor's process: it does nothing until it is killed. */
function startParentStub(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], { stdio: 'ignore' });
}

describe('lsp server process lifetime', () => {
  it('exits when its input stream ends, with expensive requests queued', { timeout: 120_000 }, async () => {
    // The parent stays alive: only the stream tells the server its client is gone.
    const parent = startParentStub();
    try {
      const started = await startServer(parent.pid!);
      await queueExpensiveWork(started.connection, true);
      started.server.stdin!.end();
      await assertExits(started, 'its input ended');
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('exits when the client process named in initialize dies, with expensive requests queued', { timeout: 120_000 }, async () => {
    const parent = startParentStub();
    const started = await startServer(parent.pid!);
    try {
      await queueExpensiveWork(started.connection, false);
      parent.kill('SIGKILL');
      await assertExits(started, 'the client process died');
    } finally {
      parent.kill('SIGKILL');
      started.server.stdin!.end();
    }
  });

  it('exits when its IPC channel disconnects, with expensive requests queued', { timeout: 120_000 }, async () => {
    const parent = startParentStub();
    try {
      const started = await startServer(parent.pid!, 'ipc');
      await queueExpensiveWork(started.connection, false);
      started.server.disconnect();
      await assertExits(started, 'its IPC channel was disconnected');
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
