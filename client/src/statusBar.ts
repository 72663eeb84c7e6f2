/**
 * The status bar item: the state of the file in front of the user —
 * "Termguard: checking…" until the server's first result for it, then
 * "Termguard: 2 findings" or "Termguard ✓" — plus whether the server runs
 * and whether the workspace is in Restricted Mode. Clicking it opens the
 * Problems panel. The words are statusText.ts's.
 *
 * A file counts as checked once the language client has received a result
 * for it (pulled, or published) since the server started; its findings are
 * Termguard's diagnostics of that file that the Problems panel lists
 * (errors, warnings and infos: baselined findings are hints, which it does
 * not list).
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol/protocol';
import { configuredLanguages, PACK_LANGUAGE_ID, type ClientState } from './languageClient';
import { statusView, type CurrentFile, type FileCounts } from './statusText';

export { DIAGNOSTIC_SOURCE };

/** Counts the Termguard diagnostics the Problems panel lists (it leaves hints out). */
export function countListed(diagnostics: readonly vscode.Diagnostic[]): FileCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Information) infos++;
  }
  return { errors, warnings, infos };
}

/** True for documents the server is sent and checks (see languageClient.ts's document selector). */
function isChecked(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  if (document.languageId !== PACK_LANGUAGE_ID && !configuredLanguages().includes(document.languageId)) return false;
  return vscode.workspace.getConfiguration('termguard', document.uri).get<boolean>('enable') !== false;
}

/** The status bar item and what it knows about the current file. */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents with a result from the running server. */
  private readonly checked = new Set<string>();
  private serverState: ClientState = 'starting';
  /** Every text the item showed, oldest first (the real-editor tests read it); capped. */
  private readonly history: string[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<string>();

  /** Fires with the new text when the item's text changes. */
  readonly onDidChangeText = this.changeEmitter.event;

  constructor() {
    this.item = vscode.window.createStatusBarItem('termguard.findings', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Termguard';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const current = vscode.window.activeTextEditor?.document.uri.toString();
        if (current !== undefined && event.uris.some((uri) => uri.toString() === current)) this.render();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // Reopened, it is checked afresh.
        this.checked.delete(document.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('termguard')) this.render();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()),
    );
    this.render();
    this.item.show();
  }

  /** The item's current text (codicons as `$(name)`); read by the tests through the extension's API. */
  get text(): string {
    return this.item.text;
  }

  /** The item's accessible label. */
  get accessibleLabel(): string {
    return this.item.accessibilityInformation?.label ?? '';
  }

  /** The texts the item has shown, oldest first. */
  get texts(): readonly string[] {
    return this.history;
  }

  /** Shows the server's lifecycle state; a new server checks every file afresh. */
  setServerState(state: ClientState): void {
    if (state !== 'running') this.checked.clear();
    this.serverState = state;
    this.render();
  }

  /**
   * The client received a result for `uri`. Called just before the client
   * puts it in its diagnostic collection, so the item is redrawn on the next
   * turn, when `vscode.languages.getDiagnostics` has it.
   */
  markChecked(uri: vscode.Uri): void {
    this.checked.add(uri.toString());
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) setTimeout(() => this.render(), 0);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.changeEmitter.dispose();
    this.item.dispose();
  }

  private currentFile(): CurrentFile {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isChecked(document)) return { kind: 'none' };
    const name = document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri, false);
    if (!this.checked.has(document.uri.toString())) return { kind: 'checking', name };
    const noun = document.languageId === PACK_LANGUAGE_ID ? 'problem' : 'finding';
    return { kind: 'checked', name, counts: countListed(vscode.languages.getDiagnostics(document.uri)), noun };
  }

  private render(): void {
    const view = statusView(this.serverState, this.currentFile(), !vscode.workspace.isTrusted);
    const changed = view.text !== this.item.text;
    if (changed) {
      this.history.push(view.text);
      if (this.history.length > 200) this.history.splice(0, this.history.length - 200);
    }
    this.item.text = view.text;
    this.item.accessibilityInformation = { label: view.accessibleLabel, role: 'button' };
    this.item.tooltip = new vscode.MarkdownString(view.tooltip, true);
    this.item.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    if (changed) this.changeEmitter.fire(view.text);
  }
}
