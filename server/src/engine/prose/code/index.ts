/**
 * Prose in source code: comments (documentation comments and docstrings
 * with their tags left out) and the string literals a user reads, for
 * TypeScript and JavaScript (with JSX text), Python, Go, Java, C#, Rust,
 * Ruby and shell scripts; and the string values of JSON and YAML locale
 * files.
 *
 * Comments are reported for suppression directives written in the
 * language's own comment syntax (`// termguard-disable-next-line`,
 * `# termguard-disable`).
 */
import type { ProseBlock } from '../prose';
import { CodeLexer, type CodeReaderOptions } from './lexer';
import { codeSyntax, type CodeSyntax } from './languages';

export { CODE_LANGUAGES, codeSyntax, type CodeSyntax } from './languages';
export type { CodeReaderOptions } from './lexer';
export { scanJsonBlocks } from './json';
export { scanYamlBlocks } from './yaml';

/** A reader: the signature every `scan…Blocks` function has. */
export type ProseReader = (text: string, from?: number) => Generator<ProseBlock>;

/**
 * The reader for source code in `language` (a VS Code language id such as
 * `typescript`, `python`, `shellscript`, or an alias such as `ts`, `py`,
 * `bash`), or undefined for a language it does not know.
 *
 * The reader yields blocks that tile the text from `from`, each starting at
 * a line start. A unit is a comment (a run of line comments on consecutive
 * lines is one comment), one paragraph of a documentation comment or
 * docstring, a user-facing string literal, the text of a JSX element or a
 * visible JSX prop. A string literal is user-facing when it holds a space
 * and a lower-case word or is one word ending in `.`, `!` or `?`; object
 * keys, import sources, identifiers, paths, URLs and class lists are not.
 * With `strings: false` only comments (and JSX text) are read.
 *
 * `from` must be 0 or the `start` of a block the reader yielded for the
 * same text; scanning from there yields exactly the blocks a full scan
 * yields from that point on. Never throws; runs in time linear in the
 * length of the text.
 */
export function codeReader(language: string | CodeSyntax, options: CodeReaderOptions = {}): ProseReader | undefined {
  const syntax = typeof language === 'string' ? codeSyntax(language) : language;
  if (syntax === undefined) return undefined;
  return function* scanCodeBlocks(text: string, from = 0): Generator<ProseBlock> {
    const start = from > 0 ? (from < text.length ? from : text.length) : 0;
    yield* new CodeLexer(text, syntax, options).blocks(start);
  };
}
