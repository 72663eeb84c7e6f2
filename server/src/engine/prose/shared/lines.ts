/**
 * Line stepping for the line-oriented readers. Lines end at `\n`, `\r\n` or `\r`.
 */
import { isBlank } from './unitBuilder';

/** Where the line that starts at `pos` ends, before its line terminator. */
export function lineEndAt(text: string, pos: number): number {
  const len = text.length;
  let e = pos;
  while (e < len) {
    const c = text.charCodeAt(e);
    if (c === 10 || c === 13) break;
    e++;
  }
  return e;
}

/** Where the next line starts, given the end of a line (its terminator's position). */
export function nextLineAt(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** The first non-blank character at or after `pos` and before `end` (or `end`). */
export function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}

/** The end of `[start, end)` without its trailing blanks. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** True when `[start, end)` holds only blanks. */
export function isBlankRange(text: string, start: number, end: number): boolean {
  return skipBlanks(text, start, end) === end;
}
