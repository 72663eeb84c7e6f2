/**
 * The state of the Markdown inline pass: the text of one prose unit (a
 * paragraph, a heading, a table cell), the marks the pass puts on its
 * non-prose ranges, and the bookkeeping that keeps hostile input linear.
 *
 * One `InlineState` belongs to one scan and is reused for every unit of it;
 * its typed arrays grow as needed and are never shrunk.
 */
import { Char } from './characters';

/** Mark kinds. A mark covers markup (dropped), an opaque word, or a comment. */
export const enum MarkKind {
  /** Markup that is not prose and stands for nothing: paired emphasis runs, link brackets and destinations, escapes. */
  Markup = 1,
  /** Inline content that is not prose but takes a word's place: code spans, autolinks, inline HTML, images. */
  Opaque = 2,
  /** An HTML comment: reported for suppressions, and neither prose nor a word. */
  Comment = 3,
  /**
   * Not decided yet, and text if it stays so: a `[` that becomes markup only
   * if a `]` makes it a link, a delimiter run that becomes markup only if
   * emphasis pairs it.
   */
  Tentative = 4,
  /**
   * Markup that also keeps words apart: the brackets of a shortcut reference
   * `[text]`, which are literal text unless a definition elsewhere makes
   * them a link, so `ChatGPT[1]` never reads as one word.
   */
  Separator = 5,
}

export class InlineState {
  /**
   * The string the pass reads. Usually the document, with a unit's lines read
   * in place: the gaps between them hold only whitespace, which the inline
   * rules treat like a line break. When a gap holds block-quote markers, the
   * lines are joined with '\n' into a string of their own instead, so that no
   * rule ever sees a `>` that belongs to a container.
   */
  source = '';
  /** The unit is `source.slice(rangeStart, rangeEnd)`. */
  rangeStart = 0;
  rangeEnd = 0;

  /** For each line of the unit: its start and end in `source`, and its start in the document. */
  lineStarts = new Int32Array(64);
  lineEnds = new Int32Array(64);
  lineDocumentStarts = new Int32Array(64);
  lineCount = 0;

  /** Marks as (start, end, kind) triples in `source` offsets, in order and not overlapping. */
  marks = new Int32Array(3 * 128);
  markCount = 0;

  /** The stack of open brackets: where each `[` or `![` is, the index of its mark, and 1 for an image. */
  bracketStarts = new Int32Array(32);
  bracketMarks = new Int32Array(32);
  bracketIsImage = new Uint8Array(32);
  bracketCount = 0;
  /**
   * For each open bracket, how many delimiter runs were recorded before it
   * (the runs inside it start there), and the top of the delimiter stack then.
   */
  bracketDelimiters = new Int32Array(32);
  bracketDelimiterTops = new Int32Array(32);
  /** Link openers below this stack index are inactive: links cannot contain links. */
  linkOpenerFloor = 0;

  /**
   * The emphasis delimiter runs of the unit, in order, one record of
   * `DELIMITER_FIELDS` numbers each (see emphasis.ts for the fields): kept in
   * one array, as the pairing reads several fields of a record at a time.
   */
  delimiters = new Int32Array(8 * 32);
  delimiterCount = 0;
  /** The delimiter stack (a doubly linked list over the runs not yet paired off): its bottom and top record, -1 when empty. */
  delimiterBottom = -1;
  delimiterTop = -1;
  /**
   * CommonMark's "openers bottom" per kind of closer, so no opener is searched
   * twice; a slot counts only in the call of `processEmphasis` that set it.
   */
  readonly openersBottom = new Int32Array(18);
  readonly openersBottomSet = new Int32Array(18);
  emphasisCalls = 0;

  /**
   * For each backtick-run length, the start of the last run of that length
   * that a closer search passed (valid when its stamp is the current
   * generation). Once one search reached the end of the unit, this answers
   * every later search without reading the text again.
   */
  backtickRunStart = new Int32Array(256);
  backtickRunStamp = new Int32Array(256);
  backtickGeneration = 0;
  backticksExhausted = false;

  /** Work allowance for speculative scans that can fail (link tails, tags), which keeps hostile input linear. */
  budget = 0;
  /** How far the last failed speculative scan read. */
  scanReach = 0;
  /** From these offsets on there is no closing `-->`, `?>`, `]]>`, `>` respectively. */
  noCommentEndFrom = 0;
  noProcessingInstructionEndFrom = 0;
  noCdataEndFrom = 0;
  noGreaterThanFrom = 0;

  /** Sets up the pass for a new unit made of the document lines [starts[i], ends[i]) with i in [from, to). */
  loadLines(text: string, starts: Int32Array, ends: Int32Array, from: number, to: number): void {
    while (to - from > this.lineStarts.length) this.growLines();
    const count = to - from;
    this.lineCount = count;
    if (!containerMarkersBetween(text, starts, ends, from, to)) {
      this.source = text;
      for (let i = 0; i < count; i++) {
        this.lineStarts[i] = this.lineDocumentStarts[i] = starts[from + i];
        this.lineEnds[i] = ends[from + i];
      }
      this.rangeStart = this.lineStarts[0];
      this.rangeEnd = this.lineEnds[count - 1];
      this.beginUnit();
      return;
    }
    const parts: string[] = [];
    let offset = 0;
    for (let i = 0; i < count; i++) {
      const start = starts[from + i];
      const end = ends[from + i];
      parts.push(text.slice(start, end));
      this.lineStarts[i] = offset;
      this.lineEnds[i] = offset + (end - start);
      this.lineDocumentStarts[i] = start;
      offset += end - start + 1;
    }
    this.source = parts.join('\n');
    this.rangeStart = 0;
    this.rangeEnd = this.source.length;
    this.beginUnit();
  }

  /** Sets up the pass for a new unit made of the single document line [start, end). */
  loadLine(text: string, start: number, end: number): void {
    this.source = text;
    this.lineStarts[0] = this.lineDocumentStarts[0] = this.rangeStart = start;
    this.lineEnds[0] = this.rangeEnd = end;
    this.lineCount = 1;
    this.beginUnit();
  }

  /** Clears the marks and the per-unit bookkeeping: a loaded unit starts afresh. */
  private beginUnit(): void {
    const end = this.rangeEnd;
    this.markCount = 0;
    this.bracketCount = 0;
    this.linkOpenerFloor = 0;
    this.delimiterCount = 0;
    this.delimiterBottom = -1;
    this.delimiterTop = -1;
    this.backtickGeneration++;
    this.backticksExhausted = false;
    this.budget = 2 * (end - this.rangeStart) + 1024;
    this.noCommentEndFrom = this.noProcessingInstructionEndFrom = this.noCdataEndFrom = this.noGreaterThanFrom = end + 1;
  }

  mark(start: number, end: number, kind: MarkKind): void {
    let i = this.markCount * 3;
    if (i + 3 > this.marks.length) this.marks = grown(this.marks);
    const marks = this.marks;
    marks[i++] = start;
    marks[i++] = end;
    marks[i] = kind;
    this.markCount++;
  }

  /** Where the last mark ends, or the unit's start: a bare URL cannot start inside an earlier mark. */
  lastMarkEnd(): number {
    return this.markCount === 0 ? this.rangeStart : this.marks[this.markCount * 3 - 2];
  }

  pushBracket(start: number, markIndex: number, isImage: boolean): void {
    const count = this.bracketCount;
    if (count === this.bracketStarts.length) {
      this.bracketStarts = grown(this.bracketStarts);
      this.bracketMarks = grown(this.bracketMarks);
      this.bracketDelimiters = grown(this.bracketDelimiters);
      this.bracketDelimiterTops = grown(this.bracketDelimiterTops);
      const image = new Uint8Array(count * 2);
      image.set(this.bracketIsImage);
      this.bracketIsImage = image;
    }
    this.bracketStarts[count] = start;
    this.bracketMarks[count] = markIndex;
    this.bracketIsImage[count] = isImage ? 1 : 0;
    this.bracketDelimiters[count] = this.delimiterCount;
    this.bracketDelimiterTops[count] = this.delimiterTop;
    this.bracketCount = count + 1;
  }

  /** Drops the reference to the text, so that a finished scan does not keep a document alive. */
  release(): void {
    this.source = '';
  }

  private growLines(): void {
    this.lineStarts = grown(this.lineStarts);
    this.lineEnds = grown(this.lineEnds);
    this.lineDocumentStarts = grown(this.lineDocumentStarts);
  }
}

/** Whether a `>` sits in the gap between two of the lines (the unit is inside a block quote). */
function containerMarkersBetween(text: string, starts: Int32Array, ends: Int32Array, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    for (let q = ends[i - 1]; q < starts[i]; q++) if (text.charCodeAt(q) === Char.GreaterThan) return true;
  }
  return false;
}

/** A copy of `array` with twice the room. */
export function grown(array: Int32Array) {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
