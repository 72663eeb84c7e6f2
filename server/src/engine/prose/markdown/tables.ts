/**
 * GFM tables: recognising a header row by the delimiter row under it,
 * splitting rows into cells at unescaped pipes, and reading each cell as a
 * prose unit of its own (a sentence never runs from one cell into the next).
 */
import type { BlockState } from './blockState';
import { Char, isSpaceOrTab } from './characters';
import { matchContainers } from './containers';
import { grown } from './inlineState';
import { setLine } from './lines';
import { readLineAsUnit } from './paragraphs';

/**
 * Splits the table row [start, end) at unescaped pipes into `cellStarts` and
 * `cellEnds` (trimmed cell ranges); returns the number of cells.
 */
export function splitCells(state: BlockState, start: number, end: number): number {
  const text = state.text;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  if (start < end && text.charCodeAt(start) === Char.Pipe) start++;
  if (end > start && text.charCodeAt(end - 1) === Char.Pipe) {
    let backslashes = 0;
    for (let q = end - 2; q >= start && text.charCodeAt(q) === Char.Backslash; q--) backslashes++;
    if ((backslashes & 1) === 0) end--;
  }
  let count = 0;
  let cellStart = start;
  for (let q = start; q <= end; q++) {
    const c = q < end ? text.charCodeAt(q) : Char.Pipe;
    if (c === Char.Backslash) {
      q++;
      continue;
    }
    if (c !== Char.Pipe) continue;
    let a = cellStart;
    let b = q;
    while (a < b && isSpaceOrTab(text.charCodeAt(a))) a++;
    while (b > a && isSpaceOrTab(text.charCodeAt(b - 1))) b--;
    if (count === state.cellStarts.length) {
      state.cellStarts = grown(state.cellStarts);
      state.cellEnds = grown(state.cellEnds);
    }
    state.cellStarts[count] = a;
    state.cellEnds[count] = b;
    count++;
    cellStart = q + 1;
  }
  return count;
}

/** The number of cells of the GFM delimiter row [start, end) (`|:--|--:|`), or -1. */
function delimiterRowCells(text: string, start: number, end: number): number {
  let q = start;
  while (q < end && isSpaceOrTab(text.charCodeAt(q))) q++;
  if (q - start > 3) return -1;
  let pipes = 0;
  let cells = 0;
  if (q < end && text.charCodeAt(q) === Char.Pipe) {
    pipes++;
    q++;
  }
  for (;;) {
    while (q < end && isSpaceOrTab(text.charCodeAt(q))) q++;
    if (q >= end) break;
    if (text.charCodeAt(q) === Char.Colon) q++;
    const dashes = q;
    while (q < end && text.charCodeAt(q) === Char.Hyphen) q++;
    if (q === dashes) return -1;
    if (q < end && text.charCodeAt(q) === Char.Colon) q++;
    while (q < end && isSpaceOrTab(text.charCodeAt(q))) q++;
    cells++;
    if (q >= end) break;
    if (text.charCodeAt(q) !== Char.Pipe) return -1;
    pipes++;
    q++;
  }
  return pipes > 0 && cells > 0 ? cells : -1;
}

/** Reads the cells of the table row [start, end) as units; cells beyond the header's count are dropped, as GFM does. */
export function readTableRow(state: BlockState, start: number, end: number): void {
  const count = splitCells(state, start, end);
  const limit = count < state.tableColumns ? count : state.tableColumns;
  for (let i = 0; i < limit; i++) readLineAsUnit(state, state.cellStarts[i], state.cellEnds[i]);
}

/**
 * If [start, lineEnd) is a table header whose delimiter row is the next line
 * (inside the same containers), returns the offset after the delimiter row;
 * else -1. Leaves the current line as it was.
 */
export function tableStart(state: BlockState, start: number, lineEnd: number): number {
  const text = state.text;
  const length = state.length;
  const next = state.nextLineStart;
  if (next >= length) return -1;
  // Most lines are not table headers: rule them out before matching the next line's containers.
  const first = delimiterRowCandidate(text, next, length);
  if (first < 0 || (first !== Char.Pipe && !hasPipe(text, start, lineEnd))) return -1;
  setLine(state, next);
  const delimiterEnd = state.lineEnd;
  const afterDelimiter = state.nextLineStart;
  state.lineEnd = lineEnd;
  state.nextLineStart = next;
  if (matchContainers(state, next, delimiterEnd, state.matchedDepth) !== state.matchedDepth) return -1;
  const cells = delimiterRowCells(text, state.cursor, delimiterEnd);
  if (cells < 0) return -1;
  if (splitCells(state, start, lineEnd) !== cells) return -1;
  return afterDelimiter;
}

/**
 * Whether the line at `next` could be a delimiter row: after the spaces,
 * tabs and `>`s of its containers, nothing but `|`, `-`, `:`, spaces and
 * tabs up to the line's end. Returns its first such character, or -1. It
 * reads only until the first other character, so a list item or a sentence
 * is ruled out after a character or two.
 */
function delimiterRowCandidate(text: string, next: number, length: number): number {
  let q = next;
  for (; q < length; q++) {
    const c = text.charCodeAt(q);
    if (c !== Char.Space && c !== Char.Tab && c !== Char.GreaterThan) break;
  }
  if (q >= length) return -1;
  const first = text.charCodeAt(q);
  if (first !== Char.Pipe && first !== Char.Hyphen && first !== Char.Colon) return -1;
  for (; q < length; q++) {
    const c = text.charCodeAt(q);
    if (c === Char.LineFeed || c === Char.CarriageReturn) break;
    if (c !== Char.Pipe && c !== Char.Hyphen && c !== Char.Colon && c !== Char.Space && c !== Char.Tab) return -1;
  }
  return first;
}

function hasPipe(text: string, start: number, end: number): boolean {
  for (let q = start; q < end; q++) if (text.charCodeAt(q) === Char.Pipe) return true;
  return false;
}
