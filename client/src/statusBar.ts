/**
 * The status bar item: how many Termguard errors and warnings the Problems
 * panel holds, whether the server runs, and whether the workspace is in
 * Restricted Mode. Clicking it opens the Problems panel.
 *
 * It counts every Termguard diagnostic VS Code knows of, the open
 * documents' and those a workspace check published for files that are not
 * open, so the number matches what the click shows. Counts are kept per
 * URI and only the URIs of each `onDidChangeDiagnostics` event are
 * recounted, so a busy server does not make the item rescan everything.
 */
import * as vscode from 'vscode';
import type { ClientState } from './languageClient';

/** The `source` the server sets on every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'termguard';

interface Counts {
  errors: number;
  warnings: number;
}

function countTermguard(diagnostics: readonly vscode.Diagnostic[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    if (diagnostic.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
  }
  return counts;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The status bar item and the per-URI counts behind it. */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, Counts>();
  private readonly disposables: vscode.Disposable[] = [];
  private serverState: ClientState = 'starting';

  constructor() {
    this.item = vscode.window.createStatusBarItem('termguard.findings', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Termguard';
    this.item.command = 'workbench.actions.view.problems';
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) this.recount(uri, diagnostics);
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) this.recount(uri, vscode.languages.getDiagnostics(uri));
        this.render();
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

  /** Shows the server's lifecycle state. */
  setServerState(state: ClientState): void {
    this.serverState = state;
    this.render();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.item.dispose();
  }

  private recount(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
    const counts = countTermguard(diagnostics);
    if (counts.errors === 0 && counts.warnings === 0) this.byUri.delete(uri.toString());
    else this.byUri.set(uri.toString(), counts);
  }

  private render(): void {
    let errors = 0;
    let warnings = 0;
    for (const counts of this.byUri.values()) {
      errors += counts.errors;
      warnings += counts.warnings;
    }
    const restricted = !vscode.workspace.isTrusted;
    const icon = restricted ? '$(shield)' : '$(book)';
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown('**Termguard**\n\n');

    if (this.serverState === 'starting') {
      this.item.text = `${icon} Termguard $(sync~spin)`;
      tooltip.appendMarkdown('The language server is starting.\n\n');
    } else if (this.serverState === 'failed' || this.serverState === 'stopped') {
      this.item.text = `${icon} Termguard $(circle-slash)`;
      tooltip.appendMarkdown(
        this.serverState === 'failed'
          ? 'The language server failed to start; see **Termguard: Show Output**.\n\n'
          : 'The language server is not running.\n\n',
      );
    } else {
      this.item.text = errors + warnings === 0 ? `${icon} Termguard $(check)` : `${icon} $(error) ${errors} $(warning) ${warnings}`;
      tooltip.appendMarkdown(
        errors + warnings === 0
          ? 'No Termguard errors or warnings.\n\n'
          : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(this.byUri.size, 'file')}. Click to open the Problems panel.\n\n`,
      );
    }
    if (restricted) {
      tooltip.appendMarkdown(
        '$(shield) **Restricted Mode**: only the built-in rule pack runs. The workspace\'s `.termguard.yaml`, its rule packs and the `termguard.packs` and `termguard.baseline` settings are ignored until you trust this workspace.',
      );
    }
    this.item.tooltip = tooltip;
    this.item.backgroundColor = this.serverState === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }
}
