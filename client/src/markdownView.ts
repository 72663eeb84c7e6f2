/**
 * Read-only Markdown pages (a rule's explanation, a glossary entry) shown in
 * a locked Markdown preview (an unlocked one would follow the active editor
 * away from the page).
 *
 * The pages live in a read-only in-memory file system of the
 * `termguard-info` scheme. A file system rather than a text document content
 * provider, because the preview watches the resource it shows and VS Code
 * logs an error for every watch of a scheme without a file system. The
 * language client only sends `file` and `untitled` documents to the server,
 * so the banned wording these pages quote is never checked.
 */
import * as vscode from 'vscode';

/** The URI scheme of the pages. */
export const PAGE_SCHEME = 'termguard-info';

interface Page {
  readonly data: Uint8Array;
  readonly mtime: number;
}

/** The pages, and how they are opened. */
export class MarkdownPages implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly pages = new Map<string, Page>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  private readonly registration: vscode.Disposable;
  private readonly created = Date.now();

  readonly onDidChangeFile = this.changeEmitter.event;

  constructor() {
    this.registration = vscode.workspace.registerFileSystemProvider(PAGE_SCHEME, this, { isCaseSensitive: true, isReadonly: true });
  }

  /**
   * Shows `markdown` as the page `path` (for example `rules/memo/calls-on.md`)
   * in a locked Markdown preview beside the active editor; falls back to a
   * read-only editor when the preview is unavailable. Returns the page's URI.
   */
  async show(path: string, markdown: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: PAGE_SCHEME, path: `/${path}` });
    const existed = this.pages.has(uri.path);
    this.pages.set(uri.path, { data: new TextEncoder().encode(markdown), mtime: Date.now() });
    this.changeEmitter.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
    try {
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
    } catch {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    return uri;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const page = this.pages.get(uri.path);
    if (page)
      return {
        type: vscode.FileType.File,
        ctime: page.mtime,
        mtime: page.mtime,
        size: page.data.byteLength,
        permissions: vscode.FilePermission.Readonly,
      };
    if (this.isFolder(uri.path))
      return {
        type: vscode.FileType.Directory,
        ctime: this.created,
        mtime: this.created,
        size: 0,
        permissions: vscode.FilePermission.Readonly,
      };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const page = this.pages.get(uri.path);
    if (!page) throw vscode.FileSystemError.FileNotFound(uri);
    return page.data;
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (!this.isFolder(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    const entries = new Map<string, vscode.FileType>();
    for (const path of this.pages.keys()) {
      if (!path.startsWith(prefix)) continue;
      const [name, ...rest] = path.slice(prefix.length).split('/');
      entries.set(name!, rest.length > 0 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...entries];
  }

  watch(): vscode.Disposable {
    // Changes are announced for every page through onDidChangeFile.
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changeEmitter.dispose();
  }

  private isFolder(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...this.pages.keys()].some((page) => page.startsWith(prefix));
  }
}
