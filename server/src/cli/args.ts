/**
 * Command-line parsing. Produces a typed command or a usage error; never
 * touches the file system.
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import type { DocumentKind } from '../engine/api';
import { allDocumentKinds, isDocumentKind } from '../engine/index';
import { kindOfPath } from '../project/documentKinds';

/** Output formats of `termguard check`. */
export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'rdjsonl' | 'junit' | 'gitlab';

/** Every output format, in the order help lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github', 'rdjsonl', 'junit', 'gitlab'];

/** 64 MiB: files above this size are skipped with a note. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/** The folder `--cache` keeps its entries in, relative to the working directory, unless `--cache-location` says otherwise. */
export const DEFAULT_CACHE_LOCATION = '.termguard-cache';

/** Options of `termguard check`. */
export interface CheckCommand {
  readonly kind: 'check';
  readonly format: OutputFormat;
  readonly config?: string;
  readonly fix: boolean;
  readonly baseline?: string;
  readonly updateBaseline: boolean;
  readonly maxFileSize: number;
  /** How standard input is read: given by `--stdin-kind`, else from `--stdin-filepath`'s extension, else Markdown. */
  readonly stdinKind: DocumentKind;
  /** True when `--stdin-kind` named the kind, which then wins over the config's `readers` globs. */
  readonly stdinKindGiven: boolean;
  /** The path standard input stands for: its config, ignore rules and name in reports. */
  readonly stdinFilepath?: string;
  /** Report errors only (warnings still count for `--max-warnings`). */
  readonly quiet: boolean;
  /** Exit 1 when more warnings than this are found. */
  readonly maxWarnings?: number;
  /** `--color` (true) or `--no-color` (false); undefined leaves it to the environment and the terminal. */
  readonly color?: boolean;
  /** Write the report to this file (replaced in one step) instead of standard output. */
  readonly outputFile?: string;
  /** Only findings of these rule ids (or of the categories below) are reported, fixed and recorded. */
  readonly rules: readonly string[];
  readonly categories: readonly string[];
  /** Reuse the results of files checked before with the same content, packs, config and engine. */
  readonly cache: boolean;
  readonly cacheLocation: string;
  /** Only findings on lines changed since this git ref. */
  readonly changedSince?: string;
  /** Threads that check files: 1 for the main thread alone, N for N − 1 workers besides it; undefined to decide from the input. */
  readonly jobs?: number;
  /** Report broken packs without failing the run (exit status 2) for them; `--fix` and `--update-baseline` still refuse. */
  readonly allowBrokenPacks: boolean;
  /** Paths, globs and `-`; `.` when none is given. */
  readonly targets: readonly string[];
}

/** What `list-rules` and `list-terms` print. */
export type ListFormat = 'table' | 'json';

/** A parsed command line. */
export type Command =
  | { readonly kind: 'help'; readonly topic?: CommandName }
  | { readonly kind: 'version' }
  | CheckCommand
  | { readonly kind: 'test'; readonly packs: readonly string[]; readonly config?: string }
  | { readonly kind: 'explain'; readonly ruleId: string; readonly config?: string }
  | { readonly kind: 'define'; readonly term: string; readonly config?: string }
  | { readonly kind: 'init' }
  | { readonly kind: 'print-config'; readonly file: string; readonly config?: string }
  | { readonly kind: 'list-rules' | 'list-terms'; readonly format: ListFormat; readonly config?: string }
  | { readonly kind: 'server'; readonly transport: 'stdio' };

/** Names of the subcommands. */
export type CommandName = 'check' | 'test' | 'explain' | 'define' | 'init' | 'print-config' | 'list-rules' | 'list-terms' | 'server';

const COMMANDS: readonly CommandName[] = [
  'check',
  'test',
  'explain',
  'define',
  'init',
  'print-config',
  'list-rules',
  'list-terms',
  'server',
];

/** The outcome of parsing: a command, or a usage error message. */
export type ParseResult = { readonly command: Command } | { readonly error: string };

/** One option of `termguard check`, with how help describes it. */
export interface CheckOptionSpec {
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's placeholder in help, for string options. */
  readonly value?: string;
  /** Help lines (the first on the option's own line). */
  readonly help: readonly string[];
}

/** Every option of `termguard check`: what it parses and what `--help` says. */
export const CHECK_OPTIONS: readonly CheckOptionSpec[] = [
  {
    name: 'format',
    short: 'f',
    type: 'string',
    value: 'FORMAT',
    help: ['stylish (default), json, sarif, github (workflow commands),', 'rdjsonl (reviewdog), junit or gitlab (Code Quality)'],
  },
  { name: 'output-file', short: 'o', type: 'string', value: 'FILE', help: ['write the report to FILE (replaced in one step)'] },
  { name: 'config', short: 'c', type: 'string', value: 'FILE', help: ['use only this config file (no .termguard.yaml lookup)'] },
  { name: 'quiet', short: 'q', type: 'boolean', help: ['report errors only'] },
  { name: 'max-warnings', type: 'string', value: 'N', help: ['exit 1 when more than N warnings are found'] },
  { name: 'rule', type: 'string', multiple: true, value: 'ID', help: ['only findings of this rule (repeatable)'] },
  { name: 'category', type: 'string', multiple: true, value: 'NAME', help: ['only findings of this category (repeatable)'] },
  {
    name: 'changed-since',
    type: 'string',
    value: 'REF',
    help: ['only findings on lines changed since the git ref REF', '(compared with the files as they are now)'],
  },
  {
    name: 'fix',
    type: 'boolean',
    help: ["apply each finding's first fix in place", '(with `-`, print the fixed text; the report goes to stderr)'],
  },
  { name: 'baseline', type: 'string', value: 'FILE', help: ['hide findings recorded in this baseline file'] },
  { name: 'update-baseline', type: 'boolean', help: ['record all current findings in the --baseline file'] },
  {
    name: 'allow-broken-packs',
    type: 'boolean',
    help: ['report broken packs (file:line:col) without exit status 2;', 'the rest of each pack still checks'],
  },
  { name: 'cache', type: 'boolean', help: ['skip files checked before with the same content, packs,', 'config and Termguard version'] },
  { name: 'cache-location', type: 'string', value: 'DIR', help: [`where --cache keeps its entries (default ${DEFAULT_CACHE_LOCATION})`] },
  {
    name: 'jobs',
    short: 'j',
    type: 'string',
    value: 'N',
    help: [
      'check files in N threads; 1 for the main thread alone (default: one',
      'per idle core, up to 4, from 200 files or 4 MB and 3 idle cores on;',
      '1 with --fix)',
    ],
  },
  {
    name: 'max-file-size',
    type: 'string',
    value: 'N',
    help: ['skip larger files (bytes, or 512k, 64m; default 64m);', 'a larger file named on the command line is an error'],
  },
  { name: 'stdin-filepath', type: 'string', value: 'PATH', help: ['check `-` as if it were PATH: its kind, config and ignore rules'] },
  { name: 'stdin-kind', type: 'string', value: 'KIND', help: ['how to read `-`: markdown (default), plaintext, html, python…'] },
  { name: 'color', type: 'boolean', help: ['colour the stylish report even when not on a terminal'] },
  { name: 'no-color', type: 'boolean', help: ['never colour (as does the NO_COLOR environment variable)'] },
];

/**
 * Parses the arguments after the program name (`process.argv.slice(2)`).
 * `--help`/`-h` and `--version`/`-v` win over everything else.
 */
export function parseArgs(argv: readonly string[]): ParseResult {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !isCommandName(topic)) return { error: `unknown command \`${topic}\`` };
    return { command: topic ? { kind: 'help', topic } : { kind: 'help' } };
  }
  if (first === '--version' || first === '-v') return { command: { kind: 'version' } };
  if (!isCommandName(first)) {
    return { error: first.startsWith('-') ? `unknown option \`${first}\` (expected a command first)` : `unknown command \`${first}\`` };
  }
  if (rest.includes('--help') || rest.includes('-h')) return { command: { kind: 'help', topic: first } };
  try {
    return first === 'check' ? parseCheck(rest) : parseOtherCommand(first, rest);
  } catch (error) {
    return { error: describeParseError(error) };
  }
}

function parseOtherCommand(name: Exclude<CommandName, 'check'>, rest: readonly string[]): ParseResult {
  switch (name) {
    case 'test': {
      const { values, positionals } = parse(rest, { config: { type: 'string', short: 'c' } });
      return { command: { kind: 'test', packs: positionals, ...optionalString('config', values.config) } };
    }
    case 'explain': {
      const { values, positionals } = parse(rest, { config: { type: 'string', short: 'c' } });
      if (positionals.length !== 1) return { error: 'explain takes exactly one RULE_ID' };
      return { command: { kind: 'explain', ruleId: positionals[0]!, ...optionalString('config', values.config) } };
    }
    case 'define': {
      const { values, positionals } = parse(rest, { config: { type: 'string', short: 'c' } });
      const term = positionals.join(' ').trim();
      if (term === '') return { error: 'define takes a TERM' };
      return { command: { kind: 'define', term, ...optionalString('config', values.config) } };
    }
    case 'init': {
      const { positionals } = parse(rest, {});
      if (positionals.length > 0) return { error: `init takes no arguments, not \`${positionals[0]}\`` };
      return { command: { kind: 'init' } };
    }
    case 'print-config': {
      const { values, positionals } = parse(rest, { config: { type: 'string', short: 'c' } });
      if (positionals.length !== 1) return { error: 'print-config takes exactly one FILE' };
      return { command: { kind: 'print-config', file: positionals[0]!, ...optionalString('config', values.config) } };
    }
    case 'list-rules':
    case 'list-terms': {
      const { values, positionals } = parse(rest, { config: { type: 'string', short: 'c' }, format: { type: 'string', short: 'f' } });
      if (positionals.length > 0) return { error: `${name} takes no arguments, not \`${positionals[0]}\`` };
      const format = (values.format as string | undefined) ?? 'table';
      if (format !== 'table' && format !== 'json') return { error: `--format must be table or json, not \`${format}\`` };
      return { command: { kind: name, format, ...optionalString('config', values.config) } };
    }
    case 'server': {
      const { values, positionals } = parse(rest, { stdio: { type: 'boolean' } });
      if (positionals.length > 0) return { error: `unexpected argument \`${positionals[0]}\`` };
      if (!values.stdio) return { error: 'server needs a transport: --stdio' };
      return { command: { kind: 'server', transport: 'stdio' } };
    }
  }
}

function parseCheck(argv: readonly string[]): ParseResult {
  const spec: OptionSpec = {};
  for (const option of CHECK_OPTIONS) {
    spec[option.name] = {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...(option.multiple ? { multiple: true } : {}),
    };
  }
  const { values, positionals, lastColorFlag } = parse(argv, spec);
  const text = (name: string): string | undefined => values[name] as string | undefined;
  const list = (name: string): string[] => (values[name] as string[] | undefined) ?? [];

  const format = text('format') ?? 'stylish';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    return { error: `--format must be one of ${OUTPUT_FORMATS.join(', ')}, not \`${format}\`` };
  const stdinKindText = text('stdin-kind');
  if (stdinKindText !== undefined && !isDocumentKind(stdinKindText)) {
    return { error: `--stdin-kind must be one of ${allDocumentKinds().join(', ')}, not \`${stdinKindText}\`` };
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (text('max-file-size') !== undefined) {
    const parsed = parseByteSize(text('max-file-size')!);
    if (parsed === undefined)
      return { error: `--max-file-size must be a positive number of bytes (e.g. 1048576, 512k, 64m), not \`${text('max-file-size')}\`` };
    maxFileSize = parsed;
  }
  const maxWarnings = parseCount('--max-warnings', text('max-warnings'), 0);
  if (typeof maxWarnings === 'string') return { error: maxWarnings };
  const jobs = parseCount('--jobs', text('jobs'), 1);
  if (typeof jobs === 'string') return { error: jobs };
  const updateBaseline = values['update-baseline'] === true;
  const baseline = text('baseline');
  if (updateBaseline && baseline === undefined) return { error: '--update-baseline needs --baseline FILE' };
  for (const [name, value] of [
    ['--rule', list('rule')],
    ['--category', list('category')],
  ] as const) {
    if (value.some((item) => item.trim() === '')) return { error: `${name} needs a name` };
  }

  const stdinFilepath = text('stdin-filepath');
  const targets = positionals.length > 0 ? positionals : stdinFilepath !== undefined ? ['-'] : ['.'];
  if (targets.filter((target) => target === '-').length > 1) return { error: '`-` (standard input) can be given only once' };
  if (stdinFilepath !== undefined && !targets.includes('-'))
    return { error: '--stdin-filepath names what `-` (standard input) stands for; give `-` among the paths' };
  if (stdinFilepath !== undefined && stdinFilepath.trim() === '') return { error: '--stdin-filepath needs a path' };
  const stdinKind: DocumentKind =
    (stdinKindText as DocumentKind | undefined) ?? (stdinFilepath !== undefined ? kindOfPath(stdinFilepath) : 'markdown');

  return {
    command: {
      kind: 'check',
      format: format as OutputFormat,
      fix: values.fix === true,
      updateBaseline,
      maxFileSize,
      stdinKind,
      stdinKindGiven: stdinKindText !== undefined,
      quiet: values.quiet === true,
      rules: list('rule'),
      categories: list('category'),
      cache: values.cache === true,
      allowBrokenPacks: values['allow-broken-packs'] === true,
      cacheLocation: text('cache-location') ?? DEFAULT_CACHE_LOCATION,
      targets,
      ...(lastColorFlag !== undefined ? { color: lastColorFlag === 'color' } : {}),
      ...(maxWarnings !== undefined ? { maxWarnings } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      ...optionalString('config', text('config')),
      ...optionalString('baseline', baseline),
      ...optionalString('outputFile', text('output-file')),
      ...optionalString('stdinFilepath', stdinFilepath),
      ...optionalString('changedSince', text('changed-since')),
    },
  };
}

/** A whole number of at least `min`, undefined when absent, or a usage error message. */
function parseCount(name: string, value: string | undefined, min: number): number | undefined | string {
  if (value === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    return `${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not \`${value}\``;
  }
  return Number(value);
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

function parse(
  argv: readonly string[],
  options: OptionSpec,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[]; lastColorFlag?: 'color' | 'no-color' } {
  const { values, positionals, tokens } = parseNodeArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
  // `--color` and `--no-color` may both appear (an alias adds one); as elsewhere, the last one wins.
  let lastColorFlag: 'color' | 'no-color' | undefined;
  for (const token of tokens ?? [])
    if (token.kind === 'option' && (token.name === 'color' || token.name === 'no-color')) lastColorFlag = token.name;
  return {
    values: values as Record<string, string | boolean | string[] | undefined>,
    positionals,
    ...(lastColorFlag ? { lastColorFlag } : {}),
  };
}

function optionalString<K extends string>(key: K, value: string | boolean | string[] | undefined): { [P in K]?: string } {
  return typeof value === 'string' ? ({ [key]: value } as { [P in K]?: string }) : {};
}

function isCommandName(value: string): value is CommandName {
  return (COMMANDS as readonly string[]).includes(value);
}

/** Parses `1048576`, `512k`, `64m`, `1g` (binary multiples, case-insensitive, optional `b`/`ib`). */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(text);
  if (!match) return undefined;
  const multiplier = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const value = Math.floor(Number(match[1]) * multiplier);
  return value > 0 && Number.isSafeInteger(value) ? value : undefined;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages end with a hint about `--`; keep the first sentence.
  return message
    .split('. To specify a positional')[0]!
    .replace(/^Unknown option '(.+)'$/, 'unknown option `$1`')
    .replace(/^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing$/, '$1 needs a value');
}

/** The option lines of `check --help`, from CHECK_OPTIONS. */
function checkOptionsHelp(): string {
  const lines: string[] = [];
  for (const option of CHECK_OPTIONS) {
    const names = `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.value ? ` ${option.value}` : ''}`;
    const [first, ...more] = option.help;
    lines.push(`  ${names.padEnd(26)} ${first}`);
    for (const line of more) lines.push(`${' '.repeat(29)}${line}`);
  }
  return lines.join('\n');
}

/** The help text for the program or one command. */
export function helpText(topic?: CommandName): string {
  switch (topic) {
    case 'check':
      return `Usage: termguard check [options] [PATH|GLOB|- ...]

Checks prose files (.md, .markdown, .mdx, .txt, .html, .htm, .adoc, .rst,
.ipynb). Directories are walked respecting .gitignore; source code, .vue,
.svelte and locale files too when .termguard.yaml lists their kinds under
\`kinds:\` or \`readers:\`. A file named here is always checked; globs
match any file; \`-\` reads standard input.
Default target: the current directory.

Options:
${checkOptionsHelp()}

Colour: --color and --no-color win over FORCE_COLOR (1 on, 0 off), which wins
over NO_COLOR; otherwise the stylish report is coloured on a terminal.

Exit status: 0 no error findings, 1 error findings (or more warnings than
--max-warnings), 2 usage or configuration error, or a named file that could not
be checked or written.
`;
    case 'test':
      return `Usage: termguard test [--config FILE] [PACK ...]

Runs the bad/good examples of every rule of the given packs (default: the
built-in packs and the packs of the nearest .termguard.yaml). Exit 1 when an
example fails.
`;
    case 'explain':
      return `Usage: termguard explain [--config FILE] RULE_ID
       termguard explain class:NAME

Prints a rule's message, reason, alternatives and examples, or a meaning
class's members (class:contact), where they come from and what was left out.
`;
    case 'define':
      return `Usage: termguard define [--config FILE] TERM

Prints the glossary entry for TERM.
`;
    case 'init':
      return `Usage: termguard init

Writes a commented .termguard.yaml in the current folder. Refuses to replace
one that exists.
`;
    case 'print-config':
      return `Usage: termguard print-config [--config FILE] FILE

Prints, as JSON, the configuration that applies to FILE: the config files
merged, the packs loaded, the severity overrides, the ignore globs, and
whether FILE is ignored.
`;
    case 'list-rules':
      return `Usage: termguard list-rules [--config FILE] [--format table|json]

Lists the rules of the built-in packs and the packs of the nearest
.termguard.yaml (or --config), with their severity as the config sets it.
`;
    case 'list-terms':
      return `Usage: termguard list-terms [--config FILE] [--format table|json]

Lists the glossary terms of the built-in packs and the packs of the nearest
.termguard.yaml (or --config).
`;
    case 'server':
      return `Usage: termguard server --stdio

Starts the Termguard language server on standard input/output.
`;
    default:
      return `Usage: termguard <command> [options]

Commands:
  check [PATH|GLOB|- ...]   check files against the wording rules
  test [PACK ...]           run the examples of rule packs
  explain RULE_ID           explain a rule
  define TERM               show a glossary entry
  init                      write a commented .termguard.yaml here
  print-config FILE         show the configuration that applies to FILE (JSON)
  list-rules                list the rules (--format json for JSON)
  list-terms                list the glossary terms (--format json for JSON)
  server --stdio            start the language server

Options:
  -h, --help                show help (also: termguard <command> --help)
  -v, --version             show the version
`;
  }
}
