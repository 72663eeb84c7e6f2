/**
 * Paragraphs and one-line units. The block pass collects a paragraph's lines
 * and, when the paragraph closes, strips the link reference definitions and
 * a footnote definition's label at its start, then runs the inline pass over
 * the rest. Headings and table cells are one-line units read the same way.
 */
import type { BlockState } from './blockState';
import { Char } from './characters';
import { grown } from './inlineState';
import { parseInlines } from './inlines';
import { trimEnd } from './lines';
import { linkReferenceDefinitionLines } from './linkReferenceDefinitions';

/** Adds the line [start, end), without trailing spaces, to the open paragraph. */
export function addParagraphLine(state: BlockState, start: number, end: number): void {
  end = trimEnd(state.text, start, end);
  const count = state.paragraphLineCount;
  if (count === state.paragraphLineStarts.length) {
    state.paragraphLineStarts = grown(state.paragraphLineStarts);
    state.paragraphLineEnds = grown(state.paragraphLineEnds);
  }
  state.paragraphLineStarts[count] = start;
  state.paragraphLineEnds[count] = end;
  state.paragraphLineCount = count + 1;
}

/** Reads the open paragraph's prose into a unit. */
export function finishParagraph(state: BlockState): void {
  const count = state.paragraphLineCount;
  let first = 0;
  while (first < count) {
    const used = linkReferenceDefinitionLines(state, first);
    if (used === 0) break;
    first += used;
  }
  if (first < count) {
    const starts = state.paragraphLineStarts;
    starts[first] = afterFootnoteLabel(state.text, starts[first], state.paragraphLineEnds[first]);
    state.inline.loadLines(state.text, starts, state.paragraphLineEnds, first, count);
    parseInlines(state.inline);
    state.unitWriter.write(state.inline, state.text, state.units, state.comments);
  }
  state.paragraphLineCount = 0;
}

/** A footnote definition's label (`[^name]: `) is not prose, its text is: where the text starts on the line [start, end). */
function afterFootnoteLabel(text: string, start: number, end: number): number {
  if (text.charCodeAt(start) !== Char.OpenBracket || text.charCodeAt(start + 1) !== Char.Caret) return start;
  let q = start + 2;
  while (q < end && text.charCodeAt(q) !== Char.CloseBracket && text.charCodeAt(q) > Char.Space) q++;
  if (q >= end - 1 || q <= start + 2 || text.charCodeAt(q) !== Char.CloseBracket || text.charCodeAt(q + 1) !== Char.Colon) return start;
  q += 2;
  while (q < end && (text.charCodeAt(q) === Char.Space || text.charCodeAt(q) === Char.Tab)) q++;
  return q;
}

/** Inline-parses the document range [start, end) (one line) as a unit of its own. */
export function readLineAsUnit(state: BlockState, start: number, end: number): void {
  if (end <= start) return;
  state.inline.loadLine(state.text, start, end);
  parseInlines(state.inline);
  state.unitWriter.write(state.inline, state.text, state.units, state.comments);
}
