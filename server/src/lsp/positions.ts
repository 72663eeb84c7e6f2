/**
 * The one place where engine offsets become LSP positions and back.
 *
 * Open documents keep a {@link LineTable}: the same mapping as the engine's
 * `LineIndex` (`\n`, `\r\n` and a lone `\r` end a line; UTF-16 characters),
 * but updated in place by each edit instead of rebuilt. Rebuilding a
 * `LineIndex` scans the whole text, about 40 ms for a 100,000-line document,
 * and an incremental change needs the index of the text before it, so a
 * rebuild per keystroke alone would exceed the latency budget. Files that are
 * not open (pack files, workspace checks) use `LineIndex` directly; both
 * satisfy {@link PositionMap}.
 */
import type { Position, Range, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { DocumentEdit, OffsetRange, Problem, TextEdit } from '../engine/api';

/** Offset ↔ position conversion for one text. `LineIndex` and `LineTable` both implement it. */
export interface PositionMap {
  positionAt(offset: number): { readonly line: number; readonly character: number };
  offsetAt(position: { readonly line: number; readonly character: number }): number;
}

/** The LSP range of an offset range. */
export function toRange(map: PositionMap, range: OffsetRange): Range {
  return { start: toPosition(map, range.start), end: toPosition(map, range.end) };
}

function toPosition(map: PositionMap, offset: number): Position {
  const { line, character } = map.positionAt(offset);
  return { line, character };
}

/**
 * A range whose end comes before its start, turned around. Clients should
 * not send such ranges; when one does, the server reads it as
 * vscode-languageserver-textdocument (the reference client library) does,
 * so both copies of the text stay the same.
 */
export function wellFormedRange(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** The offset range of an LSP range. */
export function toOffsetRange(map: PositionMap, range: Range): OffsetRange {
  return { start: map.offsetAt(range.start), end: map.offsetAt(range.end) };
}

/** An engine text edit as an LSP text edit. */
export function toLspTextEdit(map: PositionMap, edit: TextEdit): LspTextEdit {
  return { range: toRange(map, edit.range), newText: edit.newText };
}

/** The range of a problem: its offset range when known, else an empty range at its line and column. */
export function problemRange(map: PositionMap | undefined, problem: Problem): Range {
  if (map && problem.range) return toRange(map, problem.range);
  const start = { line: problem.line, character: problem.column };
  return { start, end: start };
}

/** Read access to a text: a string, or a document's text model that is not a string. */
export interface TextSource {
  readonly length: number;
  charCodeAt(offset: number): number;
}

/**
 * Line starts of a mutable text, kept up to date edit by edit. The owner
 * applies each edit to its text and calls {@link applyEdit} with the new
 * text; lookups are O(log lines), an edit costs a splice of the line-start
 * array plus a shift of the starts after it (a tight loop, far cheaper than
 * rescanning the text). The table reads only a few characters around each
 * edit, so the text can be a model that is slow to read at random.
 */
export class LineTable implements PositionMap {
  private text: TextSource;
  /**
   * The length of the text the starts describe. The owner may hand over a
   * mutable text that it edits before calling {@link applyEdit}, so the
   * length before an edit must be remembered here, not read from the text.
   */
  private textLength: number;
  /** Offset of the first character of each line; `starts[0]` is 0. */
  private starts: number[];

  constructor(text: TextSource) {
    this.text = text;
    this.textLength = 0;
    this.starts = [0];
    this.rebuild(text);
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * Records that `edit` (in offsets of the previous text) produced `newText`.
   * A position p is a line start when the character before it is `\n`, or a
   * `\r` not followed by `\n` at p; that depends on text[p-1] and text[p]
   * only, so starts before the edit stay, starts after its old end move by
   * the length change, and only positions inside the new text of the edit
   * (inclusive of both ends) are examined again. `newText` may be the very
   * object the table was built on, already edited.
   */
  applyEdit(edit: DocumentEdit, newText: TextSource): void {
    const oldLength = this.textLength;
    const start = Math.max(0, Math.min(edit.range.start, oldLength));
    const end = Math.max(start, Math.min(edit.range.end, oldLength));
    const inserted = edit.newText;
    const delta = inserted.length - (end - start);
    if (oldLength + delta !== newText.length) {
      // The edit does not describe how this text came about: scanning it again is slow but right.
      this.rebuild(newText);
      return;
    }
    const first = lowerBound(this.starts, Math.max(start, 1)); // first start ≥ start (0 always stays)
    const after = upperBound(this.starts, end); // first start > end
    const fresh: number[] = [];
    // Inside the edit the characters come from the edit itself; only the two boundaries are read from the text.
    const charAt = (offset: number): number =>
      offset >= start && offset < start + inserted.length ? inserted.charCodeAt(offset - start) : newText.charCodeAt(offset);
    collectLineStarts(charAt, Math.max(start, 1), Math.min(start + inserted.length, newText.length), fresh);
    if (delta !== 0) for (let i = after; i < this.starts.length; i++) this.starts[i] = this.starts[i]! + delta;
    if (fresh.length === after - first) {
      for (let i = 0; i < fresh.length; i++) this.starts[first + i] = fresh[i]!;
    } else if (fresh.length < 10_000) {
      this.starts.splice(first, after - first, ...fresh);
    } else {
      // A huge paste: spreading that many arguments could overflow the stack.
      this.starts = this.starts.slice(0, first).concat(fresh, this.starts.slice(after));
    }
    this.text = newText;
    this.textLength = newText.length;
  }

  /** Scans the whole text for its line starts. */
  private rebuild(text: TextSource): void {
    this.text = text;
    this.textLength = text.length;
    this.starts = [0];
    collectLineStarts((offset) => text.charCodeAt(offset), 1, text.length, this.starts);
  }

  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(Math.floor(offset), this.textLength));
    const line = upperBound(this.starts, clamped) - 1;
    return { line, character: clamped - this.starts[line]! };
  }

  offsetAt(position: { readonly line: number; readonly character: number }): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.textLength;
    const start = this.starts[position.line]!;
    return Math.min(start + Math.max(0, Math.floor(position.character)), this.lineContentEnd(position.line));
  }

  /** Offset of the first character of `line` (clamped to existing lines). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineContentEnd(line: number): number {
    const index = Math.max(0, Math.min(line, this.starts.length - 1));
    if (index === this.starts.length - 1) return this.textLength;
    let end = this.starts[index + 1]! - 1;
    if (this.text.charCodeAt(end) === 10 && end > this.starts[index]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Appends to `out` every line start p with from ≤ p ≤ to (p ≥ 1), in order; `charAt` past the end is NaN. */
function collectLineStarts(charAt: (offset: number) => number, from: number, to: number, out: number[]): void {
  let previous = from >= 1 ? charAt(Math.max(1, from) - 1) : NaN;
  for (let p = Math.max(1, from); p <= to; p++) {
    const current = charAt(p);
    if (previous === 10 || (previous === 13 && current !== 10)) out.push(p);
    previous = current;
  }
}

/** Index of the first element ≥ value. */
function lowerBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first element > value. */
function upperBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
