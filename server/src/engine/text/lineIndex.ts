/**
 * Conversion between UTF-16 offsets (JavaScript string indexes, what the
 * engine reports) and 0-based line/character positions (what LSP, the CLI's
 * JSON and SARIF use). `\n`, `\r\n` and a lone `\r` each end a line; a
 * `\r\n` pair counts as one line break.
 */

/** A 0-based line and UTF-16 character position, as in LSP. */
export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/** Maps offsets to positions and back for one immutable text, in O(log lines). */
export class LineIndex {
  private readonly text: string;
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  private readonly lineStarts: readonly number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = computeLineStarts(text);
  }

  /** Number of lines; an empty text and a text ending in a line break have a last, empty line. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * The position of `offset`, clamped to `[0, text.length]`. An offset between
   * the `\r` and `\n` of a CRLF pair stays on the line the pair ends.
   */
  positionAt(offset: number): LinePosition {
    const clamped = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  /**
   * The offset of `position`. Lines before the start clamp to 0, lines past
   * the end to the text's end; characters past the end of a line clamp to the
   * line's end (before its line break), as LSP requires.
   */
  offsetAt(position: LinePosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineContentEnd(position.line);
    return Math.min(start + Math.max(0, Math.floor(position.character)), end);
  }

  /** Offset of the first character of `line` (clamped to existing lines). */
  lineStart(line: number): number {
    return this.lineStarts[this.clampLine(line)]!;
  }

  /** Offset just past the last character of `line`, excluding its line break. */
  lineContentEnd(line: number): number {
    const index = this.clampLine(line);
    if (index === this.lineStarts.length - 1) return this.text.length;
    let end = this.lineStarts[index + 1]! - 1; // the \n or lone \r
    if (this.text.charCodeAt(end) === 10 && end > this.lineStarts[index]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  private clampLine(line: number): number {
    return Math.max(0, Math.min(Math.floor(line), this.lineStarts.length - 1));
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Most texts have no carriage return; then the native indexOf finds the line ends many times faster than a loop.
  if (text.indexOf('\r') === -1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10 /* \n */) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** A line break found by {@link lineBreakFrom}: where it starts, and where the line after it starts. */
export interface LineBreak {
  readonly start: number;
  readonly next: number;
}

/**
 * The first line break at or after `from` and before `limit` (`\n`, `\r\n`
 * or a lone `\r`, as LineIndex reads them), without indexing the text:
 * suppression comments ask this of a few lines only.
 */
export function lineBreakFrom(text: string, from: number, limit = text.length): LineBreak | undefined {
  // The native search finds the line feed; only the stretch before it can hold a carriage return that ends the line sooner.
  const newline = text.indexOf('\n', from);
  const end = newline < 0 || newline >= limit ? limit : newline;
  for (let p = from; p < end; p++) {
    if (text.charCodeAt(p) === 13) return { start: p, next: text.charCodeAt(p + 1) === 10 ? p + 2 : p + 1 };
  }
  return end < limit ? { start: end, next: end + 1 } : undefined;
}

/**
 * The start of the line holding `offset`, looking back no further than
 * `floor` (a known line start, such as the start of a block). An offset
 * between the `\r` and `\n` of a pair stays on the line the pair ends.
 */
export function lineStartBefore(text: string, offset: number, floor = 0): number {
  if (offset <= floor) return floor;
  const afterNewline = Math.max(floor, text.lastIndexOf('\n', offset - 1) + 1);
  for (let p = offset; p > afterNewline; p--) {
    if (text.charCodeAt(p - 1) === 13 && text.charCodeAt(p) !== 10) return p;
  }
  return afterNewline;
}
