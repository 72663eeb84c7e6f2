/**
 * Link reference definitions (`[label]: destination "title"`) at the start of
 * a paragraph. They are not prose: the paragraph's prose starts after them.
 * As in CommonMark, the label and the title may run over several lines, and
 * the destination and the title may each start on a line of their own.
 */
import type { BlockState } from './blockState';
import { Char, isSpaceOrTab } from './characters';

/** Longest link label, as CommonMark limits it. */
const MAX_LABEL_LENGTH = 999;

/**
 * Reads the lines of the open paragraph as one stream, a line break between
 * lines. The block pass has trimmed each line, so a line's end is also the
 * end of its non-blank text.
 */
class ParagraphCursor {
  line: number;
  pos: number;
  constructor(
    readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly count: number,
    line: number,
  ) {
    this.line = line;
    this.pos = starts[line];
  }

  atLineEnd(): boolean {
    return this.pos >= this.ends[this.line];
  }

  /** Moves to the start of the next line; false at the last line. */
  nextLine(): boolean {
    if (this.line + 1 >= this.count) return false;
    this.line++;
    this.pos = this.starts[this.line];
    return true;
  }

  char(): number {
    return this.text.charCodeAt(this.pos);
  }

  skipSpaces(): void {
    while (!this.atLineEnd() && isSpaceOrTab(this.char())) this.pos++;
  }
}

/** Number of paragraph lines, from line `first`, that form a link reference definition (0 if none). */
export function linkReferenceDefinitionLines(state: BlockState, first: number): number {
  const text = state.text;
  const start = state.paragraphLineStarts[first];
  if (text.charCodeAt(start) !== Char.OpenBracket || text.charCodeAt(start + 1) === Char.Caret) return 0;
  const cursor = new ParagraphCursor(text, state.paragraphLineStarts, state.paragraphLineEnds, state.paragraphLineCount, first);
  cursor.pos++;
  if (!readLabel(cursor) || cursor.atLineEnd() || cursor.char() !== Char.Colon) return 0;
  cursor.pos++;
  cursor.skipSpaces();
  if (cursor.atLineEnd()) {
    if (!cursor.nextLine()) return 0;
    cursor.skipSpaces();
  }
  const afterDestination = destinationEnd(text, cursor.pos, state.paragraphLineEnds[cursor.line]);
  if (afterDestination < 0) return 0;
  cursor.pos = afterDestination;
  const destinationLine = cursor.line;
  cursor.skipSpaces();
  if (!cursor.atLineEnd()) {
    // A title on the destination's line must follow a space and end the line.
    if (cursor.pos === afterDestination || !readTitle(cursor)) return 0;
    cursor.skipSpaces();
    return cursor.atLineEnd() ? cursor.line - first + 1 : 0;
  }
  // A title on a line of its own belongs to the definition only if it ends its line; else the definition ends here.
  if (cursor.nextLine() && readTitle(cursor)) {
    cursor.skipSpaces();
    if (cursor.atLineEnd()) return cursor.line - first + 1;
  }
  return destinationLine - first + 1;
}

/** Reads a link label after its `[`, up to and past its `]`; false when there is none. */
function readLabel(cursor: ParagraphCursor): boolean {
  let length = 0;
  let nonBlank = false;
  for (;;) {
    if (cursor.atLineEnd()) {
      if (!cursor.nextLine()) return false;
      length++;
      continue;
    }
    const c = cursor.char();
    cursor.pos++;
    if (c === Char.CloseBracket) return nonBlank;
    if (c === Char.OpenBracket || ++length > MAX_LABEL_LENGTH) return false;
    if (c === Char.Backslash && !cursor.atLineEnd()) {
      cursor.pos++;
      nonBlank = true;
    } else if (!isSpaceOrTab(c)) nonBlank = true;
  }
}

/** Reads a link title (`"..."`, `'...'` or `(...)`, over lines if need be) at the cursor; false when there is none. */
function readTitle(cursor: ParagraphCursor): boolean {
  const open = cursor.char();
  if (open !== Char.DoubleQuote && open !== Char.Apostrophe && open !== Char.OpenParen) return false;
  const close = open === Char.OpenParen ? Char.CloseParen : open;
  cursor.pos++;
  for (;;) {
    if (cursor.atLineEnd()) {
      if (!cursor.nextLine()) return false;
      continue;
    }
    const c = cursor.char();
    cursor.pos++;
    if (c === close) return true;
    if (c === Char.Backslash && !cursor.atLineEnd()) cursor.pos++;
    else if (open === Char.OpenParen && c === Char.OpenParen) return false;
  }
}

/** End of the link destination at `q` on a line ending at `end`, or -1. */
function destinationEnd(text: string, q: number, end: number): number {
  if (q >= end) return -1;
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
  return depth !== 0 || q === start ? -1 : Math.min(q, end);
}
