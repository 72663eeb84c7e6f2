/**
 * Compares the Markdown reader with commonmark.js, the CommonMark reference
 * parser, by the words each gives the engine. Used by
 * markdown-conformance.test.ts.
 */
import { createRequire } from 'node:module';
import { Parser, type Node } from 'commonmark';
import { readerFor } from '../../server/src/engine/prose/readers';
import type { ProseUnit } from '../../server/src/engine/prose/prose';
import { tokenizeUnit } from '../../server/src/engine/text/tokenize';

/** One example of the CommonMark specification. */
export interface SpecExample {
  readonly number: number;
  readonly section: string;
  /** The Markdown, with the spec's `→` turned back into the tab it stands for. */
  readonly markdown: string;
}

/** The examples of the CommonMark specification that the `commonmark-spec` package holds. */
export function specExamples(): SpecExample[] {
  const spec = createRequire(__filename)('commonmark-spec') as { tests: { number: number; section: string; markdown: string }[] };
  return spec.tests.map((test) => ({ number: test.number, section: test.section, markdown: test.markdown.replace(/→/g, '\t') }));
}

/** The word tokens the engine's tokenizer finds in `units` of `text`, opaque tokens left out. */
function words(text: string, units: readonly ProseUnit[]): string[] {
  const out: string[] = [];
  for (const unit of units) {
    tokenizeUnit(text, unit, (sentence) => {
      for (const token of sentence.tokens) if (!token.opaque) out.push(token.text);
    });
  }
  return out;
}

/** The words the Markdown reader yields as prose. */
export function readerWords(markdown: string): string[] {
  const units = [...readerFor('markdown').scanBlocks(markdown)].flatMap((block) => block.units);
  return words(markdown, units);
}

/** Whether a link node is an autolink (`<https://...>`, `<me@example.com>`): its text is its destination. */
function isAutolink(node: Node): boolean {
  const child = node.firstChild;
  if (!child || child !== node.lastChild || child.type !== 'text' || node.destination === null) return false;
  const text = child.literal ?? '';
  return node.destination === text || node.destination === `mailto:${text}` || decodeURI(node.destination) === text;
}

const BLOCK_CONTAINERS = new Set(['document', 'block_quote', 'list', 'item', 'paragraph', 'heading', 'custom_block']);

/**
 * The words commonmark.js renders as text: text nodes (in paragraphs,
 * headings, emphasis, link text...), with line breaks and block boundaries as
 * spaces. Code, HTML, images, autolinks and link destinations are not text;
 * each stands where a word would (as the reader's opaque words do), except
 * HTML comments, which render as nothing.
 */
export function referenceWords(markdown: string): string[] {
  const document = new Parser().parse(markdown);
  const walker = document.walker();
  const pieces: string[] = [];
  for (let step = walker.next(); step; step = walker.next()) {
    const node = step.node;
    switch (node.type) {
      case 'text':
        pieces.push(node.literal ?? '');
        break;
      case 'softbreak':
      case 'linebreak':
        pieces.push('\n');
        break;
      case 'code':
      case 'thematic_break':
        pieces.push(' ');
        break;
      case 'html_inline':
        if (!/^<!--/.test(node.literal ?? '')) pieces.push(' ');
        break;
      case 'code_block':
      case 'html_block':
      case 'image':
        pieces.push(' ');
        if (step.entering && node.type === 'image') walker.resumeAt(node, false);
        break;
      case 'link':
        if (step.entering && isAutolink(node)) {
          pieces.push(' ');
          walker.resumeAt(node, false);
        }
        break;
      default:
        // Block boundaries: a sentence never runs from one block into the next. Inline containers (emphasis, links) join their text.
        if (BLOCK_CONTAINERS.has(node.type)) pieces.push('\n\n');
    }
  }
  const text = pieces.join('');
  // One unit per stretch of text, so that the tokenizer reads it as the engine reads prose.
  const segments: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^\s]+/g)) segments.push({ start: match.index, end: match.index + match[0].length });
  return words(text, segments.length > 0 ? [{ segments }] : []);
}

/** A spec example where the two disagree, with both word lists. */
export interface Difference {
  readonly example: SpecExample;
  readonly reader: readonly string[];
  readonly reference: readonly string[];
}

/** Compares every spec example; returns the differences. */
export function compareWithReference(examples: readonly SpecExample[]): Difference[] {
  const differences: Difference[] = [];
  for (const example of examples) {
    const reader = readerWords(example.markdown);
    const reference = referenceWords(example.markdown);
    if (reader.join('\u0001') !== reference.join('\u0001')) differences.push({ example, reader, reference });
  }
  return differences;
}
