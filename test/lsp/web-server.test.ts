/**
 * The browser build of the server (server/src/lsp/web/webServer.ts) over a
 * MessageChannel (the kind of transport a web worker gives it; the worker
 * entry itself is tested from dist/ in test/e2e/web-worker.test.ts): it checks open documents with the built-in packs, reads
 * `.termguard.yaml` and the workspace packs it names through the client's
 * `termguard/readWorkspaceFile` answers (as the web extension does with
 * `vscode.workspace.fs`), and reads none in Restricted Mode.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, it } from 'node:test';
import { createConnection, PortMessageReader, PortMessageWriter } from 'vscode-languageserver/node';
import { startWebServer, WEB_LIMITATIONS_MESSAGE } from '../../server/src/lsp/web/webServer';
import { essentials, expected } from '../helpers/expectedDiagnostics';
import { connectWebClient, WEB_FOLDER as FOLDER, type WebTestClient } from '../helpers/webServerClient';

const root = path.join(__dirname, '../..');
const TEAM_PACK = fs.readFileSync(path.join(root, 'test/vscode/workspace/packs/team.termguard.yaml'), 'utf8');
const NOTE = 'Our agents utilize the planner.\n\nThe SRE calls on ChatGPT.\n';

/** The built-in packs as build.mjs bundles them. */
function builtinPacks(): { file: string; text: string }[] {
  return fs
    .readdirSync(path.join(root, 'packs'))
    .filter((name) => name.endsWith('.termguard.yaml'))
    .sort()
    .map((name) => ({ file: `builtin:${name}`, text: fs.readFileSync(path.join(root, 'packs', name), 'utf8') }));
}

/** A web server on one end of a MessageChannel and the test client on the other. */
async function startPair(files: Record<string, string>, trusted: boolean): Promise<WebTestClient> {
  const channel = new MessageChannel();
  const server = createConnection(new PortMessageReader(channel.port1), new PortMessageWriter(channel.port1));
  startWebServer(server, { builtinPacks: builtinPacks() });
  server.listen();
  const client = await connectWebClient(channel.port2, files, trusted);
  return {
    ...client,
    dispose: () => {
      client.dispose();
      server.dispose();
      channel.port1.close();
    },
  };
}

describe('the browser build of the server', () => {
  it('checks an open Markdown document with the built-in packs and says what the browser leaves out', async () => {
    const pair = await startPair({}, true);
    try {
      const uri = `${FOLDER}/README.md`;
      const text = '# Launch\n\nThe SRE enables access to ChatGPT.\n\n```\nThe SRE calls on ChatGPT.\n```\n';
      await pair.open(uri, text);
      const published = await pair.diagnosticsOf(uri);
      assert.deepEqual(published.diagnostics.map(essentials), expected(text, 'markdown'));
      assert.ok(published.diagnostics.length > 0);
      assert.ok(pair.logs.includes(WEB_LIMITATIONS_MESSAGE));
    } finally {
      pair.dispose();
    }
  });

  it('reads .termguard.yaml and the workspace pack it names through the client', async () => {
    const files = {
      [`${FOLDER}/.termguard.yaml`]: 'packs:\n  - packs/team.termguard.yaml\nrules:\n  memo/calls-on: off\n',
      [`${FOLDER}/packs/team.termguard.yaml`]: TEAM_PACK,
    };
    const pair = await startPair(files, true);
    try {
      const uri = `${FOLDER}/notes/team-notes.md`;
      await pair.open(uri, NOTE);
      const codes = (await pair.diagnosticsOf(uri)).diagnostics.map((diagnostic) => diagnostic.code);
      assert.deepEqual(codes, ['team/no-utilize'], 'the team pack runs and the config turns memo/calls-on off');
      assert.ok(pair.reads.includes(`${FOLDER}/notes/.termguard.yaml`), 'the document folder is looked at first');
    } finally {
      pair.dispose();
    }
  });

  it('in Restricted Mode reads no workspace file and checks with the built-in packs only', async () => {
    const files = {
      [`${FOLDER}/.termguard.yaml`]: 'packs:\n  - packs/team.termguard.yaml\n',
      [`${FOLDER}/packs/team.termguard.yaml`]: TEAM_PACK,
    };
    const pair = await startPair(files, false);
    try {
      const uri = `${FOLDER}/team-notes.md`;
      await pair.open(uri, NOTE);
      const codes = (await pair.diagnosticsOf(uri)).diagnostics.map((diagnostic) => diagnostic.code);
      assert.deepEqual(codes, ['memo/calls-on']);
      assert.deepEqual(pair.reads, []);
    } finally {
      pair.dispose();
    }
  });
});
