/**
 * Link reference definitions (`[label]: destination "title"`) at the start of
 * a paragraph. They are not prose: the paragraph's prose starts after them.
 */
import type { BlockState } from './blockState';
import { Char } from './characters';

/** Longest link label, as CommonMark limits it. */
const MAX_LABEL_LENGTH = 1000;

/** Number of paragraph lines, from line `i`, that form a link reference definition (0 if none). */
export function linkReferenceDefinitionLines(state: BlockState, i: number): number {
  const text = state.text;
  const count = state.paragraphLineCount;
  const starts = state.paragraphLineStarts;
  const ends = state.paragraphLineEnds;
  let q = labelEnd(text, starts[i], ends[i]);
  if (q < 0) return 0;
  let end = ends[i];
  let lines = 1;
  while (q < end && (text.charCodeAt(q) === Char.Space || text.charCodeAt(q) === Char.Tab)) q++;
  if (q >= end) {
    if (i + 1 >= count) return 0;
    lines = 2;
    q = starts[i + 1];
    end = ends[i + 1];
  }
  const afterDestination = destinationEnd(text, q, end);
  if (afterDestination < 0) return 0;
  q = afterDestination;
  while (q < end && (text.charCodeAt(q) === Char.Space || text.charCodeAt(q) === Char.Tab)) q++;
  if (q >= end) {
    if (i + lines < count && isTitle(text, starts[i + lines], ends[i + lines])) return lines + 1;
    return lines;
  }
  if (q === afterDestination) return 0;
  return isTitle(text, q, end) ? lines : 0;
}

/** After the label `[label]:` at `start`, or -1 when the line does not start with one. */
function labelEnd(text: string, start: number, end: number): number {
  if (text.charCodeAt(start) !== Char.OpenBracket) return -1;
  let q = start + 1;
  if (text.charCodeAt(q) === Char.Caret) return -1;
  let nonBlank = false;
  while (q < end) {
    const c = text.charCodeAt(q);
    if (c === Char.CloseBracket) break;
    if (c === Char.OpenBracket) return -1;
    if (c === Char.Backslash) q++;
    else if (c !== Char.Space && c !== Char.Tab) nonBlank = true;
    q++;
  }
  if (q >= end || !nonBlank || q - start > MAX_LABEL_LENGTH || text.charCodeAt(q + 1) !== Char.Colon) return -1;
  return q + 2;
}

/** End of the link destination at `q` on a line ending at `end`, or -1. */
function destinationEnd(text: string, q: number, end: number): number {
  if (text.charCodeAt(q) === Char.LessThan) {
    q++;
    while (q < end) {
      const c = text.charCodeAt(q);
      if (c === Char.GreaterThan) break;
      if (c === Char.LessThan) return -1;
      q += c === Char.Backslash ? 2 : 1;
    }
    return q < end ? q + 1 : -1;
  }
  let depth = 0;
  const start = q;
  while (q < end) {
    const c = text.charCodeAt(q);
    if (c <= Char.Space) break;
    if (c === Char.Backslash) {
      q += 2;
      continue;
    }
    if (c === Char.OpenParen) depth++;
    else if (c === Char.CloseParen) {
      if (depth === 0) break;
      depth--;
    }
    q++;
  }
  return depth !== 0 || q === start ? -1 : q;
}

/** Whether [start, end) is exactly one link title. */
function isTitle(text: string, start: number, end: number): boolean {
  const open = text.charCodeAt(start);
  if (open !== Char.DoubleQuote && open !== Char.Apostrophe && open !== Char.OpenParen) return false;
  const close = open === Char.OpenParen ? Char.CloseParen : open;
  let q = start + 1;
  while (q < end) {
    const c = text.charCodeAt(q);
    if (c === close) break;
    if (c === Char.Backslash) q++;
    else if (open === Char.OpenParen && c === Char.OpenParen) return false;
    q++;
  }
  return q === end - 1;
}
