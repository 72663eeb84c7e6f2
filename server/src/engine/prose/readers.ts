/**
 * The registry of document readers: which {@link DocumentReader} reads each
 * kind of document. A new format adds its kind to `DocumentKind` (api.ts)
 * and its reader here; the engine finds it through {@link readerFor}.
 */
import type { CodeDocumentKind, DocumentKind } from '../api';
import { scanAsciiDocBlocks } from './asciidoc';
import { codeReader, codeSyntax, scanJsonBlocks, scanYamlBlocks } from './code';
import { scanGitCommitBlocks } from './gitcommit';
import { scanHtmlBlocks, scanSvelteBlocks, scanVueBlocks } from './html';
import { markdownReader } from './markdown/markdownReader';
import { opensUnclosedFrontMatter } from './markdown/frontMatter';
import { scanMdxBlocks } from './mdx';
import { scanNotebookBlocks } from './notebook';
import { scanRstBlocks } from './rst';
import { plainTextReader } from './plaintext/plainTextReader';
import type { CommentSyntax, DocumentReader } from './reader';

const HTML_COMMENT: CommentSyntax = Object.freeze({ open: '<!--', close: '-->' });
const HASH_COMMENT: CommentSyntax = Object.freeze({ open: '#', close: '' });

function reader(
  kind: DocumentKind,
  scanBlocks: DocumentReader['scanBlocks'],
  commentSyntax?: CommentSyntax,
  extra: Partial<DocumentReader> = {},
): DocumentReader {
  return Object.freeze({ kind, scanBlocks, ...(commentSyntax ? { commentSyntax } : {}), ...extra });
}

/** The reader of a kind of source code: comments and user-facing strings; suppressions in the language's line comments (block comments when it has none). */
function sourceCodeReader(kind: CodeDocumentKind): DocumentReader {
  const syntax = codeSyntax(kind);
  const scan = codeReader(kind);
  if (syntax === undefined || scan === undefined) throw new Error(`Termguard has no code reader for ${kind}.`);
  const lineComment = syntax.lineComments[0];
  const blockComment = syntax.blockComments[0];
  const comment =
    lineComment !== undefined ? { open: lineComment, close: '' } : blockComment && { open: blockComment.open, close: blockComment.close };
  return reader(kind, scan, comment ? Object.freeze(comment) : undefined);
}

/** Typed as a record over every kind, so a kind without a reader does not compile. */
const READERS: Readonly<Record<DocumentKind, DocumentReader>> = Object.freeze({
  markdown: markdownReader,
  plaintext: plainTextReader,
  // MDX shares Markdown's front matter; its comments are JSX expressions (`<!-- -->` is not valid MDX 2).
  mdx: reader('mdx', scanMdxBlocks, Object.freeze({ open: '{/*', close: '*/}' }), { opensUnclosedPreamble: opensUnclosedFrontMatter }),
  html: reader('html', scanHtmlBlocks, HTML_COMMENT),
  vue: reader('vue', scanVueBlocks, HTML_COMMENT),
  svelte: reader('svelte', scanSvelteBlocks, HTML_COMMENT),
  asciidoc: reader('asciidoc', scanAsciiDocBlocks, Object.freeze({ open: '//', close: '' })),
  rst: reader('rst', scanRstBlocks, Object.freeze({ open: '..', close: '' })),
  gitcommit: reader('gitcommit', scanGitCommitBlocks, HASH_COMMENT),
  // A comment line inside a notebook's JSON would break the file, so no "disable for this line" there.
  notebook: reader('notebook', scanNotebookBlocks),
  // JSONC's line comments; a strict JSON file has none, so editors insert one only where comments are allowed (jsonc).
  json: reader('json', scanJsonBlocks, Object.freeze({ open: '//', close: '' })),
  yaml: reader('yaml', scanYamlBlocks, HASH_COMMENT),
  typescript: sourceCodeReader('typescript'),
  typescriptreact: sourceCodeReader('typescriptreact'),
  javascript: sourceCodeReader('javascript'),
  javascriptreact: sourceCodeReader('javascriptreact'),
  python: sourceCodeReader('python'),
  go: sourceCodeReader('go'),
  java: sourceCodeReader('java'),
  csharp: sourceCodeReader('csharp'),
  rust: sourceCodeReader('rust'),
  ruby: sourceCodeReader('ruby'),
  shellscript: sourceCodeReader('shellscript'),
});

/** Every reader, one per kind. */
export function allReaders(): readonly DocumentReader[] {
  return Object.values(READERS);
}

/** Every kind of document the engine reads. */
export function allDocumentKinds(): readonly DocumentKind[] {
  return Object.keys(READERS) as DocumentKind[];
}

/** Whether `value` names a kind of document the engine reads. */
export function isDocumentKind(value: string): value is DocumentKind {
  return Object.hasOwn(READERS, value);
}

/** The reader for `kind`. A kind without a reader of its own (from a newer client, say) is read as plain text. */
export function readerFor(kind: DocumentKind): DocumentReader {
  return Object.hasOwn(READERS, kind) ? READERS[kind] : plainTextReader;
}
