/**
 * Workspace-check findings of documents VS Code holds open without showing
 * them.
 *
 * The server publishes a workspace check's diagnostics for files that are
 * not open, and leaves open documents to the pull model. But VS Code keeps a
 * document open for a while after its tab closes, and the language client
 * drops pulled diagnostics as soon as the tab closes: such a file's findings
 * would be counted by the check yet be missing from the Problems panel. This
 * collection shows them, until a tab shows the document again (the pull
 * model takes over), it closes, the next check, or a server restart.
 */
import * as vscode from 'vscode';

/** The extension's own collection for those findings. */
export class HiddenDocumentResults implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('termguard-workspace-check');
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.opened) {
          const uri = tabUri(tab);
          if (uri) this.collection.delete(uri);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
    ];
  }

  /** URIs (as strings) of documents VS Code holds open without a tab showing them. */
  static hiddenDocuments(): Set<string> {
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        const uri = tabUri(tab);
        if (uri) shown.add(uri.toString());
      }
    }
    return new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()).filter((uri) => !shown.has(uri)));
  }

  /** Replaces what is shown with `results` (one entry per hidden document the check counted). */
  replace(results: ReadonlyMap<string, readonly vscode.Diagnostic[]>): void {
    this.collection.clear();
    for (const [uri, diagnostics] of results) if (diagnostics.length > 0) this.collection.set(vscode.Uri.parse(uri), [...diagnostics]);
  }

  /** Shows nothing (the server restarted: its next check decides). */
  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.collection.dispose();
  }
}

/** The document a tab shows, if it shows a text document. */
function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}
