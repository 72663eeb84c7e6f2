/**
 * The connection to the bundled Termguard language server (`dist/server.js`,
 * Node IPC): which documents it sees, what it is told at `initialize`, and
 * its lifecycle (start, restart on workspace trust or a `termguard.languages`
 * change, stop on deactivation).
 *
 * `vscode-languageclient` is loaded on first start rather than when the
 * extension module is evaluated, so activation only registers commands and
 * the status bar item and the library's cost is paid after it.
 */
import * as vscode from 'vscode';
import type {
  DynamicFeature,
  ExecuteCommandRegistrationOptions,
  LanguageClient,
  LanguageClientOptions,
  RegistrationData,
  ServerOptions,
  StaticFeature,
} from 'vscode-languageclient/node';
import { CODE_LANGUAGE_IDS, DEFAULT_LANGUAGE_IDS, NOTEBOOK_CELL_SCHEME, SERVER_EXEC_ARGV } from '../../server/src/protocol/protocol';
import { BROKEN_FILE_NOTIFICATION } from './brokenFileNotices';

type LanguageClientModule = typeof import('vscode-languageclient/node');

/** The language id of rule-pack files (`*.termguard.yaml`, `.termguard.yaml`). */
export const PACK_LANGUAGE_ID = 'termguard-pack';

/** `termguard.languages` when unset or invalid. */
export const DEFAULT_LANGUAGES: readonly string[] = DEFAULT_LANGUAGE_IDS;

/** The client's id: also the prefix of the `termguard.trace.server` setting the library reads. */
const CLIENT_ID = 'termguard';

/** Where the client is in its lifecycle. */
export type ClientState = 'stopped' | 'starting' | 'running' | 'failed';

/** The options the server reads from `initializationOptions` (see server/src/lsp/server.ts). */
export interface InitializationOptions {
  /** False in Restricted Mode: the server then loads only the built-in packs. */
  readonly trusted: boolean;
  /** The extension shows `termguard/brokenFile` notices (with buttons) rather than plain warnings. */
  readonly brokenFileNotices: true;
  /** Where the server keeps caches across starts (the extension's global storage): pack words' forms, so the first check is quick. */
  readonly cacheDirectory?: string;
}

/** What the extension gives the client: a handler of the server's own notifications, and a folder for caches. */
export interface TermguardClientOptions {
  /** A `termguard/brokenFile` notice: a pack or config the server loaded is broken. */
  readonly brokenFile: (params: unknown) => void;
  /** An absolute folder for the server's caches (`initializationOptions.cacheDirectory`). */
  readonly cacheDirectory?: string;
  /** The client received a result (pulled or published diagnostics) for a document; called just before it is applied. */
  readonly checked?: (uri: vscode.Uri) => void;
}

/** The language ids to check, from the window-level `termguard.languages` setting. */
export function configuredLanguages(): readonly string[] {
  const value: unknown = vscode.workspace.getConfiguration('termguard').get('languages');
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : DEFAULT_LANGUAGES;
}

/**
 * The documents the server is sent: the configured languages plus rule packs,
 * saved files and untitled buffers only (not git diffs, output panes or other
 * virtual documents); files of source code, components and locale files too,
 * since a `.termguard.yaml` can turn those on (the server checks them only
 * then); and, when notebooks are checked (`jupyter` or `notebook` listed),
 * the Markdown and code cells of notebooks open in the notebook editor.
 */
export function documentSelector(languages: readonly string[]): { scheme: string; language: string }[] {
  const ids = [...new Set([...languages, PACK_LANGUAGE_ID])];
  const selector = ids.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  for (const language of CODE_LANGUAGE_IDS) if (!ids.includes(language)) selector.push({ scheme: 'file', language });
  if (languages.includes('jupyter') || languages.includes('notebook')) {
    for (const language of ['markdown', ...CODE_LANGUAGE_IDS]) selector.push({ scheme: NOTEBOOK_CELL_SCHEME, language });
  }
  return selector;
}

/**
 * Owns the current `LanguageClient`. Start, restart and stop are queued, so
 * a restart asked for while the server is still starting waits for it.
 */
export class TermguardClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** The client a requested restart or stop is about to replace; it sends no more configuration changes. */
  private retiring: LanguageClient | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  /** The languages of the running client's document selector. */
  private languages: readonly string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private currentState: ClientState = 'stopped';
  private readonly stateEmitter = new vscode.EventEmitter<ClientState>();

  /** Fires when {@link state} changes. */
  readonly onDidChangeState = this.stateEmitter.event;

  /**
   * @param serverModule absolute path of the bundled server.
   * @param ownCommands ids of commands this extension registers itself; a
   *   server command with the same id is sent with `workspace/executeCommand`
   *   by the extension instead of being registered a second time (which VS
   *   Code refuses, failing the client's start).
   */
  constructor(
    private readonly serverModule: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly ownCommands: ReadonlySet<string>,
    private readonly options: TermguardClientOptions,
  ) {}

  get state(): ClientState {
    return this.currentState;
  }

  /** Starts the server (no-op while it runs). Resolves once it has answered `initialize` or failed. */
  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  /** Replaces the running client with a new one (new selector, new `initializationOptions`). */
  restart(reason: string): Promise<void> {
    this.log.info(`Restarting the language server: ${reason}`);
    this.retiring = this.client;
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  /** Stops the server. */
  stop(): Promise<void> {
    this.retiring = this.client;
    return this.enqueue(() => this.doStop());
  }

  /** True when `termguard.languages` no longer matches the running client's document selector. */
  languagesChanged(): boolean {
    const current = configuredLanguages();
    return current.length !== this.languages.length || current.some((language, index) => language !== this.languages[index]);
  }

  /** The running client, after any queued start or restart; rejects when the server is not running. */
  async running(): Promise<LanguageClient> {
    await this.queue;
    if (!this.client || this.currentState !== 'running') {
      throw new Error('The Termguard language server is not running; see "Termguard: Show Output".');
    }
    return this.client;
  }

  /** The commands the running server announced in its `executeCommandProvider` capability. */
  serverCommands(): readonly string[] {
    return this.client?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  }

  /** LSP diagnostics from a server result as VS Code diagnostics (converted as the client converts published ones). */
  async asCodeDiagnostics(diagnostics: readonly unknown[]): Promise<vscode.Diagnostic[]> {
    const client = await this.running();
    return client.protocol2CodeConverter.asDiagnostics([...diagnostics] as Parameters<
      typeof client.protocol2CodeConverter.asDiagnostics
    >[0]);
  }

  /** Runs a server command (`workspace/executeCommand`) and returns its result. */
  async executeCommand<T>(command: string, args: readonly unknown[], token?: vscode.CancellationToken): Promise<T> {
    const client = await this.running();
    const { ExecuteCommandRequest } = await loadLanguageClient();
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [...args] }, token)) as T;
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step, step);
    return this.queue;
  }

  private setState(state: ClientState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }

  private async doStart(): Promise<void> {
    if (this.client) return;
    const started = performance.now();
    this.setState('starting');
    try {
      const library = await loadLanguageClient();
      const languages = configuredLanguages();
      this.languages = languages;
      const initializationOptions: InitializationOptions = {
        trusted: vscode.workspace.isTrusted,
        brokenFileNotices: true,
        ...(this.options.cacheDirectory !== undefined ? { cacheDirectory: this.options.cacheDirectory } : {}),
      };
      const watchers = [
        vscode.workspace.createFileSystemWatcher('**/.termguard.yaml'),
        vscode.workspace.createFileSystemWatcher('**/*.termguard.yaml'),
      ];
      // stdio rather than Node IPC: on a stream the server assembles diagnostics from cached JSON (wireEncoding.ts).
      const run = { module: this.serverModule, transport: library.TransportKind.stdio, options: { execArgv: [...SERVER_EXEC_ARGV] } };
      const serverOptions: ServerOptions = {
        run,
        debug: { ...run, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] } },
      };
      // Assigned once the client exists; the middleware below reads it later, so it cannot be a const.
      // eslint-disable-next-line prefer-const
      let self: LanguageClient | undefined;
      const clientOptions: LanguageClientOptions = {
        documentSelector: documentSelector(languages),
        synchronize: { fileEvents: watchers },
        initializationOptions,
        diagnosticCollectionName: CLIENT_ID,
        // Pulled diagnostics (open documents) get a collection named after the server's provider id, `termguard`;
        // published ones (packs, configs, workspace checks) must not take the same name, or VS Code logs that a
        // collection named termguard already exists.
        diagnosticCollectionProvider: {
          create: (name, source) =>
            vscode.languages.createDiagnosticCollection(
              source === library.DiagnosticCollectionSource.push ? `${name ?? CLIENT_ID}-published` : name,
            ),
          dispose: (collection) => collection.dispose(),
        },
        outputChannel: this.log,
        traceOutputChannel: this.log,
        middleware: {
          workspace: {
            // A `termguard.languages` change restarts the client from a listener that runs before the library's
            // own; the library would otherwise send the change to the stopping server and log a failure.
            didChangeConfiguration: (sections, next) => (self !== undefined && self === this.retiring ? Promise.resolve() : next(sections)),
          },
          provideDiagnostics: async (document, previousResultId, token, next) => {
            const report = await next(document, previousResultId, token);
            if (report) this.options.checked?.(document instanceof vscode.Uri ? document : document.uri);
            return report;
          },
          handleDiagnostics: (uri, diagnostics, next) => {
            next(uri, diagnostics);
            this.options.checked?.(uri);
          },
        },
      };
      const client = createLanguageClient(library, this.ownCommands, this.log, serverOptions, clientOptions);
      self = client;
      this.client = client;
      this.clientDisposables = [
        ...watchers,
        client.onNotification(BROKEN_FILE_NOTIFICATION, (params: unknown) => this.options.brokenFile(params)),
        client.onDidChangeState(({ newState }) => {
          if (newState === library.State.Running) this.setState('running');
          else if (newState === library.State.Starting) this.setState('starting');
          else if (this.client === client) this.setState('stopped');
        }),
      ];
      await client.start();
      // The library pulls a document's diagnostics when it opens and is visible; a notebook's cells open before its
      // tab does, so nothing would pull them until they change. Registered after the library's own tab listener,
      // this runs once the notebook counts as visible: a refresh pulls every visible document (unchanged ones cheaply).
      this.clientDisposables.push(
        vscode.window.tabGroups.onDidChangeTabs((event) => {
          if (this.client !== client || !event.opened.some((tab) => tab.input instanceof vscode.TabInputNotebook)) return;
          client.getFeature(library.DocumentDiagnosticRequest.method)?.refresh();
        }),
      );
      this.setState('running');
      this.log.info(
        `Language server started in ${(performance.now() - started).toFixed(0)} ms ` +
          `(languages: ${languages.join(', ')}; ${vscode.workspace.isTrusted ? 'trusted workspace' : 'Restricted Mode: built-in packs only'})`,
      );
    } catch (error) {
      this.log.error(`The language server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await this.doStop();
      this.setState('failed');
      void vscode.window.showErrorMessage('Termguard: the language server failed to start.', 'Show Output').then((choice) => {
        if (choice) this.log.show(true);
      });
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const disposable of this.clientDisposables.splice(0)) disposable.dispose();
    if (client) {
      try {
        // Generous: the server finishes a workspace check slice before it answers `shutdown`.
        await client.stop(5000);
      } catch (error) {
        this.log.warn(`Stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.setState('stopped');
  }
}

let libraryPromise: Promise<LanguageClientModule> | undefined;

/** Loads `vscode-languageclient/node` once (bundled; evaluated on first use). */
function loadLanguageClient(): Promise<LanguageClientModule> {
  libraryPromise ??= import('vscode-languageclient/node');
  return libraryPromise;
}

/**
 * A `LanguageClient` whose `workspace/executeCommand` feature skips server
 * commands that share an id with one of the extension's own commands.
 *
 * The library registers a VS Code command for every id in the server's
 * `executeCommandProvider`; the server announces `termguard.checkWorkspace`
 * and `termguard.explainRule`, which are also this extension's palette
 * commands (they add progress, pickers and rendering around the server
 * call), and registering an id twice throws inside `initialize`.
 */
function createLanguageClient(
  library: LanguageClientModule,
  ownCommands: ReadonlySet<string>,
  log: vscode.LogOutputChannel,
  serverOptions: ServerOptions,
  clientOptions: LanguageClientOptions,
): LanguageClient {
  class TermguardLanguageClient extends library.LanguageClient {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the library's own signature
    override registerFeature(feature: StaticFeature | DynamicFeature<any>): void {
      if ('registrationType' in feature && feature.registrationType.method === library.ExecuteCommandRequest.method) {
        const commandFeature = feature as DynamicFeature<ExecuteCommandRegistrationOptions>;
        const register = commandFeature.register.bind(commandFeature);
        commandFeature.register = (data: RegistrationData<ExecuteCommandRegistrationOptions>) => {
          const shared = data.registerOptions.commands.filter((command) => ownCommands.has(command));
          if (shared.length > 0) log.debug(`Server commands handled by the extension's own commands: ${shared.join(', ')}`);
          register({
            ...data,
            registerOptions: {
              ...data.registerOptions,
              commands: data.registerOptions.commands.filter((command) => !ownCommands.has(command)),
            },
          });
        };
      }
      super.registerFeature(feature);
    }
  }
  return new TermguardLanguageClient(CLIENT_ID, 'Termguard', serverOptions, clientOptions);
}
