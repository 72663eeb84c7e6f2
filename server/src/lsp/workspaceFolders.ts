/**
 * Workspace folders and the conversion between `file:` URIs and paths.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';

/** The file-system path of a `file:` URI; `undefined` for other schemes (untitled, notebooks, ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The file a document's URI stands for: its path for a `file:` URI, the
 * notebook's path for a cell of a notebook open in the notebook editor
 * (`vscode-notebook-cell:` URIs keep the notebook's path), else undefined.
 */
export function documentPathOf(uri: string): string | undefined {
  // The authority (a remote host under code-server) is not part of the notebook's path.
  const cell = /^vscode-notebook-cell:(?:\/\/[^/]*)?(\/[^#?]*)/.exec(uri);
  return cell ? uriToPath(`file://${cell[1]}`) : uriToPath(uri);
}

/** The `file:` URI of an absolute path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** True when `path` is `folder` or inside it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A workspace folder with its path. */
export interface Folder {
  readonly uri: string;
  readonly name: string;
  readonly path: string;
}

/** The current workspace folders (multi-root aware). */
export class WorkspaceFolders {
  private folders: Folder[] = [];

  /** Replaces the folder list (from `initialize`). */
  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const given = folders && folders.length > 0 ? folders : rootUri ? [{ uri: rootUri, name: rootUri }] : [];
    this.folders = given.flatMap((folder) => {
      const path = uriToPath(folder.uri);
      return path === undefined ? [] : [{ uri: folder.uri, name: folder.name, path: resolve(path) }];
    });
  }

  /** Applies a `workspace/didChangeWorkspaceFolders` event. */
  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => folder.uri));
    const kept = this.folders.filter((folder) => !gone.has(folder.uri));
    const current = new WorkspaceFolders();
    current.set(added);
    this.folders = [...kept, ...current.all()];
  }

  all(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost folder containing `path`. */
  folderOf(path: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (isInside(folder.path, path) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }
}
