/**
 * The Markdown reader: cuts a Markdown document into top-level blocks (the
 * front matter, the blank lines at the start, then one {@link parseBlock}
 * after another). This is the entry point of the `markdown/` folder:
 *
 * - `blocks.ts`, `containers.ts`, `leafBlocks.ts`, `htmlBlocks.ts`,
 *   `tables.ts`, `paragraphs.ts`, `linkReferenceDefinitions.ts`,
 *   `frontMatter.ts` and `lines.ts`: the block pass, with its state in
 *   `blockState.ts`;
 * - `inlines.ts`, `emphasis.ts`, `links.ts`, `codeSpans.ts`, `autolinks.ts`
 *   and `inlineHtml.ts`: the inline pass, with its state in `inlineState.ts`;
 * - `segments.ts`: from the inline pass's marks to prose segments;
 * - `characters.ts`: character classes.
 */
import type { ProseBlock } from '../prose';
import type { DocumentReader } from '../reader';
import { BlockState } from './blockState';
import { parseBlock } from './blocks';
import { frontMatterEnd, opensUnclosedFrontMatter } from './frontMatter';
import { isBlankFrom, setLine } from './lines';

/** Reads Markdown (CommonMark with GitHub's tables, task lists, strikethrough, autolinks and footnotes). */
export const markdownReader: DocumentReader = Object.freeze({
  kind: 'markdown',
  scanBlocks: scanMarkdownBlocks,
  commentSyntax: Object.freeze({ open: '<!--', close: '-->' }),
  opensUnclosedPreamble: opensUnclosedFrontMatter,
});

/**
 * Cuts a Markdown document into top-level blocks with their prose.
 *
 * Yields blocks that tile `text` from `from` to `text.length`. A top-level
 * block is the outermost container or leaf: a paragraph, a heading, a whole
 * list, a whole block quote, a table, a code block, an HTML block, a thematic
 * break, or YAML front matter (only at offset 0, with no units). Blank lines
 * belong to the block before them; blank lines at the very start form their
 * own block.
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan yields
 * from that point on, because each block is parsed without looking at
 * anything before it. Runs in time linear in the length of the text.
 */
export function* scanMarkdownBlocks(text: string, from = 0): Generator<ProseBlock> {
  const length = text.length;
  let pos = from > 0 ? (from < length ? from : length) : 0;
  /** Where the next yielded block starts; differs from `pos` only after a byte-order mark. */
  let start = pos;
  if (pos === 0 && length > 0 && text.charCodeAt(0) === 0xfeff) pos = 1;
  const state = new BlockState(text);
  if (start === 0 && pos < length) {
    const end = frontMatterEnd(text, pos);
    if (end > 0) {
      pos = skipBlankLines(state, end);
      yield { start, end: pos, units: [], comments: [] };
      start = pos;
    }
  }
  if (pos < length) {
    const end = skipBlankLines(state, pos);
    if (end > pos) {
      yield { start, end, units: [], comments: [] };
      pos = start = end;
    }
  }
  while (pos < length) {
    const block = parseBlock(state, pos);
    let end = block.end;
    if (end <= pos) {
      // cannot happen; guarantees progress if it ever did
      setLine(state, pos);
      end = state.nextLineStart;
    }
    state.inline.release();
    yield start === block.start && end === block.end ? block : { start, end, units: block.units, comments: block.comments };
    pos = start = end;
  }
  if (start < length) yield { start, end: length, units: [], comments: [] };
}

/** Extends `end` over the blank lines that follow it. */
function skipBlankLines(state: BlockState, end: number): number {
  let pos = end;
  while (pos < state.length) {
    setLine(state, pos);
    if (!isBlankFrom(state.text, pos, state.lineEnd)) return pos;
    pos = state.nextLineStart;
  }
  return state.length;
}
