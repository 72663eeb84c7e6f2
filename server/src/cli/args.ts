/**
 * Command-line parsing. Produces a typed command or a usage error; never
 * touches the file system.
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import type { DocumentKind } from '../engine/api';

/** Output formats of `termguard check`. */
export type OutputFormat = 'stylish' | 'json' | 'sarif';

/** 64 MiB: files above this size are skipped with a note. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/** Options of `termguard check`. */
export interface CheckCommand {
  readonly kind: 'check';
  readonly format: OutputFormat;
  readonly config?: string;
  readonly fix: boolean;
  readonly baseline?: string;
  readonly updateBaseline: boolean;
  readonly maxFileSize: number;
  readonly stdinKind: DocumentKind;
  /** Paths, globs and `-`; `.` when none is given. */
  readonly targets: readonly string[];
}

/** A parsed command line. */
export type Command =
  | { readonly kind: 'help'; readonly topic?: CommandName }
  | { readonly kind: 'version' }
  | CheckCommand
  | { readonly kind: 'test'; readonly packs: readonly string[]; readonly config?: string }
  | { readonly kind: 'explain'; readonly ruleId: string; readonly config?: string }
  | { readonly kind: 'define'; readonly term: string; readonly config?: string }
  | { readonly kind: 'server'; readonly transport: 'stdio' };

/** Names of the subcommands. */
export type CommandName = 'check' | 'test' | 'explain' | 'define' | 'server';

const COMMANDS: readonly CommandName[] = ['check', 'test', 'explain', 'define', 'server'];

/** The outcome of parsing: a command, or a usage error message. */
export type ParseResult = { readonly command: Command } | { readonly error: string };

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
    switch (first) {
      case 'check':
        return parseCheck(rest);
      case 'test': {
        const { values, positionals } = parse(rest, { config: { type: 'string' } });
        return { command: { kind: 'test', packs: positionals, ...optionalString('config', values.config) } };
      }
      case 'explain': {
        const { values, positionals } = parse(rest, { config: { type: 'string' } });
        if (positionals.length !== 1) return { error: 'explain takes exactly one RULE_ID' };
        return { command: { kind: 'explain', ruleId: positionals[0]!, ...optionalString('config', values.config) } };
      }
      case 'define': {
        const { values, positionals } = parse(rest, { config: { type: 'string' } });
        const term = positionals.join(' ').trim();
        if (term === '') return { error: 'define takes a TERM' };
        return { command: { kind: 'define', term, ...optionalString('config', values.config) } };
      }
      case 'server': {
        const { values, positionals } = parse(rest, { stdio: { type: 'boolean' } });
        if (positionals.length > 0) return { error: `unexpected argument \`${positionals[0]}\`` };
        if (!values.stdio) return { error: 'server needs a transport: --stdio' };
        return { command: { kind: 'server', transport: 'stdio' } };
      }
    }
  } catch (error) {
    return { error: describeParseError(error) };
  }
}

function parseCheck(argv: readonly string[]): ParseResult {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    fix: { type: 'boolean' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    'stdin-kind': { type: 'string' },
  });
  const format = (values.format as string | undefined) ?? 'stylish';
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') {
    return { error: `--format must be stylish, json or sarif, not \`${format}\`` };
  }
  const stdinKind = (values['stdin-kind'] as string | undefined) ?? 'markdown';
  if (stdinKind !== 'markdown' && stdinKind !== 'plaintext') {
    return { error: `--stdin-kind must be markdown or plaintext, not \`${stdinKind}\`` };
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (values['max-file-size'] !== undefined) {
    const parsed = parseByteSize(values['max-file-size'] as string);
    if (parsed === undefined) return { error: `--max-file-size must be a positive number of bytes (e.g. 1048576, 512k, 64m), not \`${values['max-file-size']}\`` };
    maxFileSize = parsed;
  }
  const updateBaseline = values['update-baseline'] === true;
  const baseline = values.baseline as string | undefined;
  if (updateBaseline && baseline === undefined) return { error: '--update-baseline needs --baseline FILE' };
  const targets = positionals.length > 0 ? positionals : ['.'];
  if (targets.filter((target) => target === '-').length > 1) return { error: '`-` (standard input) can be given only once' };
  return {
    command: {
      kind: 'check',
      format,
      fix: values.fix === true,
      updateBaseline,
      maxFileSize,
      stdinKind,
      targets,
      ...optionalString('config', values.config as string | undefined),
      ...optionalString('baseline', baseline),
    },
  };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(argv: readonly string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const { values, positionals } = parseNodeArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  return { values: values as Record<string, string | boolean | undefined>, positionals };
}

function optionalString<K extends string>(key: K, value: string | boolean | undefined): { [P in K]?: string } {
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
  return message.split('. To specify a positional')[0]!.replace(/^Unknown option '(.+)'$/, 'unknown option `$1`');
}

/** The help text for the program or one command. */
export function helpText(topic?: CommandName): string {
  switch (topic) {
    case 'check':
      return `Usage: termguard check [options] [PATH|GLOB|- ...]

Checks Markdown (.md, .markdown) and text (.txt) files. Directories are walked
respecting .gitignore; globs match any file; \`-\` reads standard input.
Default target: the current directory.

Options:
  -f, --format FORMAT      stylish (default), json or sarif
  -c, --config FILE        use only this config file (no .termguard.yaml lookup)
      --fix                apply each finding's first fix in place
                           (with \`-\`, print the fixed text; the report goes to stderr)
      --baseline FILE      hide findings recorded in this baseline file
      --update-baseline    record all current findings in the --baseline file
      --max-file-size N    skip larger files (bytes, or 512k, 64m; default 64m);
                           a larger file named on the command line is an error
      --stdin-kind KIND    markdown (default) or plaintext, for \`-\`

Exit status: 0 no error findings, 1 error findings, 2 usage or configuration
error, or a named file that could not be checked or written.
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
  server --stdio            start the language server

Options:
  -h, --help                show help (also: termguard <command> --help)
  -v, --version             show the version
`;
  }
}
