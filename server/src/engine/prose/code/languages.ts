/**
 * The lexical syntax of each programming language the code reader knows:
 * enough to find comments and string literals and not be fooled by a `//`
 * inside a string, a quote inside a comment or a `/` that starts a regex.
 */

/** A way to write a string literal, read by the lexer's generic string reader. */
export interface StringForm {
  /** The opening delimiter, prefix included (`"`, `'''`, `@"`, `r"`). */
  readonly open: string;
  /** The closing delimiter. */
  readonly close: string;
  /** Backslash escapes apply. */
  readonly escapes: boolean;
  /** The literal may span lines; otherwise a line end closes it. */
  readonly multiline: boolean;
  /** The closing delimiter written twice stands for itself (`""` in C# verbatim strings). */
  readonly doubled?: boolean;
  /** Expressions inside: `${…}`, `{…}` (`{{` is a literal brace) or `#{…}`. */
  readonly interpolation?: '${' | '{' | '#{' | 'shell';
  /** What the literal holds when it is not text: a character, bytes, words, a command, a symbol. */
  readonly notText?: boolean;
}

export interface CodeSyntax {
  /** The language id, as VS Code names it. */
  readonly id: string;
  readonly lineComments: readonly string[];
  readonly blockComments: readonly { readonly open: string; readonly close: string; readonly nests?: boolean }[];
  /** String forms, longest opener first so that `"""` wins over `"`. */
  readonly strings: readonly StringForm[];
  /** A comment marker only counts at the start of a word (`#` in shell: `$#` is no comment). */
  readonly commentAtWordStart?: boolean;
  /** `/…/` is a regular expression where an expression may start (JavaScript, Ruby). */
  readonly regexLiterals?: boolean;
  /** `<Tag>…</Tag>` is JSX where an expression may start. */
  readonly jsx?: boolean;
  /** `'x'` is a character literal, and `'a` a lifetime or label (Rust). */
  readonly rustQuotes?: boolean;
  /** Heredocs: `<<~EOS` (Ruby) or `<<EOF` (shell). */
  readonly heredocs?: 'ruby' | 'shell';
  /** `%q(…)`, `%w[…]` literals (Ruby). */
  readonly percentLiterals?: boolean;
  /** A string statement on a line of its own is documentation (Python docstrings). */
  readonly docstrings?: boolean;
  /** A `#` at a line start is a preprocessor directive, not a comment (C#). */
  readonly preprocessor?: boolean;
  /** Words after which a string is a module path, not prose. */
  readonly importWords: ReadonlySet<string>;
}

function forms(...list: StringForm[]): StringForm[] {
  return list.sort((a, b) => b.open.length - a.open.length);
}

const C_COMMENTS = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/' }] };
const DOUBLE: StringForm = { open: '"', close: '"', escapes: true, multiline: false };
const SINGLE: StringForm = { open: "'", close: "'", escapes: true, multiline: false };
const CHAR: StringForm = { open: "'", close: "'", escapes: true, multiline: false, notText: true };

const JS_STRINGS = forms(DOUBLE, SINGLE, { open: '`', close: '`', escapes: true, multiline: true, interpolation: '${' });
const JS_IMPORTS = new Set(['import', 'from', 'require', 'export']);

function pythonStrings(): StringForm[] {
  const list: StringForm[] = [];
  for (const prefix of [
    '',
    'r',
    'u',
    'b',
    'f',
    'rb',
    'br',
    'fr',
    'rf',
    'R',
    'U',
    'B',
    'F',
    'Rb',
    'rB',
    'RB',
    'Br',
    'bR',
    'BR',
    'Fr',
    'fR',
    'FR',
    'Rf',
    'rF',
    'RF',
  ]) {
    const lower = prefix.toLowerCase();
    const raw = lower.includes('r');
    const notText = lower.includes('b');
    const interpolation = lower.includes('f') ? ('{' as const) : undefined;
    for (const quote of ['"""', "'''", '"', "'"]) {
      list.push({
        open: prefix + quote,
        close: quote,
        escapes: !raw,
        multiline: quote.length === 3,
        notText,
        ...(interpolation ? { interpolation } : {}),
      });
    }
  }
  return forms(...list);
}

/** The languages, by VS Code language id. */
export const CODE_LANGUAGES: ReadonlyMap<string, CodeSyntax> = new Map<string, CodeSyntax>(
  (
    [
      { id: 'javascript', ...C_COMMENTS, strings: JS_STRINGS, regexLiterals: true, jsx: true, importWords: JS_IMPORTS },
      { id: 'javascriptreact', ...C_COMMENTS, strings: JS_STRINGS, regexLiterals: true, jsx: true, importWords: JS_IMPORTS },
      { id: 'typescript', ...C_COMMENTS, strings: JS_STRINGS, regexLiterals: true, importWords: JS_IMPORTS },
      { id: 'typescriptreact', ...C_COMMENTS, strings: JS_STRINGS, regexLiterals: true, jsx: true, importWords: JS_IMPORTS },
      {
        id: 'python',
        lineComments: ['#'],
        blockComments: [],
        strings: pythonStrings(),
        docstrings: true,
        importWords: new Set(['import', 'from']),
      },
      {
        id: 'go',
        ...C_COMMENTS,
        strings: forms(DOUBLE, CHAR, { open: '`', close: '`', escapes: false, multiline: true }),
        importWords: new Set(['import']),
      },
      {
        id: 'java',
        ...C_COMMENTS,
        strings: forms(DOUBLE, CHAR, { open: '"""', close: '"""', escapes: true, multiline: true }),
        importWords: new Set(['import']),
      },
      {
        id: 'csharp',
        ...C_COMMENTS,
        preprocessor: true,
        strings: forms(
          DOUBLE,
          CHAR,
          { open: '@"', close: '"', escapes: false, multiline: true, doubled: true },
          { open: '$"', close: '"', escapes: true, multiline: false, interpolation: '{' },
          { open: '$@"', close: '"', escapes: false, multiline: true, doubled: true, interpolation: '{' },
          { open: '@$"', close: '"', escapes: false, multiline: true, doubled: true, interpolation: '{' },
          { open: '"""', close: '"""', escapes: false, multiline: true },
          { open: '$"""', close: '"""', escapes: false, multiline: true, interpolation: '{' },
        ),
        importWords: new Set(['using']),
      },
      {
        id: 'rust',
        lineComments: ['//'],
        blockComments: [{ open: '/*', close: '*/', nests: true }],
        rustQuotes: true,
        strings: forms(
          { open: '"', close: '"', escapes: true, multiline: true },
          { open: 'b"', close: '"', escapes: true, multiline: true, notText: true },
          { open: 'c"', close: '"', escapes: true, multiline: true },
          { open: 'r"', close: '"', escapes: false, multiline: true },
          { open: 'r#"', close: '"#', escapes: false, multiline: true },
          { open: 'r##"', close: '"##', escapes: false, multiline: true },
          { open: 'r###"', close: '"###', escapes: false, multiline: true },
          { open: 'br"', close: '"', escapes: false, multiline: true, notText: true },
          { open: 'br#"', close: '"#', escapes: false, multiline: true, notText: true },
        ),
        importWords: new Set(['use', 'mod', 'include_str', 'include_bytes']),
      },
      {
        id: 'ruby',
        lineComments: ['#'],
        blockComments: [],
        regexLiterals: true,
        heredocs: 'ruby',
        percentLiterals: true,
        strings: forms(
          { open: '"', close: '"', escapes: true, multiline: true, interpolation: '#{' },
          { open: "'", close: "'", escapes: true, multiline: true },
          { open: '`', close: '`', escapes: true, multiline: true, notText: true },
          { open: ':"', close: '"', escapes: true, multiline: false, notText: true },
        ),
        importWords: new Set(['require', 'require_relative', 'load', 'gem']),
      },
      {
        id: 'shellscript',
        lineComments: ['#'],
        blockComments: [],
        commentAtWordStart: true,
        heredocs: 'shell',
        strings: forms(
          { open: '"', close: '"', escapes: true, multiline: true, interpolation: 'shell' },
          { open: "'", close: "'", escapes: false, multiline: true },
          { open: "$'", close: "'", escapes: true, multiline: true },
        ),
        importWords: new Set(['source', '.']),
      },
    ] satisfies CodeSyntax[]
  ).map((syntax): [string, CodeSyntax] => [syntax.id, syntax]),
);

/** Other names the languages go by (file extensions, common aliases). */
const ALIASES: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  py: 'python',
  python3: 'python',
  golang: 'go',
  cs: 'csharp',
  'c#': 'csharp',
  rs: 'rust',
  rb: 'ruby',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  shell: 'shellscript',
  ksh: 'shellscript',
};

/** The syntax for a VS Code language id, a file extension or an alias (`ts`, `py`, `bash`), if known. */
export function codeSyntax(language: string): CodeSyntax | undefined {
  const key = language.toLowerCase();
  return CODE_LANGUAGES.get(key) ?? CODE_LANGUAGES.get(ALIASES[key] ?? '');
}
