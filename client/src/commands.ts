/**
 * The palette commands. The server does the work (see
 * server/src/protocol/protocol.ts for its `workspace/executeCommand` contract);
 * these add what only the editor can: progress and cancellation, pickers,
 * the Problems panel and Markdown pages.
 */
import * as vscode from 'vscode';
import type { GlossaryEntry, RuleInfo } from '../../server/src/engine/api';
import { glossaryPageMarkdown, rulePickItem } from '../../server/src/engine/rules/ruleText';
import { HiddenDocumentResults } from './hiddenDocumentResults';
import type { TermguardClient } from './languageClient';
import type { MarkdownPages } from './markdownView';
import { DIAGNOSTIC_SOURCE, SERVER_COMMANDS, type RuleExplanation } from '../../server/src/protocol/protocol';
import { countListed } from './statusBar';
import { describeWorkspaceCheck, summarizeWorkspaceCheck, type WorkspaceCheckResult, type WorkspaceCheckSummary } from './workspaceSummary';

/** The extension's own commands (declared in package.json). */
export const COMMANDS = {
  checkWorkspace: 'termguard.checkWorkspace',
  showGlossary: 'termguard.showGlossary',
  explainRule: 'termguard.explainRule',
  restartServer: 'termguard.restartServer',
  showOutput: 'termguard.showOutput',
} as const;

export { SERVER_COMMANDS };
export type { GlossaryEntry, RuleExplanation, RuleInfo, WorkspaceCheckSummary };

/** The rule id of a Termguard diagnostic (its `code`), or undefined for other diagnostics. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

/** The URI the server should resolve packs and settings for: the active editor's saved file, if any. */
function activeFileUri(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.uri.scheme === 'file' ? document.uri.toString() : undefined;
}

/** Collaborators of the commands. */
export interface CommandContext {
  readonly client: TermguardClient;
  readonly pages: MarkdownPages;
  readonly log: vscode.LogOutputChannel;
  /** Where a workspace check's findings of open documents without a tab are shown. */
  readonly hiddenResults: HiddenDocumentResults;
}

/** Registers the palette commands; returns their registrations. */
export function registerCommands({ client, pages, log, hiddenResults }: CommandContext): vscode.Disposable[] {
  /**
   * Checks every Markdown and text file of the workspace folders on the
   * server, which walks the folders itself as `termguard check` does
   * (`.gitignore`, the configs' `ignore` globs, `termguard.languages`) and
   * publishes diagnostics for the files that are not open, so they appear in
   * the Problems panel beside the open documents' findings. The summary
   * counts what the Problems panel then lists for Termguard (see
   * workspaceSummary.ts).
   */
  async function checkWorkspace(): Promise<WorkspaceCheckSummary | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Termguard: open a folder to check a workspace.');
      return undefined;
    }
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Termguard: checking the workspace', cancellable: true },
      async (_progress, token) => {
        const started = performance.now();
        let result: WorkspaceCheckResult;
        try {
          result = await client.executeCommand<WorkspaceCheckResult>(SERVER_COMMANDS.checkWorkspace, [{}], token);
        } catch (error) {
          if (token.isCancellationRequested) result = { files: [], cancelled: true };
          else throw error;
        }
        // The server writes file URIs its own way; VS Code's spelling is what `elsewhere` is keyed by.
        const files = result.files.map((file) => ({ ...file, uri: vscode.Uri.parse(file.uri).toString() }));
        await showHiddenDocumentResults(files);
        const elsewhere = vscode.languages
          .getDiagnostics()
          .map(([uri, diagnostics]) => ({ uri: uri.toString(), counts: countListed(diagnostics) }));
        const summary = summarizeWorkspaceCheck({ ...result, files }, elsewhere);
        const text = describeWorkspaceCheck(summary);
        log.info(`Workspace check: ${text} (${(performance.now() - started).toFixed(0)} ms)`);
        void vscode.window.showInformationMessage(`Termguard: ${text}`, 'Show Problems').then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
        return summary;
      },
    );
  }

  /**
   * Shows the findings of documents the server has open (so it did not
   * publish them) but no tab shows (so the client pulls nothing for them):
   * otherwise the check would count findings the Problems panel never lists.
   */
  async function showHiddenDocumentResults(files: readonly WorkspaceCheckResult['files'][number][]): Promise<void> {
    const hidden = HiddenDocumentResults.hiddenDocuments();
    const results = new Map<string, vscode.Diagnostic[]>();
    for (const file of files) {
      if (file.skipped !== undefined || !hidden.has(file.uri) || !file.diagnostics?.length) continue;
      results.set(file.uri, await client.asCodeDiagnostics(file.diagnostics));
    }
    hiddenResults.replace(results);
  }

  /** Shows a glossary entry: the one whose id or term is `term`, else the one picked from the glossary. */
  async function showGlossary(term?: unknown): Promise<vscode.Uri | undefined> {
    const entries = await client.executeCommand<readonly GlossaryEntry[]>(SERVER_COMMANDS.glossary, activeArgs());
    let entry: GlossaryEntry | undefined;
    if (typeof term === 'string') {
      const wanted = term.toLowerCase();
      entry = entries.find((candidate) => candidate.id === term || candidate.term.toLowerCase() === wanted);
      if (!entry) {
        void vscode.window.showWarningMessage(`Termguard: the glossary has no entry "${term}".`);
        return undefined;
      }
    } else {
      if (entries.length === 0) {
        void vscode.window.showInformationMessage('Termguard: the loaded rule packs define no glossary terms.');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        entries.map((candidate) => ({ label: candidate.term, description: candidate.id, detail: candidate.definition, entry: candidate })),
        { title: 'Termguard Glossary', placeHolder: 'Choose a term to read its definition', matchOnDescription: true, matchOnDetail: true },
      );
      entry = picked?.entry;
    }
    return entry ? pages.show(`glossary/${entry.id}.md`, glossaryPageMarkdown(entry)) : undefined;
  }

  /** Shows a rule's explanation: rule `ruleId`, else the one picked (the finding under the cursor first). */
  async function explainRule(ruleId?: unknown): Promise<vscode.Uri | undefined> {
    const id = typeof ruleId === 'string' ? ruleId : await pickRule();
    if (!id) return undefined;
    const explanation = await client.executeCommand<RuleExplanation | null>(SERVER_COMMANDS.explainRule, [id, ...activeArgs()]);
    if (!explanation) {
      void vscode.window.showWarningMessage(`Termguard: no loaded rule pack defines the rule "${id}".`);
      return undefined;
    }
    return pages.show(`rules/${explanation.rule.id}.md`, explanation.markdown);
  }

  /**
   * Rule ids to choose from: every rule when the server can list them
   * (`termguard.rules`), otherwise the rules of the current findings; with
   * neither, the id is typed in.
   */
  async function pickRule(): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    const underCursor = editor
      ? vscode.languages
          .getDiagnostics(editor.document.uri)
          .filter((diagnostic) => diagnostic.range.contains(editor.selection.active))
          .map(ruleIdOf)
          .filter((id): id is string => id !== undefined)
      : [];
    const items = new Map<string, vscode.QuickPickItem>();
    if (client.serverCommands().includes(SERVER_COMMANDS.rules)) {
      const rules = await client.executeCommand<readonly RuleInfo[]>(SERVER_COMMANDS.rules, activeArgs());
      for (const rule of rules) items.set(rule.id, rulePickItem(rule));
    } else {
      for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
        for (const diagnostic of diagnostics) {
          const id = ruleIdOf(diagnostic);
          if (id !== undefined && !items.has(id)) items.set(id, { label: id, detail: diagnostic.message });
        }
      }
    }
    if (items.size === 0) {
      return vscode.window.showInputBox({ title: 'Termguard: Explain Rule', prompt: 'Rule id', placeHolder: 'memo/calls-on' });
    }
    const ordered = [
      ...underCursor.filter((id) => items.has(id)).map((id) => items.get(id)!),
      ...[...items.values()].filter((item) => !underCursor.includes(item.label)),
    ];
    const picked = await vscode.window.showQuickPick(ordered, {
      title: 'Termguard: Explain Rule',
      placeHolder: 'Choose a rule',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.label;
  }

  /**
   * Reports a failure (typically: the server is not running) with a way to
   * the log, instead of VS Code's generic "command failed" notice, and
   * resolves with undefined.
   */
  function reported<A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
    return async (...args) => {
      try {
        return await run(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error(`${name} failed: ${message}`);
        void vscode.window.showErrorMessage(`Termguard: ${name} failed: ${message}`, 'Show Output').then((choice) => {
          if (choice) log.show(true);
        });
        return undefined;
      }
    };
  }

  return [
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, reported('Check Workspace', checkWorkspace)),
    vscode.commands.registerCommand(COMMANDS.showGlossary, reported('Show Glossary', showGlossary)),
    vscode.commands.registerCommand(COMMANDS.explainRule, reported('Explain Rule', explainRule)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => client.restart('requested with "Termguard: Restart Server"')),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.show()),
  ];
}

/** The server command arguments naming the active file, when there is one. */
function activeArgs(): string[] {
  const uri = activeFileUri();
  return uri === undefined ? [] : [uri];
}
