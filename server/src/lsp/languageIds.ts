/**
 * Which document kind an editor's language id stands for.
 *
 * Editors name languages differently: VS Code sends `plaintext` and
 * `git-commit`, Neovim sends its filetype (`text`, `gitcommit`, `sh`), Emacs
 * eglot sends the major mode's name without `-mode` (`text`, `gfm`, `adoc`,
 * `markdown-ts`), and JetBrains or Zed set-ups may send `Markdown` or
 * `Plain Text`. Ids are matched without regard to case, spaces or a `-mode`
 * / `-ts` ending; an id still unknown falls back on the file name.
 */
import type { DocumentKind } from '../engine/api';
import { isDocumentKind } from '../engine/index';
import { DEFAULT_WALKED_KINDS, namedKindOf } from '../project/documentKinds';
import { NOTEBOOK_CELL_SCHEME } from '../protocol/protocol';

/**
 * Language ids of editors and the document kind each holds, for ids that are
 * not a kind's own name. Kinds of source code are named by VS Code's ids, so
 * those need no entry.
 */
const KIND_BY_LANGUAGE_ID: Readonly<Record<string, DocumentKind>> = Object.freeze({
  text: 'plaintext',
  'plain-text': 'plaintext',
  fundamental: 'plaintext',
  gfm: 'markdown',
  md: 'markdown',
  restructuredtext: 'rst',
  adoc: 'asciidoc',
  asciidoctor: 'asciidoc',
  mhtml: 'html',
  xhtml: 'html',
  'git-commit': 'gitcommit',
  'log-edit': 'gitcommit',
  jupyter: 'notebook',
  ipynb: 'notebook',
  jsonc: 'json',
  'js-json': 'json',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  shell: 'shellscript',
  cs: 'csharp',
  'c-sharp': 'csharp',
  js: 'javascript',
  js2: 'javascript',
  jsx: 'javascriptreact',
  rjsx: 'javascriptreact',
  ts: 'typescript',
  tsx: 'typescriptreact',
});

/**
 * Ids that say only "text": the editor had no better mode for the file, so a
 * prose format named by the file name (`notes.md` opened in Emacs's
 * `text-mode`) is the better guide.
 */
const GENERIC_TEXT_IDS: ReadonlySet<string> = new Set(['text', 'plaintext', 'plain-text', 'fundamental']);

/** An id in the one spelling the table uses: lower case, words joined by `-`, no `-mode` or `-ts` ending. */
function normalisedLanguageId(languageId: string): string {
  return languageId
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-mode$/, '')
    .replace(/-ts$/, '');
}

/** The document kind a language id names, or undefined for an id Termguard does not know. */
export function kindOfLanguageId(languageId: string): DocumentKind | undefined {
  if (isDocumentKind(languageId)) return languageId;
  const id = normalisedLanguageId(languageId);
  return isDocumentKind(id) ? id : KIND_BY_LANGUAGE_ID[id];
}

/**
 * The engine's document kind for an LSP language id and document URI.
 * The file name wins when it names a notebook or a commit message (whatever
 * mode the editor opened it in: eglot gives all files of one server the same
 * id), and when the id only says "text" and the name names a prose format.
 * Otherwise the id decides; for an id Termguard does not know, the file name,
 * else plain text.
 */
export function documentKindOf(languageId: string, uri?: string): DocumentKind {
  // A notebook cell's URI names the notebook, but its text is the cell's: Markdown or code, by its language.
  if (uri !== undefined && isNotebookCell(uri)) return kindOfLanguageId(languageId) ?? 'plaintext';
  const fromName = uri === undefined ? undefined : namedKindOf(uriPathOf(uri));
  if (fromName === 'notebook' || fromName === 'gitcommit') return fromName;
  const fromId = kindOfLanguageId(languageId);
  if (fromName !== undefined && DEFAULT_WALKED_KINDS.has(fromName) && GENERIC_TEXT_IDS.has(normalisedLanguageId(languageId))) {
    return fromName;
  }
  return fromId ?? fromName ?? 'plaintext';
}

/** True for the URI of a cell of a notebook open in a notebook editor. */
export function isNotebookCell(uri: string): boolean {
  return uri.startsWith(`${NOTEBOOK_CELL_SCHEME}:`);
}

/** The path part of a URI, enough to read a file name from. */
function uriPathOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
