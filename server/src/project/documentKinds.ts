/**
 * Which kind of document a file holds, from its name, and which kinds a
 * folder walk checks without being asked. Pure (no file system), so the
 * argument parser, the CLI and the language server share it.
 *
 * The defaults keep findings out of code nobody asked about: a walk checks
 * prose formats only; source code, Vue and Svelte components and locale
 * files are checked when a `.termguard.yaml` turns them on (`kinds:` or
 * `readers:`), or when a file is named on the command line.
 */
import type { DocumentKind } from '../engine/api';

/** File extensions and the kind of document they hold. */
const KIND_BY_EXTENSION: Readonly<Record<string, DocumentKind>> = Object.freeze({
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'plaintext',
  '.mdx': 'mdx',
  '.html': 'html',
  '.htm': 'html',
  '.vue': 'vue',
  '.svelte': 'svelte',
  '.adoc': 'asciidoc',
  '.asciidoc': 'asciidoc',
  '.rst': 'rst',
  '.ipynb': 'notebook',
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.py': 'python',
  '.go': 'go',
  '.java': 'java',
  '.cs': 'csharp',
  '.rs': 'rust',
  '.rb': 'ruby',
  '.sh': 'shellscript',
  '.bash': 'shellscript',
});

/** Whole file names with a kind of their own. */
const KIND_BY_FILE_NAME: Readonly<Record<string, DocumentKind>> = Object.freeze({
  COMMIT_EDITMSG: 'gitcommit',
  MERGE_MSG: 'gitcommit',
  TAG_EDITMSG: 'gitcommit',
});

/** The kinds a folder walk checks when no config says otherwise: the prose formats. */
export const DEFAULT_WALKED_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  'markdown',
  'plaintext',
  'mdx',
  'html',
  'asciidoc',
  'rst',
  'notebook',
  'gitcommit',
]);

/** Folders whose JSON and YAML files are translations. */
const LOCALE_FOLDERS = new Set(['locales', 'locale', 'i18n', 'l10n', 'lang', 'langs', 'translations', 'messages']);

/** A message catalogue (`messages.json`, `strings.en.yaml`). */
const CATALOGUE_FILE_NAME = /^(?:messages|strings|translations)(?:[._-][a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)?\.(?:json|ya?ml)$/;

/** A file named for a language (`en.json`, `pt-BR.yml`), its first part captured. */
const LANGUAGE_FILE_NAME = /^([a-z]{2})(?:[-_][A-Za-z]{2,4})?\.(?:json|ya?ml)$/;

/**
 * Common ISO 639-1 language codes; a list, not any two letters, so `ci.yml`
 * and `db.json` are not taken for translations.
 */
const LANGUAGE_CODES = new Set(
  (
    'af am ar az be bg bn bs ca cs cy da de el en es et eu fa fi fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ' +
    'lo lt lv mk ml mn mr ms my nb ne nl nn no pa pl pt ro ru si sk sl sq sr sv sw ta te th tl tr uk ur uz vi zh'
  ).split(' '),
);

function baseNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function extensionOf(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The kind a file name names, or undefined when it names none; what a file named on the command line is read as. */
export function namedKindOf(path: string): DocumentKind | undefined {
  const base = baseNameOf(path);
  return KIND_BY_FILE_NAME[base] ?? KIND_BY_EXTENSION[extensionOf(base)];
}

/** The kind of a file: the one its name names, plain text for any other. */
export function kindOfPath(path: string): DocumentKind {
  return namedKindOf(path) ?? 'plaintext';
}

/** True for a JSON or YAML file of translations: in a locale folder, or named for a language or as a message catalogue. */
export function isLocaleFile(path: string): boolean {
  const base = baseNameOf(path);
  if (CATALOGUE_FILE_NAME.test(base)) return true;
  const language = LANGUAGE_FILE_NAME.exec(base)?.[1];
  if (language !== undefined && LANGUAGE_CODES.has(language)) return true;
  const folders = path.split(/[\\/]/).slice(0, -1);
  return folders.some((folder) => LOCALE_FOLDERS.has(folder.toLowerCase()));
}

/**
 * The kind a folder walk may check a file as, or undefined when a walk
 * passes it by. JSON and YAML files count only when they hold translations,
 * so `package.json` and CI files never do.
 */
export function walkedKindOf(path: string): DocumentKind | undefined {
  const kind = namedKindOf(path);
  if ((kind === 'json' || kind === 'yaml') && !isLocaleFile(path)) return undefined;
  return kind;
}
