/**
 * The Termguard extension: a thin client of the bundled language server.
 * Activation registers the commands and the status bar item and starts the
 * server without waiting for it; everything else (checking, hovers, quick
 * fixes, workspace checks) is the server's.
 */
import * as vscode from 'vscode';
import { BrokenFileNotices, type ShownNotice } from './brokenFileNotices';
import {
  COMMANDS,
  registerCommands,
  SERVER_COMMANDS,
  type GlossaryEntry,
  type RuleExplanation,
  type WorkspaceCheckSummary,
} from './commands';
import { TermguardClient } from './languageClient';
import { MarkdownPages } from './markdownView';
import { createOutputChannel } from './outputChannel';
import { HiddenDocumentResults } from './hiddenDocumentResults';
import { FindingsStatusBar } from './statusBar';

/**
 * What `activate` returns (`vscode.extensions.getExtension('termguard.termguard').exports`):
 * used by the real-editor tests, and open to other extensions.
 */
export interface TermguardApi {
  /** Milliseconds `activate` took. */
  readonly activationMs: number;
  /** Resolves once the language server has started (or failed to). */
  ready(): Promise<void>;
  /** The status bar item's text, with codicons as `$(name)`. */
  statusText(): string;
  /** Every text the status bar item has shown, oldest first. */
  statusTexts(): readonly string[];
  /** The status bar item's accessible label. */
  statusAccessibleLabel(): string;
  /** Fires with the status bar item's new text. */
  readonly onDidChangeStatus: vscode.Event<string>;
  /** Runs "Termguard: Check Workspace" without its notification's buttons being needed. */
  checkWorkspace(): Promise<WorkspaceCheckSummary | undefined>;
  /** The server's explanation of a rule, or null when no loaded pack defines it. */
  explainRule(ruleId: string): Promise<RuleExplanation | null>;
  /** The glossary entries of the packs that apply to `uri` (default: the first workspace folder). */
  glossary(uri?: vscode.Uri): Promise<readonly GlossaryEntry[]>;
  /** The broken-pack and broken-config warnings shown so far, with their buttons. */
  brokenFileNotices(): readonly ShownNotice[];
  /** Fires when such a warning is shown. */
  readonly onDidShowBrokenFileNotice: vscode.Event<ShownNotice>;
  /** Does what one of a warning's buttons does, as if it were clicked. */
  brokenFileNoticeAction(notice: ShownNotice, action: string): Promise<void>;
  /** The extension's log folder (the extension host's own log is beside it). */
  readonly logUri: vscode.Uri;
}

let client: TermguardClient | undefined;

export function activate(context: vscode.ExtensionContext): TermguardApi {
  const started = performance.now();
  const log = createOutputChannel();
  context.subscriptions.push(log);

  const ownCommands = new Set<string>(Object.values(COMMANDS));
  const notices = new BrokenFileNotices(log);
  const statusBar = new FindingsStatusBar();
  const languageClient = new TermguardClient(context.asAbsolutePath('dist/server.js'), log, ownCommands, {
    brokenFile: (params) => notices.show(params),
    checked: (uri) => statusBar.markChecked(uri),
    // Only file-system storage can be handed to the server (a remote or virtual one cannot).
    ...(context.globalStorageUri.scheme === 'file' ? { cacheDirectory: context.globalStorageUri.fsPath } : {}),
  });
  client = languageClient;
  const pages = new MarkdownPages();
  const hiddenResults = new HiddenDocumentResults();
  context.subscriptions.push(
    languageClient,
    notices,
    statusBar,
    pages,
    hiddenResults,
    languageClient.onDidChangeState((state) => {
      statusBar.setServerState(state);
      if (state === 'starting') hiddenResults.clear();
    }),
    ...registerCommands({ client: languageClient, pages, log, hiddenResults }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient.restart('the workspace is now trusted')),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('termguard.languages') && languageClient.languagesChanged()) {
        void languageClient.restart('termguard.languages changed');
      }
    }),
  );

  const starting = languageClient.start();
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms (the language server starts in the background)`);

  return {
    activationMs,
    ready: () => starting,
    statusText: () => statusBar.text,
    statusTexts: () => statusBar.texts,
    statusAccessibleLabel: () => statusBar.accessibleLabel,
    onDidChangeStatus: statusBar.onDidChangeText,
    checkWorkspace: async () => vscode.commands.executeCommand<WorkspaceCheckSummary | undefined>(COMMANDS.checkWorkspace),
    explainRule: (ruleId) => languageClient.executeCommand<RuleExplanation | null>(SERVER_COMMANDS.explainRule, [ruleId]),
    glossary: (uri) => languageClient.executeCommand<readonly GlossaryEntry[]>(SERVER_COMMANDS.glossary, uri ? [uri.toString()] : []),
    brokenFileNotices: () => notices.shown,
    onDidShowBrokenFileNotice: notices.onDidShow,
    brokenFileNoticeAction: (notice, action) => notices.act(notice, action),
    logUri: context.logUri,
  };
}

export function deactivate(): Promise<void> | undefined {
  const stopping = client?.stop();
  client = undefined;
  return stopping;
}
