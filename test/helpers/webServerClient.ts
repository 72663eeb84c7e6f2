/**
 * A client of the browser build of the server over a MessagePort, as the web
 * extension is: it serves `termguard/readWorkspaceFile` from an in-memory
 * map of files, answers settings requests with defaults, and records the
 * diagnostics and log lines it gets. Used by the in-process test
 * (test/lsp/web-server.test.ts) and the built worker's test (test/e2e).
 */
import type { MessagePort } from 'node:worker_threads';
import {
  createProtocolConnection,
  PortMessageReader,
  PortMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { READ_WORKSPACE_FILE_REQUEST, type ReadWorkspaceFileParams } from '../../server/src/protocol/protocol';

/** The workspace folder the client announces: a github.dev-like URI. */
export const WEB_FOLDER = 'vscode-vfs://github/acme/docs';

/** What a test does with the client. */
export interface WebTestClient {
  open(uri: string, text: string, languageId?: string): Promise<void>;
  /** The first diagnostics published for `uri` (fails after 20 s). */
  diagnosticsOf(uri: string): Promise<PublishDiagnosticsParams>;
  /** The server's log lines. */
  readonly logs: string[];
  /** Every URI the server asked to read. */
  readonly reads: string[];
  dispose(): void;
}

/** Connects to a server listening on the other end of `port` and completes the initialize handshake. */
export async function connectWebClient(port: MessagePort, files: Record<string, string>, trusted: boolean): Promise<WebTestClient> {
  const client: ProtocolConnection = createProtocolConnection(new PortMessageReader(port), new PortMessageWriter(port));
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters: (() => void)[] = [];
  const logs: string[] = [];
  const reads: string[] = [];
  client.onRequest(READ_WORKSPACE_FILE_REQUEST, ({ uri }: ReadWorkspaceFileParams) => {
    reads.push(uri);
    return uri in files ? { text: files[uri] } : null;
  });
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.set(params.uri, params);
    for (const wake of waiters.splice(0)) wake();
  });
  client.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: WEB_FOLDER,
    workspaceFolders: [{ uri: WEB_FOLDER, name: 'docs' }],
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { trusted },
  });
  await client.sendNotification('initialized', {});
  return {
    logs,
    reads,
    open: (uri, text, languageId = 'markdown') =>
      client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }),
    diagnosticsOf: (uri) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), 20_000);
        const look = () => {
          const found = published.get(uri);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(look);
        };
        look();
      }),
    dispose: () => client.dispose(),
  };
}
