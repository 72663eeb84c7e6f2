/**
 * Line-level reading for the block pass: finding where a line ends, and
 * skipping indentation with tabs expanded to tab stops of four columns, as
 * CommonMark measures indentation. Results that are more than one number are
 * left in the {@link BlockState} (`cursor`, `contentStart` and their columns)
 * rather than returned, so the hot path allocates nothing.
 */
import type { BlockState } from './blockState';
import { Char } from './characters';

/** How far ahead one search for a carriage return looks, so a restart never reads far past what it yields. */
const CARRIAGE_RETURN_WINDOW = 1 << 16;

/**
 * Makes the line starting at `pos` the current line: sets `lineEnd` and
 * `nextLineStart`. Line endings are found with the native `indexOf`, many
 * times faster than a loop or a regular expression; the searches are
 * remembered, since lines are mostly asked for in order, so that a document without
 * `\r` (or without `\n`) is searched for it once, not once per line, and
 * the `\r` search looks only a bounded window ahead, so a restart in a large
 * document reads about as far as the blocks it yields.
 */
export function setLine(state: BlockState, pos: number): void {
  const text = state.text;
  let lineFeed = state.nextLineFeed;
  if (pos < state.lineFeedsSearchedFrom || (lineFeed < pos && lineFeed !== -1)) {
    state.nextLineFeed = lineFeed = text.indexOf('\n', pos);
    state.lineFeedsSearchedFrom = pos;
  }
  const end = lineFeed < 0 ? state.length : lineFeed;
  const carriageReturn = carriageReturnBefore(state, pos, end);
  if (carriageReturn < 0) {
    state.lineEnd = end;
    state.nextLineStart = end < state.length ? end + 1 : end;
    return;
  }
  state.lineEnd = carriageReturn;
  state.nextLineStart = carriageReturn + 1 === lineFeed ? carriageReturn + 2 : carriageReturn + 1;
}

/**
 * The first `\r` in [pos, end), or -1. What is known: no `\r` in
 * [carriageReturnsSearchedFrom, carriageReturnsKnownTo) but `nextCarriageReturn`
 * (when not -1, the last position of that range).
 */
function carriageReturnBefore(state: BlockState, pos: number, end: number): number {
  if (pos < state.carriageReturnsSearchedFrom) {
    // A look back before what is known (after a table's look ahead passed a `\r`): search afresh.
    state.nextCarriageReturn = -1;
    state.carriageReturnsSearchedFrom = state.carriageReturnsKnownTo = pos;
  }
  for (;;) {
    const known = state.nextCarriageReturn;
    if (known >= pos) return known < end ? known : -1;
    if (known >= 0) {
      // Passed: what is known now starts after it.
      state.nextCarriageReturn = -1;
      state.carriageReturnsSearchedFrom = known + 1;
    }
    const searchedTo = state.carriageReturnsKnownTo;
    if (searchedTo >= end) return -1;
    const from = searchedTo > pos ? searchedTo : pos;
    if (from > searchedTo) state.carriageReturnsSearchedFrom = from;
    const to = Math.min(state.length, Math.max(end, from + CARRIAGE_RETURN_WINDOW));
    const found = state.text.slice(from, to).indexOf('\r');
    state.nextCarriageReturn = found < 0 ? -1 : from + found;
    state.carriageReturnsKnownTo = found < 0 ? to : from + found + 1;
  }
}

/** Skips spaces and tabs from `p` (at column `column`) up to `lineEnd`; sets `contentStart` and `contentColumn`. */
export function skipSpaces(state: BlockState, p: number, column: number, lineEnd: number): void {
  const text = state.text;
  while (p < lineEnd) {
    const c = text.charCodeAt(p);
    if (c === Char.Space) column++;
    else if (c === Char.Tab) column += 4 - (column & 3);
    else break;
    p++;
  }
  state.contentStart = p;
  state.contentColumn = column;
}

/**
 * Consumes `columns` columns of whitespace from `p` (at column `column`); sets
 * `cursor` and `cursorColumn`. A tab may be consumed partially: the column
 * moves, the position stays.
 */
export function consumeColumns(state: BlockState, p: number, column: number, columns: number, lineEnd: number): void {
  const target = column + columns;
  const text = state.text;
  while (column < target && p < lineEnd) {
    const c = text.charCodeAt(p);
    if (c === Char.Space) {
      column++;
      p++;
    } else if (c === Char.Tab) {
      const width = 4 - (column & 3);
      if (column + width <= target) {
        column += width;
        p++;
      } else column = target;
    } else break;
  }
  state.cursor = p;
  state.cursorColumn = column;
}

/** Whether [p, end) holds only spaces and tabs. */
export function isBlankFrom(text: string, p: number, end: number): boolean {
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c !== Char.Space && c !== Char.Tab) return false;
    p++;
  }
  return true;
}

/** The end of [start, end) without its trailing spaces and tabs. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== Char.Space && c !== Char.Tab) break;
    end--;
  }
  return end;
}
