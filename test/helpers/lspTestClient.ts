/**
 * A real LSP client joined to the Termguard language server over in-memory
 * streams: the server runs in this process (`startServer({ reader, writer })`),
 * every message goes through JSON-RPC framing exactly as with an editor.
 *
 * The client answers `workspace/configuration` from settings the test can
 * change, accepts capability registrations, and records
 * `publishDiagnostics` and `showMessage`. Tests wait for events through
 * promises that fail loudly after a timeout; nothing sleeps.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type RunningServer } from '../../server/src/lsp/server';

/** Fails a test loudly instead of letting it hang. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** Settings by scope: `settings(scopeUri)` returns the `termguard` section for that resource. */
export type SettingsProvider = (scopeUri: string | undefined) => Record<string, unknown>;

export interface TestClientOptions {
  /** The `termguard` section for every resource, or a function of the scope. */
  readonly settings?: Record<string, unknown> | SettingsProvider;
  /** Workspace folders (absolute paths). */
  readonly folders?: readonly string[];
  /** `initializationOptions.trusted`; undefined sends no initialization options. */
  readonly trusted?: boolean;
  /** Announce LSP 3.17 pull diagnostics (with refresh support), as VS Code does. */
  readonly pullDiagnostics?: boolean;
  /** Announce that `codeDescription` links are shown (default true). */
  readonly codeDescriptionSupport?: boolean;
  /** Ask for `termguard/brokenFile` notifications instead of plain warnings, as the VS Code extension does. */
  readonly brokenFileNotices?: boolean;
  /** `initializationOptions.cacheDirectory`: where the server keeps caches across starts. */
  readonly cacheDirectory?: string;
  /** Answer `client/registerCapability` with an error, as Emacs eglot 1.9 does for file watchers. */
  readonly refuseRegistrations?: boolean;
}

/** The URI of an absolute path. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** A resolvable promise with a deadline. */
function deadline<T>(what: string, timeoutMs: number, start: (resolve: (value: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let stop: () => void = () => undefined;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    stop = start((value) => {
      clearTimeout(timer);
      stop();
      resolve(value);
    });
  });
}

/** A client connected to a fresh server. */
export class TestClient {
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every window/showMessage received, in order. */
  readonly shownMessages: ShowMessageParams[] = [];
  /** Every window/logMessage received, in order. */
  readonly logMessages: LogMessageParams[] = [];
  /** Every `termguard/brokenFile` notification received, in order. */
  readonly brokenFileNotices: { message: string; uri: string; kind: string }[] = [];
  /** How many `workspace/diagnostic/refresh` requests the server sent. */
  refreshRequests = 0;
  /** Every workspace/configuration item asked for. */
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  private readonly listeners = new Set<() => void>();
  private settingsProvider: SettingsProvider;
  private readonly texts = new Map<string, TextDocument>();

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly server: RunningServer,
    settings: Record<string, unknown> | SettingsProvider | undefined,
  ) {
    this.settingsProvider = typeof settings === 'function' ? settings : () => settings ?? {};
  }

  /** Starts a server and a client, and completes the initialize handshake. */
  static async start(options: TestClientOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = startServer({ reader: new StreamMessageReader(toServer), writer: new StreamMessageWriter(toClient) });
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const client = new TestClient(connection, server, options.settings);
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => {
        client.configurationRequests.push(item);
        return item.section === 'termguard' ? client.settingsProvider(item.scopeUri) : null;
      }),
    );
    connection.onRequest('client/registerCapability', () =>
      options.refuseRegistrations ? new ResponseError(ErrorCodes.InternalError, 'Internal error') : null,
    );
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      client.notify();
      return null;
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      client.notify();
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      client.shownMessages.push(params);
      client.notify();
    });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      client.logMessages.push(params);
    });
    connection.onNotification('termguard/brokenFile', (params: { message: string; uri: string; kind: string }) => {
      client.brokenFileNotices.push(params);
      client.notify();
    });
    connection.listen();
    const folders = (options.folders ?? []).map((path) => ({ uri: fileUri(path), name: path }));
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: options.codeDescriptionSupport ?? true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            dataSupport: true,
          },
        },
      },
      ...(options.trusted !== undefined || options.brokenFileNotices || options.cacheDirectory !== undefined
        ? {
            initializationOptions: {
              ...(options.trusted !== undefined ? { trusted: options.trusted } : {}),
              ...(options.brokenFileNotices ? { brokenFileNotices: true } : {}),
              ...(options.cacheDirectory !== undefined ? { cacheDirectory: options.cacheDirectory } : {}),
            },
          }
        : {}),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves with the first value `probe` returns that is not undefined, checking now and after each notification. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return deadline<T>(what, timeoutMs, (resolve) => {
      const check = (): void => {
        const value = probe();
        if (value !== undefined) resolve(value);
      };
      this.listeners.add(check);
      queueMicrotask(check);
      return () => this.listeners.delete(check);
    });
  }

  /** The last diagnostics published for `uri`. */
  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i]!.uri === uri) return this.published[i];
    return undefined;
  }

  /** Waits until diagnostics for `version` (or, without a version, any diagnostics) of `uri` have been published. */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const seen = this.published.length;
    return this.waitFor(
      `diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`} (last published: ${JSON.stringify(this.lastDiagnostics(uri)?.version)})`,
      () => {
        if (version === undefined) {
          for (let i = seen; i < this.published.length; i++) if (this.published[i]!.uri === uri) return this.published[i];
          return undefined;
        }
        const last = this.lastDiagnostics(uri);
        return last && last.version === version ? last : undefined;
      },
      timeoutMs,
    );
  }

  /** Waits for the next publication for `uri` that satisfies `predicate`. */
  waitForPublication(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean,
    what: string,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      `${what} (last published for ${uri}: ${JSON.stringify(this.lastDiagnostics(uri)?.diagnostics.map((d) => d.code))})`,
      () => {
        const last = this.lastDiagnostics(uri);
        return last && predicate(last) ? last : undefined;
      },
      timeoutMs,
    );
  }

  /** Waits for a window/showMessage whose text matches. */
  waitForMessage(pattern: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ShowMessageParams> {
    return this.waitFor(
      `a message matching ${pattern}`,
      () => this.shownMessages.find((message) => pattern.test(message.message)),
      timeoutMs,
    );
  }

  /** Changes the settings and tells the server (it pulls them again). */
  async changeSettings(settings: Record<string, unknown> | SettingsProvider): Promise<void> {
    this.settingsProvider = typeof settings === 'function' ? settings : () => settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** The client's copy of an open document's text. */
  text(uri: string): string {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document.getText();
  }

  /** The client's copy of an open document's version. */
  version(uri: string): number {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document.version;
  }

  /** The position of an offset in the client's copy of an open document. */
  positionAt(uri: string, offset: number): { line: number; character: number } {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document.positionAt(offset);
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /**
   * Sends content changes; the client's copy follows them. Returns the new
   * version: the next one, or `requestedVersion` when given (to play a client that misbehaves).
   */
  async change(uri: string, changes: TextDocumentContentChangeEvent[], requestedVersion?: number): Promise<number> {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    const version = requestedVersion ?? document.version + 1;
    this.texts.set(uri, TextDocument.update(document, changes, version));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces `[start, end)` offsets of the client's text with `text`, as an incremental change. */
  async replace(uri: string, start: number, end: number, text: string): Promise<number> {
    const document = this.texts.get(uri)!;
    return this.change(uri, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text }]);
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async notifyWatchedFiles(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  hover(uri: string, offset: number): Promise<Hover | null> {
    const position = this.texts.get(uri)!.positionAt(offset);
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  /** Requests code actions for `range`, sending `diagnostics` as context (default: the last published ones that touch the range). */
  codeActions(
    uri: string,
    range: Range,
    options: { diagnostics?: Diagnostic[]; only?: string[]; cancelled?: boolean } = {},
  ): Promise<CodeAction[] | null> {
    const diagnostics =
      options.diagnostics ??
      (this.lastDiagnostics(uri)?.diagnostics ?? []).filter(
        (diagnostic) => !(isBefore(diagnostic.range.end, range.start) || isBefore(range.end, diagnostic.range.start)),
      );
    const source = new CancellationTokenSource();
    const request = this.connection.sendRequest(
      'textDocument/codeAction',
      { textDocument: { uri }, range, context: { diagnostics, ...(options.only ? { only: options.only } : {}) } },
      source.token,
    ) as Promise<CodeAction[] | null>;
    if (options.cancelled) source.cancel();
    return request;
  }

  executeCommand<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<T>;
  }

  /** Pulls the diagnostics of `uri` (`textDocument/diagnostic`), naming the result id the client holds. */
  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      ...(previousResultId ? { previousResultId } : {}),
    });
  }

  /** Ends both connections. */
  dispose(): void {
    this.connection.dispose();
    this.server.dispose();
  }
}

function isBefore(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The text of `uri` after applying a workspace edit's edits for it (an independent implementation: vscode-languageserver-textdocument). */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = [];
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  edits.push(...(edit?.changes?.[uri] ?? []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

/** A temporary folder with files; `path(rel)` joins, `write(rel, text)` creates parents. */
export class TempWorkspace {
  readonly root: string;

  constructor(prefix = 'termguard-lsp-') {
    this.root = mkdtempSync(join(tmpdir(), prefix));
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  uri(relative: string): string {
    return fileUri(this.path(relative));
  }

  write(relative: string, text: string): string {
    const path = this.path(relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A small valid team pack, as README's reference describes, shared by the pack-authoring tests. */
export const HOUSE_PACK = `pack: house
sets:
  vendor: [Acme, "Acme Corp"]
  weak-verb: [utilize, leverage]
rules:
  - id: house/weak-verbs
    category: style
    severity: warning
    message: "Prefer a plain verb to {match}."
    reason: Plain verbs are easier to read.
    patterns:
      - "{@weak-verb}"
    fixes:
      - replace: use
    examples:
      bad: ["We utilized the cache."]
      good: ["We used the cache."]
`;

/** The server and workspace a suite's tests share. */
export interface SuiteServer {
  readonly client: TestClient;
  readonly workspace: TempWorkspace;
}

/**
 * Registers hooks on the enclosing suite: before its tests, a fresh temporary
 * workspace (filled by `prepare`) and a server on it with debounce 0 (and
 * `options`), handed to `onStart`; after them, both are disposed.
 */
export function serverForSuite(
  onStart: (server: SuiteServer) => unknown,
  prepare?: (workspace: TempWorkspace) => void,
  options: Pick<TestClientOptions, 'pullDiagnostics' | 'codeDescriptionSupport'> = {},
): void {
  let server: SuiteServer | undefined;
  before(async () => {
    const workspace = new TempWorkspace();
    prepare?.(workspace);
    server = { workspace, client: await TestClient.start({ folders: [workspace.root], settings: { debounceMs: 0 }, ...options }) };
    await onStart(server);
  });
  after(() => {
    server?.client.dispose();
    server?.workspace.remove();
  });
}
