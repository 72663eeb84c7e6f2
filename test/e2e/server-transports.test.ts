/**
 * The transports end to end, with the server as a real process: stdio
 * (`termguard server --stdio`, `main.ts --stdio`) and Node IPC (`main.ts`
 * forked, as the VS Code extension starts `dist/server.js`).
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
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { encodeMessage } from '../../server/src/lsp/wireEncoding';
import { fileUri } from '../helpers/lspTestClient';

const ROOT = join(__dirname, '..', '..');

function overStdio(args: string[]): { child: ChildProcess; connection: ProtocolConnection } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  return { child, connection: createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)) };
}

function overIpc(script: string): { child: ChildProcess; connection: ProtocolConnection } {
  const child = fork(script, ['--node-ipc'], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
  return { child, connection: createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)) };
}

async function roundTrip(started: {
  child: ChildProcess;
  connection: ProtocolConnection;
}): Promise<{ diagnostics: PublishDiagnosticsParams; exitCode: number | null }> {
  const { child, connection } = started;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const uri = fileUri(join(ROOT, 'stdio-smoke.md'));
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (params.uri === uri) resolve(params);
    }),
  );
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.listen();
  const timeout = setTimeout(() => child.kill(), 30_000);
  try {
    await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: 'The SRE enables access to ChatGPT.\n' },
    });
    const diagnostics = await published;
    await connection.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await connection.sendNotification('exit');
    const exitCode = await exited;
    return { diagnostics, exitCode };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; stderr: ${stderr}`, { cause: error });
  } finally {
    clearTimeout(timeout);
    connection.dispose();
  }
}

describe('lsp transports', () => {
  it('`termguard server --stdio` publishes diagnostics and exits cleanly after shutdown', async () => {
    const { diagnostics, exitCode } = await roundTrip(overStdio([join('server', 'src', 'cli', 'bin.ts'), 'server', '--stdio']));
    assert.deepEqual(
      diagnostics.diagnostics.map((diagnostic) => diagnostic.code),
      ['memo/enables-access'],
    );
    assert.equal(diagnostics.version, 1);
    assert.equal(exitCode, 0);
  });

  it('main.ts --stdio (the dist/server.js entry) does the same', async () => {
    const { diagnostics, exitCode } = await roundTrip(overStdio([join('server', 'src', 'lsp', 'main.ts'), '--stdio']));
    assert.deepEqual(
      diagnostics.diagnostics.map((diagnostic) => diagnostic.code),
      ['memo/enables-access'],
    );
    assert.equal(exitCode, 0);
  });

  it('main.ts over Node IPC (how the extension runs dist/server.js) does the same', async () => {
    const { diagnostics, exitCode } = await roundTrip(overIpc(join(ROOT, 'server', 'src', 'lsp', 'main.ts')));
    assert.deepEqual(
      diagnostics.diagnostics.map((diagnostic) => diagnostic.code),
      ['memo/enables-access'],
    );
    assert.equal(exitCode, 0);
  });
});

describe('the stdio wire encoding', () => {
  const diagnostic = {
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } },
    severity: 1,
    code: 'memo/calls-on',
    source: 'termguard',
    message: 'Say “powered by” — not "calls on".',
    data: {
      fixes: [
        'is powered by',
        { title: 'Rewrite', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, newText: 'We' }] },
      ],
    },
  };

  it('writes a publication and a full pulled report exactly as JSON.stringify does', () => {
    const messages = [
      {
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: { uri: 'file:///a.md', version: 3, diagnostics: [diagnostic, diagnostic] },
      },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', diagnostics: [] } },
      { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: '12', items: [diagnostic] } },
      { jsonrpc: '2.0', id: 'x', result: { kind: 'full', items: [] } },
      { jsonrpc: '2.0', id: 8, result: { kind: 'unchanged', resultId: '12' } },
    ];
    for (const message of messages) assert.equal(encodeMessage(message), JSON.stringify(message));
  });
});
