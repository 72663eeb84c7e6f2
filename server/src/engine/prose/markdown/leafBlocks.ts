/**
 * Recognisers for the simple leaf blocks and markers of the block pass: ATX
 * headings, setext underlines, thematic breaks, code fences and GFM task-list
 * markers. Each reads one line and says whether (and how far) it matches.
 */
import type { BlockState } from './blockState';
import { Char, isSpaceOrTab } from './characters';
import { isBlankFrom, trimEnd } from './lines';
import { readLineAsUnit } from './paragraphs';

/** The level of the ATX heading opener (`#` to `######`) at `start`, or 0. */
export function atxHeadingLevel(text: string, start: number, lineEnd: number): number {
  let q = start;
  while (q < lineEnd && text.charCodeAt(q) === Char.Hash) q++;
  const level = q - start;
  if (level > 6) return 0;
  if (q < lineEnd && !isSpaceOrTab(text.charCodeAt(q))) return 0;
  return level;
}

/** Reads the text of the ATX heading at `start` (with `level` `#`s) as a unit, without its closing `#`s. */
export function readAtxHeading(state: BlockState, start: number, level: number, lineEnd: number): void {
  const text = state.text;
  let s = start + level;
  while (s < lineEnd && isSpaceOrTab(text.charCodeAt(s))) s++;
  let e = trimEnd(text, s, lineEnd);
  // trailing `#`s close the heading only after whitespace, so `C#` keeps its `#`
  let h = e;
  while (h > s && text.charCodeAt(h - 1) === Char.Hash) h--;
  if (h < e && (h === s || isSpaceOrTab(text.charCodeAt(h - 1)))) e = trimEnd(text, s, h);
  readLineAsUnit(state, s, e);
}

/** Whether [start, lineEnd) is a thematic break (three or more of the same `-`, `*` or `_`, spaces allowed). */
export function isThematicBreak(text: string, start: number, lineEnd: number): boolean {
  const marker = text.charCodeAt(start);
  let count = 0;
  for (let q = start; q < lineEnd; q++) {
    const c = text.charCodeAt(q);
    if (c === marker) count++;
    else if (!isSpaceOrTab(c)) return false;
  }
  return count >= 3;
}

/** Whether [start, lineEnd) is a setext underline made of `marker` (`=` or `-`). */
export function isSetextUnderline(text: string, start: number, lineEnd: number, marker: number): boolean {
  let q = start;
  while (q < lineEnd && text.charCodeAt(q) === marker) q++;
  return isBlankFrom(text, q, lineEnd);
}

/** The length of the opening code fence at `start`, or 0. A backtick fence's info string has no backticks. */
export function openingFenceLength(text: string, start: number, lineEnd: number): number {
  const marker = text.charCodeAt(start);
  let q = start;
  while (q < lineEnd && text.charCodeAt(q) === marker) q++;
  const length = q - start;
  if (length < 3) return 0;
  if (marker === Char.Backtick) {
    for (; q < lineEnd; q++) if (text.charCodeAt(q) === Char.Backtick) return 0;
  }
  return length;
}

/** Whether [start, lineEnd) closes the open fence. */
export function closesFence(state: BlockState, start: number, lineEnd: number): boolean {
  const text = state.text;
  let q = start;
  while (q < lineEnd && text.charCodeAt(q) === state.fenceMarker) q++;
  return q - start >= state.fenceLength && isBlankFrom(text, q, lineEnd);
}

/** A task-list marker `[ ]` or `[x]` at `q`: returns the offset after it, or -1. */
export function taskMarkerEnd(text: string, q: number, lineEnd: number): number {
  if (q + 2 >= lineEnd || text.charCodeAt(q) !== Char.OpenBracket || text.charCodeAt(q + 2) !== Char.CloseBracket) return -1;
  const c = text.charCodeAt(q + 1);
  if (c !== Char.Space && c !== Char.LowerX && c !== Char.UpperX) return -1;
  if (q + 3 < lineEnd && !isSpaceOrTab(text.charCodeAt(q + 3))) return -1;
  return q + 3;
}
