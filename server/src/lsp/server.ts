/**
 * The Termguard language server: creates the connection and wires the
 * features together. Each feature lives in its own module (documents,
 * configuration, engines, check scheduling, diagnostics, hover, code
 * actions, commands, and packAuthoring/ for rule packs and configs); this
 * file holds no feature logic.
 */
import { isAbsolute } from 'node:path';
import { format } from 'node:util';
import {
  CodeActionRequest,
  CompletionRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  HoverRequest,
  IPCMessageReader,
  IPCMessageWriter,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Message,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import type { Engine, PackSource } from '../engine/api';
import { createEngine } from '../engine/index';
import { builtinPackFiles } from '../project/builtinPacks';
import { BaselineStore } from './baselines';
import { BROKEN_FILE_NOTIFICATION, type BrokenFileNotice } from '../protocol/protocol';
import { CheckScheduler } from './checkScheduler';
import { ClientWatch } from './clientWatch';
import { CODE_ACTION_KINDS, codeActionsFor } from './codeActions';
import { CommandHandlers } from './commands';
import { SettingsSource, type TermguardSettings } from './configuration';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentStore } from './documents';
import { EngineRegistry } from './engines';
import { hoverAt } from './hover';
import { Logger } from './logger';
import { installationKey, MorphologyCache } from './morphologyCache';
import { PackAuthoring } from './packAuthoring/packAuthoring';
import { PACK_COMPLETION_TRIGGERS } from './packAuthoring/packCompletion';
import { cachingJsonEncoder } from './wireEncoding';
import { pathToUri, WorkspaceFolders } from './workspaceFolders';

/** How the server talks to its client: stdio, Node IPC (the VS Code extension) or given message streams (tests). */
export type Transport = 'stdio' | 'ipc' | { readonly reader: MessageReader; readonly writer: MessageWriter };

/** Replaceable collaborators, for tests and embedding. */
export interface ServerOptions {
  /** Absolute paths of the built-in packs; defaults to the installation's `packs/*.termguard.yaml`. */
  readonly builtinPackFiles?: () => readonly string[];
  /** Builds engines; defaults to the engine's `createEngine`. */
  readonly engineFactory?: (sources: readonly PackSource[]) => Engine;
}

/** A started server. */
export interface RunningServer {
  readonly connection: Connection;
  /** Closes the connection (tests; a real server ends with the `exit` notification). */
  dispose(): void;
}

/** How long watched-file events are collected before configs and packs are read again. */
const WATCHED_FILES_DELAY_MS = 50;

/** What the client sends in `initializationOptions`. */
interface InitializationOptions {
  /** False when the workspace is not trusted (VS Code restricted mode): only built-in packs load then. */
  readonly trusted?: boolean;
  /** True when the client shows {@link BROKEN_FILE_NOTIFICATION} (with a way to open the file) instead of plain warnings. */
  readonly brokenFileNotices?: boolean;
  /** An absolute folder the server may keep caches in across starts (the VS Code extension's global storage). */
  readonly cacheDirectory?: string;
}

/**
 * Requests that are cancelled before they are dispatched are answered with
 * `null` rather than an error, as vscode-eslint does, so the editor does not
 * log a failure for a hover or code action the user has already moved away
 * from.
 */
const cancelUndispatched = (message: Message): ResponseMessage | undefined => {
  const request = message as Partial<RequestMessage>;
  const method = request.method;
  if (
    (method === CodeActionRequest.method || method === HoverRequest.method || method === CompletionRequest.method) &&
    request.id !== undefined
  ) {
    return { jsonrpc: message.jsonrpc, id: request.id, result: null };
  }
  return undefined;
};

function connect(transport: Transport): Connection {
  const strategy = { cancelUndispatched };
  if (transport === 'ipc')
    return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process), strategy);
  if (transport === 'stdio') {
    const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: cachingJsonEncoder });
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), writer, strategy);
    // stdout carries the protocol: anything a dependency prints goes to the client's log instead.
    console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    return connection;
  }
  return createConnection(ProposedFeatures.all, transport.reader, transport.writer, strategy);
}

/**
 * Starts the language server on `transport` and returns at once; the
 * connection keeps the process alive. The CLI's `termguard server --stdio`
 * and the extension's `dist/server.js` (Node IPC) both call this.
 */
export function startServer(transport: Transport, options: ServerOptions = {}): RunningServer {
  const connection = connect(transport);
  const clientWatch = watchClient(transport, connection);
  const logger = new Logger(connection.console);
  const documents = new DocumentStore();
  const folders = new WorkspaceFolders();
  const publisher = new DiagnosticsPublisher(connection);
  // Plain `window/showMessage` notifications: nothing waits for the user to dismiss them.
  const showWarning = (message: string): void =>
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  const showInformation = (message: string): void =>
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  let features:
    | {
        settings: SettingsSource;
        engines: EngineRegistry;
        scheduler: CheckScheduler;
        commands: CommandHandlers;
        packs: PackAuthoring;
        documentChanges: boolean;
      }
    | undefined;
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let folderEvents = false;
  let trusted = true;
  let morphology: MorphologyCache | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    if (typeof params.processId === 'number') clientWatch?.watchProcess(params.processId);
    const capabilities = params.capabilities;
    const initializationOptions = params.initializationOptions as InitializationOptions | undefined;
    trusted = initializationOptions?.trusted !== false;
    const brokenFileNotices = initializationOptions?.brokenFileNotices === true;
    const cacheDirectory = initializationOptions?.cacheDirectory;
    morphology = new MorphologyCache(
      typeof cacheDirectory === 'string' && isAbsolute(cacheDirectory) ? cacheDirectory : undefined,
      installationKey(),
      logger,
    );
    morphology.load();
    const morphologyCache = morphology;
    const engineFactory = options.engineFactory ?? createEngine;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    dynamicWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = capabilities.workspace?.workspaceFolders === true;
    folders.set(params.workspaceFolders, params.rootUri);
    if (capabilities.textDocument?.diagnostic !== undefined)
      publisher.usePullModel(capabilities.workspace?.diagnostics?.refreshSupport === true);
    // Pulling clients (LSP 3.17) show documentation links; publishing ones say whether they do.
    publisher.codeDescriptions = publisher.pulls || capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true;

    const settings = new SettingsSource(connection, {
      pull: capabilities.workspace?.configuration === true,
      onProblems: (scope, problems) => logger.warn(`settings${scope ? ` for ${scope}` : ''}: ${problems.join('; ')}`),
    });
    const packs = new PackAuthoring({
      connection,
      documents,
      publisher,
      logger,
      builtinPackFiles: options.builtinPackFiles ?? builtinPackFiles,
      ...(options.engineFactory ? { engineFactory: options.engineFactory } : {}),
    });
    const engines = new EngineRegistry({
      builtinPackFiles: options.builtinPackFiles ?? builtinPackFiles,
      engineFactory: (sources) => {
        const engine = engineFactory(sources);
        // The words compromise was asked about are saved for the next start (after the first checks' fixes, too).
        morphologyCache.scheduleSave();
        return engine;
      },
      trusted,
      folders,
      logger,
      warn: (message, file) => {
        if (!file || !brokenFileNotices) return showWarning(message);
        const notice: BrokenFileNotice = { message, uri: pathToUri(file.path), kind: file.kind };
        void connection.sendNotification(BROKEN_FILE_NOTIFICATION, notice);
      },
      publishFileProblems: (changes) => {
        for (const [file, problems] of changes) if (!packs.holdFileProblems(file, problems)) publisher.publishFileProblems(file, problems);
      },
    });
    const baselines = new BaselineStore(logger, showWarning);
    const scheduler = new CheckScheduler({ documents, settings, engines, baselines, publisher, logger, trusted, inform: showInformation });
    const commands = new CommandHandlers({ documents, scheduler, settings, engines, baselines, publisher, folders, trusted, logger });
    features = {
      settings,
      engines,
      scheduler,
      commands,
      packs,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    };

    // Rule packs and configs are not prose: pack authoring checks them.
    documents.listen(connection, {
      opened: (document) => (packs.owns(document) ? packs.opened(document) : scheduler.schedule(document, true)),
      changed: (document) => (packs.owns(document) ? packs.changed(document) : scheduler.schedule(document)),
      closed: (uri) => {
        scheduler.forget(uri);
        packs.closed(uri);
      },
    });
    connection.onDidSaveTextDocument((params) => packs.saved(params.textDocument.uri));

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [...PACK_COMPLETION_TRIGGERS], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false },
        executeCommandProvider: { commands: [...CommandHandlers.ids] },
        ...(publisher.pulls
          ? { diagnosticProvider: { identifier: 'termguard', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'termguard' },
    };
  });

  const applyLogLevel = (settings: TermguardSettings): void => logger.setLevel(settings.trace.server === 'verbose' ? 'debug' : 'info');

  connection.onInitialized(() => {
    if (!features) return;
    // A client may refuse a registration it announced (Emacs eglot 1.9 answers the file watchers with an
    // error); the server then works without it instead of ending on the unhandled rejection.
    const registrationRefused = (what: string) => (error: unknown) =>
      logger.warn(`the editor refused to ${what} (${error instanceof Error ? error.message : String(error)}); continuing without it`);
    if (dynamicConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'termguard' })
        .catch(registrationRefused('report settings changes'));
    }
    if (dynamicWatchers) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/.termguard.yaml' }, { globPattern: '**/*.termguard.yaml' }],
        })
        .catch(registrationRefused('watch rule-pack files'));
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.change(event.added, event.removed);
        features?.engines.invalidate();
        features?.scheduler.recheckAll();
      });
    }
    void features.settings.forResource(undefined).then(applyLogLevel);
    prepareFirstFolder();
    if (!trusted) {
      const message =
        'Termguard runs in restricted mode: this workspace is not trusted, so only the built-in rule packs are used (workspace .termguard.yaml files, the termguard.packs and termguard.baseline settings are ignored).';
      logger.info(message);
      showInformation(message);
    }
  });

  /**
   * Builds the first workspace folder's engine as soon as the server is up,
   * so that the first document opened (often a while later: the extension
   * starts when a folder with a `.termguard.yaml` opens) need not wait for
   * the packs to compile.
   */
  const prepareFirstFolder = (): void => {
    const folder = folders.all()[0];
    if (!features || !folder) return;
    const { settings, engines } = features;
    void settings
      .forResource(folder.uri)
      .then((folderSettings) => {
        if (features?.engines === engines) engines.forFolder(folder.path, folderSettings);
      })
      .catch((error: unknown) => logger.error(`preparing the checks of ${folder.path} failed`, error));
  };

  connection.onShutdown(() => morphology?.save());

  connection.onDidChangeConfiguration((params) => {
    if (!features) return;
    features.settings.reset(params.settings);
    void features.settings.forResource(undefined).then(applyLogLevel);
    features.scheduler.recheckAll();
  });

  // One rebuild per burst: a branch switch changes many files, and a client may report a save twice
  // (through this server's dynamic registration and its own `synchronize.fileEvents`).
  let rebuild: NodeJS.Timeout | undefined;
  connection.onDidChangeWatchedFiles(() => {
    clearTimeout(rebuild);
    rebuild = setTimeout(() => {
      features?.engines.invalidate();
      features?.scheduler.recheckAll();
    }, WATCHED_FILES_DELAY_MS);
  });

  connection.onHover(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!features || !document) return null;
    if (features.packs.owns(document)) return features.packs.hover(document, params.position);
    const checked = await features.scheduler.current(document.uri);
    if (token.isCancellationRequested || !checked || checked.revision !== document.revision) return null;
    return hoverAt(checked, document.lines, document.lines.offsetAt(params.position));
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!features || !document || !features.packs.owns(document)) return null;
    return features.packs.completion(document, params.position, params.context?.triggerCharacter);
  });

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!features || !document) return null;
    if (features.packs.owns(document)) return features.packs.codeActions(document, params, { documentChanges: features.documentChanges });
    const checked = await features.scheduler.current(document.uri);
    if (token.isCancellationRequested || !checked || checked.revision !== document.revision) return null;
    return codeActionsFor(params, document, checked, { documentChanges: features.documentChanges });
  });

  // Pulled diagnostics of open documents (clients with LSP 3.17 pull support); rule packs and configs keep publishing theirs.
  connection.languages.diagnostics.on(async (params) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    // Runs the check of the current version now if one is pending, so the answer is never stale.
    if (features && document && !features.packs.owns(document)) await features.scheduler.current(uri);
    return publisher.report(uri, params.previousResultId);
  });

  connection.onExecuteCommand(async (params, token) => (features ? features.commands.execute(params, token) : null));

  connection.listen();
  return {
    connection,
    dispose: () => {
      clientWatch?.dispose();
      connection.dispose();
    },
  };
}

/**
 * For a server in its own process (stdio or IPC), ends the process as soon
 * as the client is gone: queued requests (a fix-all on a large document
 * each) would otherwise keep it busy for minutes with nobody to answer.
 * Servers on given streams (tests, embedding) are left to their owner.
 */
function watchClient(transport: Transport, connection: Connection): ClientWatch | undefined {
  if (transport !== 'stdio' && transport !== 'ipc') return undefined;
  let shutdownRequested = false;
  connection.onShutdown(() => {
    shutdownRequested = true;
  });
  const watch = new ClientWatch({
    onGone: (reason) => {
      // The connection is gone with the client: stderr is the only place left to say why.
      process.stderr.write(`Termguard language server: ${reason}, so the client is gone; exiting.\n`);
      process.exit(shutdownRequested ? 0 : 1);
    },
  });
  if (transport === 'stdio') watch.watchInput(process.stdin);
  else watch.watchIpcChannel(process);
  return watch;
}
