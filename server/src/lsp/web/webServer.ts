/**
 * The language server as it runs in a browser (vscode.dev, github.dev): in a
 * web worker, with no file system and no Node. It checks open documents with
 * the same engine, settings and language ids as the Node server and publishes
 * diagnostics; `.termguard.yaml` files and workspace rule packs are read
 * through the client ({@link READ_WORKSPACE_FILE_REQUEST}, answered with
 * `vscode.workspace.fs`).
 *
 * What needs Node is left out, and the server says so once in its log:
 * checking the whole workspace (the command line's folder walk), hovers and
 * quick fixes, baselines, the morphology cache on disk, and packs outside the
 * workspace. Transport-neutral: it takes a connection, so tests run it over
 * a MessageChannel in Node.
 */
import { TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
// The connection type is the same for every transport; only the worker entry imports the browser one.
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_NAME,
  createEngine,
  LineIndex,
  mergeTermguardConfigs,
  parseTermguardConfig,
  type Engine,
  type LocatedConfig,
  type PackSource,
  type SeverityOverride,
} from '../../engine/index';
import {
  READ_WORKSPACE_FILE_REQUEST,
  SETTINGS_SECTION,
  type ReadWorkspaceFileParams,
  type ReadWorkspaceFileResult,
} from '../../protocol/protocol';
import { DEFAULT_SETTINGS, isLanguageChecked, parseSettings, type TermguardSettings } from '../configuration';
import { findingToDiagnostic, problemToDiagnostic } from '../diagnostics';
import { documentKindOf } from '../languageIds';
import { ruleUrl } from '../../engine/rules/ruleText';

/** What the browser build leaves out, said once in the server's log. */
export const WEB_LIMITATIONS_MESSAGE =
  'Termguard runs in the browser: open documents are checked with the built-in packs, .termguard.yaml and the workspace packs it names. ' +
  'Not available here: Check Workspace, hovers and quick fixes, baselines, packs outside the workspace, and the morphology cache on disk (the first check after a start is slower).';

/** What the browser build is started with. */
export interface WebServerOptions {
  /** The built-in rule packs, bundled into the worker. */
  readonly builtinPacks: readonly PackSource[];
}

/** One engine with the config that chose its packs. */
interface ConfiguredEngine {
  readonly engine: Engine;
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  readonly claimModel: boolean;
}

/** The folder part of a URI, without a trailing slash. */
function parentOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** Starts answering on `connection` (not yet listening: the caller calls `connection.listen()`). */
export function startWebServer(connection: Connection, options: WebServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let trusted = true;
  let pullSettings = false;
  const engines = new Map<string, Promise<ConfiguredEngine>>();
  const running = new Map<string, Promise<void>>();
  const stale = new Set<string>();
  const reportedProblems = new Set<string>();

  const readWorkspaceFile = async (uri: string): Promise<string | undefined> => {
    try {
      const params: ReadWorkspaceFileParams = { uri };
      const answer = await connection.sendRequest<ReadWorkspaceFileResult>(READ_WORKSPACE_FILE_REQUEST, params);
      return answer?.text;
    } catch {
      return undefined;
    }
  };

  const settingsFor = async (uri: string): Promise<TermguardSettings> => {
    if (!pullSettings) return DEFAULT_SETTINGS;
    try {
      return parseSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })).settings;
    } catch {
      return DEFAULT_SETTINGS;
    }
  };

  const logProblemsOnce = (file: string, messages: readonly string[]): void => {
    for (const message of messages) {
      const line = `${file}: ${message}`;
      if (reportedProblems.has(line)) continue;
      reportedProblems.add(line);
      connection.console.warn(line);
    }
  };

  /** The `.termguard.yaml` files from the document's folder up to its workspace folder, nearest first. */
  const configsAbove = async (documentUri: string): Promise<LocatedConfig[]> => {
    const folder = folders.filter((candidate) => documentUri.startsWith(`${candidate}/`)).sort((a, b) => b.length - a.length)[0];
    if (!trusted || folder === undefined) return [];
    const configs: LocatedConfig[] = [];
    for (let dir = parentOf(documentUri); dir.length >= folder.length; dir = parentOf(dir)) {
      const file = `${dir}/${CONFIG_FILE_NAME}`;
      const text = await readWorkspaceFile(file);
      if (text === undefined) continue;
      const parsed = parseTermguardConfig(text, file);
      logProblemsOnce(
        file,
        parsed.problems.map((problem) => problem.message),
      );
      if (parsed.config) configs.push({ file, dir, config: parsed.config });
    }
    return configs;
  };

  const buildEngine = async (documentUri: string, settings: TermguardSettings): Promise<ConfiguredEngine> => {
    const merged = mergeTermguardConfigs(await configsAbove(documentUri), (dir, relative) => new URL(relative, `${dir}/`).href);
    const sources: PackSource[] = merged.builtin ? [...options.builtinPacks] : [];
    const folder = folders.find((candidate) => documentUri.startsWith(`${candidate}/`));
    const settingPacks = trusted && folder !== undefined ? settings.packs.map((pack) => new URL(pack, `${folder}/`).href) : [];
    for (const uri of [...merged.packs.map((pack) => pack.path), ...settingPacks]) {
      if (folder === undefined || !uri.startsWith(`${folder}/`)) {
        logProblemsOnce(uri, ['not loaded: in the browser only packs inside the workspace can be read']);
        continue;
      }
      const text = await readWorkspaceFile(uri);
      if (text === undefined) logProblemsOnce(uri, ['not loaded: the file cannot be read']);
      else sources.push({ file: uri, text });
    }
    const engine = createEngine(sources);
    for (const problem of engine.problems) logProblemsOnce(problem.file, [problem.message]);
    return { engine, rules: merged.rules, claimModel: merged.claimModel };
  };

  const engineFor = (documentUri: string, settings: TermguardSettings): Promise<ConfiguredEngine> => {
    const key = `${parentOf(documentUri)}\n${settings.packs.join('\n')}`;
    let engine = engines.get(key);
    if (!engine) {
      engine = buildEngine(documentUri, settings);
      engines.set(key, engine);
    }
    return engine;
  };

  const checkOnce = async (document: TextDocument): Promise<void> => {
    const settings = await settingsFor(document.uri);
    const kind = documentKindOf(document.languageId, document.uri);
    if (!settings.enable || !isLanguageChecked(settings, document.languageId, kind)) {
      await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    const { engine, rules, claimModel } = await engineFor(document.uri, settings);
    const current = documents.get(document.uri);
    if (current?.version !== document.version) return;
    const text = document.getText();
    const result = engine.check(text, kind, { severityOverrides: { ...rules, ...settings.severityOverrides }, claimModel });
    const lines = new LineIndex(text);
    const diagnostics = [
      ...result.findings.map((finding) => findingToDiagnostic(finding, lines, ruleUrl(engine.rule(finding.ruleId)))),
      ...result.problems.map((problem) => problemToDiagnostic(problem, lines)),
    ];
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  /** Checks a document; edits that arrive meanwhile lead to one more check when it ends. */
  const schedule = (uri: string): void => {
    if (running.has(uri)) {
      stale.add(uri);
      return;
    }
    const document = documents.get(uri);
    if (!document) return;
    const check = checkOnce(document)
      .catch((error: unknown) =>
        connection.console.error(`checking ${uri} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running.delete(uri);
        if (stale.delete(uri)) schedule(uri);
      });
    running.set(uri, check);
  };

  const recheckAll = (): void => {
    engines.clear();
    for (const document of documents.all()) schedule(document.uri);
  };

  connection.onInitialize((params): InitializeResult => {
    const options = params.initializationOptions as { trusted?: unknown } | undefined;
    trusted = options?.trusted !== false;
    pullSettings = params.capabilities.workspace?.configuration === true;
    folders = (params.workspaceFolders ?? []).map((folder) => folder.uri.replace(/\/$/, ''));
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, workspace: { workspaceFolders: { supported: true } } },
      serverInfo: { name: 'termguard (browser)' },
    };
  });
  connection.onInitialized(() => connection.console.info(WEB_LIMITATIONS_MESSAGE));
  connection.onDidChangeConfiguration(recheckAll);
  connection.onDidChangeWatchedFiles(recheckAll);
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  documents.listen(connection);
}
