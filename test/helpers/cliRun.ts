/**
 * Test support for the CLI tests: an in-memory CliIO, temp folders, and a
 * small but real Engine implementation (a test double, not a mock) whose
 * "packs" are line-based text files:
 *
 *   rule ID WORD SEVERITY [REPLACEMENT] [category=NAME]
 *                                         flag WORD (whole word, case-sensitive); category `test` by default
 *   example ID bad|good TEXT              an example sentence of rule ID
 *   term TERM DEFINITION...               a glossary entry
 *   problem WORD CODE                     a document problem (hint) at each WORD
 *   broken                                a load problem at this line
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  CheckOptions,
  CheckResult,
  DocumentKind,
  DocumentSession,
  Engine,
  ExampleResult,
  Finding,
  GlossaryEntry,
  PackSource,
  Problem,
  RuleInfo,
  Severity,
} from '../../server/src/engine/api';
import type { CliDependencies, CliIO, CliWriter } from '../../server/src/cli/main';
import { main } from '../../server/src/cli/main';

interface FakeRule {
  readonly info: RuleInfo;
  readonly word: string;
  readonly replacement?: string;
  readonly exampleLines: { bad: number[]; good: number[] };
}

/** A real, tiny Engine over the line-based pack format described above. */
export class FakeEngine implements Engine {
  readonly problems: Problem[] = [];
  private readonly ruleList: FakeRule[] = [];
  private readonly entries: GlossaryEntry[] = [];
  private readonly problemWords: { word: string; code: string }[] = [];

  constructor(readonly packs: readonly PackSource[]) {
    for (const pack of packs) this.load(pack);
  }

  private load(pack: PackSource): void {
    const problems: Problem[] = [];
    const rules: FakeRule[] = [];
    const entries: GlossaryEntry[] = [];
    pack.text.split(/\r?\n/).forEach((line, index) => {
      const [keyword, ...rest] = line.trim().split(/\s+/);
      if (keyword === 'rule') {
        const [id, word, severity, ...more] = rest as [string, string, Severity, ...string[]];
        const category = more.find((token) => token.startsWith('category='))?.slice('category='.length) ?? 'test';
        const replacement = more.find((token) => !token.startsWith('category='));
        rules.push({
          word,
          ...(replacement ? { replacement } : {}),
          exampleLines: { bad: [], good: [] },
          info: {
            id,
            category,
            severity,
            message: `Avoid "${word}".`,
            reason: `"${word}" is not allowed here.`,
            alternatives: replacement ? [replacement] : [],
            patterns: [word],
            examples: { bad: [], good: [] },
            source: { file: pack.file, line: index },
          },
        });
      } else if (keyword === 'example') {
        const [id, kind, ...words] = rest as [string, 'bad' | 'good', ...string[]];
        const rule = rules.find((candidate) => candidate.info.id === id);
        if (rule) {
          (rule.info.examples[kind] as string[]).push(words.join(' '));
          rule.exampleLines[kind].push(index);
        }
      } else if (keyword === 'term') {
        const [term, ...definition] = rest as [string, ...string[]];
        entries.push({
          id: term,
          term,
          forms: [term],
          definition: definition.join(' '),
          facts: ['a fact'],
          guidance: 'use it well',
          source: { file: pack.file, line: index },
        });
      } else if (keyword === 'problem') {
        const [word, code] = rest as [string, string];
        this.problemWords.push({ word, code });
      } else if (keyword === 'broken') {
        problems.push({ file: pack.file, line: index, column: 2, severity: 'error', message: 'this pack is broken', code: 'schema' });
      }
    });
    this.problems.push(...problems);
    if (problems.some((problem) => problem.severity === 'error')) return;
    this.ruleList.push(...rules);
    this.entries.push(...entries);
  }

  check(text: string, _kind: DocumentKind, options?: CheckOptions): CheckResult {
    const findings: Finding[] = [];
    for (const rule of this.ruleList) {
      const override = options?.severityOverrides?.[rule.info.id] ?? options?.severityOverrides?.[`category:${rule.info.category}`];
      if (override === 'off') continue;
      const severity = override ?? rule.info.severity;
      const pattern = new RegExp(`\\b${rule.word}\\b`, 'g');
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const range = { start: match.index, end: match.index + rule.word.length };
        findings.push({
          ruleId: rule.info.id,
          category: rule.info.category,
          severity,
          message: rule.info.message,
          range,
          matchedText: rule.word,
          sentence: sentenceAround(text, range.start),
          fixes: rule.replacement ? [{ title: `Replace with "${rule.replacement}"`, edits: [{ range, newText: rule.replacement }] }] : [],
        });
      }
    }
    findings.sort((a, b) => a.range.start - b.range.start);
    return { findings, problems: this.documentProblems(text) };
  }

  private documentProblems(text: string): Problem[] {
    const problems: Problem[] = [];
    for (const { word, code } of this.problemWords) {
      const pattern = new RegExp(`\\b${word}\\b`, 'g');
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const before = text.slice(0, match.index);
        const line = before.split('\n').length - 1;
        const column = match.index - (before.lastIndexOf('\n') + 1);
        const range = { start: match.index, end: match.index + word.length };
        problems.push({ file: '', line, column, range, severity: 'hint', message: `Document problem at "${word}".`, code });
      }
    }
    return problems;
  }

  openDocument(text: string, kind: DocumentKind, options?: CheckOptions): DocumentSession {
    // The session's methods below are plain functions that need the wrapped engine.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const engine = this;
    let current = text;
    return {
      get text() {
        return current;
      },
      update(edits) {
        for (const edit of edits) current = current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end);
        return engine.check(current, kind, options);
      },
      applyEdits(edits) {
        this.update(edits);
        return undefined;
      },
      result: () => engine.check(current, kind, options),
      termAt: () => undefined,
    };
  }

  rules(): readonly RuleInfo[] {
    return this.ruleList.map((rule) => rule.info);
  }

  rule(id: string): RuleInfo | undefined {
    return this.ruleList.find((rule) => rule.info.id === id)?.info;
  }

  glossary(): readonly GlossaryEntry[] {
    return this.entries;
  }

  define(term: string): GlossaryEntry | undefined {
    return this.entries.find((entry) => entry.term.toLowerCase() === term.toLowerCase());
  }

  termAt(): undefined {
    return undefined;
  }

  runExamples(files?: readonly string[]): readonly ExampleResult[] {
    const results: ExampleResult[] = [];
    for (const rule of this.ruleList) {
      if (files && !files.includes(rule.info.source.file)) continue;
      for (const kind of ['bad', 'good'] as const) {
        rule.info.examples[kind].forEach((text, index) => {
          const found = this.check(text, 'plaintext').findings.some((finding) => finding.ruleId === rule.info.id);
          const passed = kind === 'bad' ? found : !found;
          results.push({
            ruleId: rule.info.id,
            kind,
            text,
            passed,
            ...(passed ? {} : { detail: kind === 'bad' ? 'expected a finding, got none' : 'expected no finding' }),
            source: { file: rule.info.source.file, line: rule.exampleLines[kind][index]! },
          });
        });
      }
    }
    return results;
  }
}

function sentenceAround(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && !/[.!?\n]/.test(text[end]!)) end++;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** An in-memory CliIO and what was written to it. */
export interface MemoryIO extends CliIO {
  out(): string;
  err(): string;
}

/** Creates an in-memory IO rooted at `cwd`, with optional stdin bytes. */
export function memoryIO(
  cwd: string,
  options: { stdin?: string | Uint8Array; color?: boolean; isTTY?: boolean; env?: Record<string, string> } = {},
): MemoryIO {
  let out = '';
  let err = '';
  return {
    cwd,
    stdout: { write: (text: string) => void (out += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text: string) => void (err += text), isTTY: false },
    readStdin: async () =>
      typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array()),
    env: options.env ?? {},
    ...(options.color !== undefined ? { color: options.color } : {}),
    out: () => out,
    err: () => err,
  };
}

const createdDirs: string[] = [];
process.on('exit', () => {
  for (const dir of createdDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder (removed when the process exits). */
function tempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  createdDirs.push(dir);
  return dir;
}

/** A fresh temp folder holding `files` (path → content), removed when the test process exits. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): string {
  const root = tempDir('termguard-cli-');
  writeTree(root, files);
  return root;
}

/** Writes files (path → content) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** The default built-in pack of the tests: one error rule with a fix, one warning rule without. */
export const BUILTIN_PACK = [
  'rule no-forbidden forbidden error allowed',
  'example no-forbidden bad This is forbidden.',
  'example no-forbidden good This is allowed.',
  'rule no-meh meh warning',
  'term widget A small part.',
].join('\n');

/** Options of `run`. */
export interface RunOptions {
  stdin?: string | Uint8Array;
  builtin?: string[];
  color?: boolean;
  isTTY?: boolean;
  env?: Record<string, string>;
  onEngine?: (packs: readonly PackSource[]) => void;
  /** Wraps each engine built (to observe or alter checks). */
  wrapEngine?: (engine: Engine) => Engine;
  /** Replaces the in-memory stdout (then `out` is empty). */
  stdout?: CliWriter;
  /** More collaborators of `main` (they win over the defaults of `run`). */
  dependencies?: Partial<CliDependencies>;
}

/** Runs main in `cwd` with the fake engine and a built-in pack at `<cwd>/.builtin/core.termguard.yaml` (or `builtin`). */
export async function run(
  cwd: string,
  argv: string[],
  options: RunOptions = {},
): Promise<{ code: number; out: string; err: string; io: MemoryIO }> {
  const memory = memoryIO(cwd, options);
  const io: MemoryIO = options.stdout ? { ...memory, stdout: options.stdout } : memory;
  let builtin = options.builtin;
  if (!builtin) {
    const dir = tempDir('termguard-builtin-');
    const file = path.join(dir, 'core.termguard.yaml');
    fs.writeFileSync(file, BUILTIN_PACK);
    builtin = [file];
  }
  const dependencies: CliDependencies = {
    engineFactory: (packs) => {
      options.onEngine?.(packs);
      const engine = new FakeEngine(packs);
      return options.wrapEngine ? options.wrapEngine(engine) : engine;
    },
    builtinPackFiles: () => builtin!,
    version: '9.9.9',
    ...options.dependencies,
  };
  const code = await main(argv, io, dependencies);
  return { code, out: io.out(), err: io.err(), io };
}
