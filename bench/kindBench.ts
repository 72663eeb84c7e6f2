/**
 * The document kinds as `npm run bench` measures them: for each kind, a
 * generated document, the reader's own speed (a whole scan), the engine's
 * (a whole check: reader, tokenizer, rules) and, in lspLatency.ts, the
 * keystroke-to-diagnostics latency of a 10,000-line document. Also the two
 * HTML parsers the HTML reader was chosen from, on the same page.
 */
import { Tokenizer } from 'htmlparser2';
import { parse as parse5 } from 'parse5';
import type { DocumentKind } from '../server/src/engine/api';
import { readerFor } from '../server/src/engine/prose/readers';
import { markdownCorpus, plainTextCorpus } from './corpus';
import {
  generateAsciiDoc,
  generateGitCommit,
  generateHtml,
  generateJson,
  generateMdx,
  generateNotebook,
  generatePython,
  generateRst,
  generateTypeScript,
  generateVue,
  generateYaml,
} from './kindCorpora';

/** One kind of document as the benchmark uses it. */
export interface KindBench {
  readonly kind: DocumentKind;
  /** A document of about `bytes` characters. */
  readonly generate: (bytes: number) => string;
  /** The language id an editor opens such a file with, and a file name that selects the kind. */
  readonly languageId: string;
  readonly fileName: string;
  /** Where a user types in prose: the end of the first match on a line, searched from the middle of the document. */
  readonly typingSite: RegExp;
  /** The throughput target of a whole check, MB/s. */
  readonly targetMBps: number;
  /** Makes `lines` cut lines of a generated document whole again (a JSON file's closing brace). */
  readonly close?: (lines: string[]) => string[];
}

/** Every kind the benchmark measures: the prose formats, source code, components, locale files and notebooks. */
export const KIND_BENCHES: readonly KindBench[] = [
  {
    kind: 'markdown',
    generate: (bytes) => markdownCorpus(bytes),
    languageId: 'markdown',
    fileName: 'bench.md',
    typingSite: /^(?=[A-Za-z])/,
    targetMBps: 10,
  },
  {
    kind: 'plaintext',
    generate: (bytes) => plainTextCorpus(bytes),
    languageId: 'plaintext',
    fileName: 'bench.txt',
    typingSite: /^(?=[A-Za-z])/,
    targetMBps: 5,
  },
  { kind: 'mdx', generate: generateMdx, languageId: 'mdx', fileName: 'bench.mdx', typingSite: /^(?=[A-Za-z])/, targetMBps: 5 },
  { kind: 'html', generate: generateHtml, languageId: 'html', fileName: 'bench.html', typingSite: /^<p>(?=[a-z])/, targetMBps: 5 },
  { kind: 'vue', generate: generateVue, languageId: 'vue', fileName: 'Bench.vue', typingSite: /<h3>/, targetMBps: 5 },
  { kind: 'asciidoc', generate: generateAsciiDoc, languageId: 'asciidoc', fileName: 'bench.adoc', typingSite: /^(?=[a-z])/, targetMBps: 5 },
  {
    kind: 'rst',
    generate: generateRst,
    languageId: 'restructuredtext',
    fileName: 'bench.rst',
    typingSite: /^(?=[a-z][^:]*\.$)/,
    targetMBps: 5,
  },
  {
    kind: 'gitcommit',
    generate: generateGitCommit,
    languageId: 'git-commit',
    fileName: 'COMMIT_EDITMSG',
    typingSite: /^(?=[A-Z])/,
    targetMBps: 5,
  },
  {
    kind: 'typescriptreact',
    generate: generateTypeScript,
    languageId: 'typescriptreact',
    fileName: 'bench.tsx',
    typingSite: /^ {2}\/\/ /,
    targetMBps: 5,
  },
  { kind: 'python', generate: generatePython, languageId: 'python', fileName: 'bench.py', typingSite: /^# /, targetMBps: 5 },
  {
    kind: 'json',
    generate: generateJson,
    languageId: 'json',
    fileName: 'locales/en.json',
    typingSite: /": "/,
    targetMBps: 5,
    close: (lines) => [...lines.slice(0, -2), '  "last": "End."', '}'],
  },
  {
    kind: 'yaml',
    generate: generateYaml,
    languageId: 'yaml',
    fileName: 'locales/en.yaml',
    typingSite: /^ {2}\w+: (?=[A-Z])/,
    targetMBps: 5,
  },
  {
    kind: 'notebook',
    generate: generateNotebook,
    languageId: 'json',
    fileName: 'bench.ipynb',
    typingSite: /^ {4}"(?=[A-Z])/,
    targetMBps: 5,
  },
];

/** A document of a kind with at least `lines` lines: cut to exactly `lines`, except notebooks (kept whole, so they stay JSON). */
export function documentOfLines(bench: KindBench, lines: number): string {
  let bytes = lines * 50;
  for (;;) {
    const text = bench.generate(bytes);
    const all = text.split('\n');
    if (all.length >= lines) {
      if (bench.kind === 'notebook') return text;
      const cut = all.slice(0, lines);
      return (bench.close ? bench.close(cut) : cut).join('\n');
    }
    bytes *= 2;
  }
}

/** Where to type in `text`: a line and column at the kind's typing site, at or after the middle line. */
export function typingPosition(bench: KindBench, text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const match = bench.typingSite.exec(lines[line]!);
    if (match) return { line, character: match.index + match[0].length };
  }
  throw new Error(`no place to type in the ${bench.kind} document`);
}

/** The best of three whole scans of `text` by the kind's reader, in MB/s (of UTF-16 code units), and the blocks it yields. */
export function readerThroughput(kind: DocumentKind, text: string): { megabytesPerSecond: number; blocks: number } {
  const reader = readerFor(kind);
  let blocks = 0;
  for (const block of reader.scanBlocks(text)) if (block) blocks++;
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    for (const block of reader.scanBlocks(text)) void block;
    best = Math.min(best, performance.now() - started);
  }
  return { megabytesPerSecond: text.length / 1024 / 1024 / (best / 1000), blocks };
}

const noop = (): void => {};

/** MB/s of the htmlparser2 tokenizer alone (callbacks that do nothing: the floor under the HTML reader) and of a parse5 tree with locations. */
export function htmlParserThroughput(text: string): { htmlparser2: number; parse5: number } {
  const megabytes = text.length / 1024 / 1024;
  const timed = (run: () => void): number => {
    const started = performance.now();
    run();
    return megabytes / ((performance.now() - started) / 1000);
  };
  const tokenize = (): void => {
    const callbacks = {
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      onclosetag: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onopentagend: noop,
      onopentagname: noop,
      onprocessinginstruction: noop,
      onselfclosingtag: noop,
      ontext: noop,
      ontextentity: noop,
    };
    const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
    tokenizer.write(text);
    tokenizer.end();
  };
  tokenize();
  return {
    htmlparser2: Math.max(timed(tokenize), timed(tokenize)),
    parse5: timed(() => void parse5(text, { sourceCodeLocationInfo: true })),
  };
}
