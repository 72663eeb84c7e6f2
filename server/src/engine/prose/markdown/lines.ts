/**
 * Line-level reading for the block pass: finding where a line ends, and
 * skipping indentation with tabs expanded to tab stops of four columns, as
 * CommonMark measures indentation. Results that are more than one number are
 * left in the {@link BlockState} (`cursor`, `contentStart` and their columns)
 * rather than returned, so the hot path allocates nothing.
 */
import type { BlockState } from './blockState';
import { Char } from './characters';

/**
 * Makes the line starting at `pos` the current line: sets `lineEnd` and
 * `nextLineStart`. A native search stops at the first line ending, so finding
 * a line's end never reads past it (a document-wide check for `\r` would cost
 * a full scan on every incremental restart).
 */
export function setLine(state: BlockState, pos: number): void {
  const pattern = state.lineEndPattern;
  pattern.lastIndex = pos;
  if (!pattern.test(state.text)) {
    state.lineEnd = state.nextLineStart = state.length;
    return;
  }
  const end = pattern.lastIndex - 1;
  state.lineEnd = end;
  const crlf = state.text.charCodeAt(end) === Char.CarriageReturn && end + 1 < state.length && state.text.charCodeAt(end + 1) === Char.LineFeed;
  state.nextLineStart = crlf ? end + 2 : end + 1;
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
