/**
 * Read-only Markdown pages (a rule's explanation, a glossary entry) shown in
 * VS Code's Markdown preview. The pages are virtual documents of the
 * `termguard-info` scheme: the language client only sends `file` and
 * `untitled` documents to the server, so the banned wording these pages
 * quote is never checked.
 */
import * as vscode from 'vscode';

/** The URI scheme of the pages. */
export const PAGE_SCHEME = 'termguard-info';

/** Serves the pages' Markdown and opens them in the preview. */
export class MarkdownPages implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pages = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;

  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(PAGE_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.toString()) ?? '';
  }

  /**
   * Shows `markdown` as the page `path` (for example `rules/memo/calls-on.md`)
   * in the Markdown preview beside the active editor; falls back to a
   * read-only editor when the preview is unavailable. Returns the page's URI.
   */
  async show(path: string, markdown: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: PAGE_SCHEME, path: `/${path}` });
    this.pages.set(uri.toString(), markdown);
    this.changeEmitter.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.changeEmitter.dispose();
  }
}
