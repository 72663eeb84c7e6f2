/**
 * From marks to prose: turns the marks the inline pass left in an
 * {@link InlineState} into a {@link ProseUnit} of document-offset segments
 * (prose runs between marks, one opaque segment per opaque mark) and into the
 * comment spans the unit holds.
 */
import type { CommentSpan, ProseSegment, ProseUnit } from '../prose';
import { isSpaceOrLineEnd, isWordCharacter } from './characters';
import { MarkKind, type InlineState } from './inlineState';

/** Collects the segments of one unit and decides which of them are glued to the one before. */
class SegmentCollector {
  text = '';
  segments: ProseSegment[] = [];
  /** End of the previous segment in `text`, or -1 before the first one. */
  previousEnd = -1;
  /** Whether a line break lies between the previous segment and the next one. */
  lineBroken = false;
  /** Whether a separator mark (a shortcut reference's bracket) lies between them. */
  separated = false;

  begin(text: string): void {
    this.text = text;
    this.segments = [];
    this.previousEnd = -1;
    this.lineBroken = false;
    this.separated = false;
  }

  push(start: number, end: number, opaque: boolean): void {
    const glued =
      this.previousEnd >= 0 && !this.lineBroken && this.joins(this.text.charCodeAt(this.previousEnd - 1), this.text.charCodeAt(start));
    // Only the flags that are set are written, so segments stay small and of few shapes.
    this.segments.push(
      opaque ? (glued ? { start, end, glued, opaque } : { start, end, opaque }) : glued ? { start, end, glued } : { start, end },
    );
    this.previousEnd = end;
    this.lineBroken = false;
    this.separated = false;
  }

  /** Whether markup between the characters `before` and `after` leaves them in one word. */
  private joins(before: number, after: number): boolean {
    if (isSpaceOrLineEnd(before) || isSpaceOrLineEnd(after)) return false;
    return !this.separated || !isWordCharacter(before) || !isWordCharacter(after);
  }
}

/** Writes the prose of parsed units out as segments; one per scan, reused for every unit. */
export class UnitWriter {
  private readonly collector = new SegmentCollector();

  /**
   * Turns the marks of the unit in `state` (read from the document `text`)
   * into a unit, added to `units` when it has segments, and its comments.
   */
  write(state: InlineState, text: string, units: ProseUnit[], comments: CommentSpan[]): void {
    const collector = this.collector;
    collector.begin(text);
    const marks = state.marks;
    const markCount = state.markCount;
    const lineStarts = state.lineStarts;
    const lineEnds = state.lineEnds;
    const lineDocumentStarts = state.lineDocumentStarts;
    let line = 0;
    let pos = state.rangeStart;
    for (let index = 0; index <= markCount; index++) {
      let markStart: number;
      let markEnd: number;
      let kind: number;
      if (index === markCount) {
        markStart = markEnd = state.rangeEnd;
        kind = 0;
      } else {
        kind = marks[index * 3 + 2];
        if (kind === MarkKind.Tentative) continue;
        markStart = marks[index * 3];
        markEnd = marks[index * 3 + 1];
      }
      // The prose before the mark, one segment per line; a line's document offset is its start there plus the distance.
      while (pos < markStart) {
        const lineEnd = lineEnds[line];
        if (pos >= lineEnd) {
          collector.lineBroken = true;
          line++;
          pos = lineStarts[line];
          continue;
        }
        const proseEnd = markStart < lineEnd ? markStart : lineEnd;
        const shift = lineDocumentStarts[line] - lineStarts[line];
        collector.push(pos + shift, proseEnd + shift, false);
        pos = proseEnd;
      }
      if (kind === MarkKind.Opaque || kind === MarkKind.Comment) {
        const lastLine = lineOf(state, line, markEnd - 1);
        const start = markStart + lineDocumentStarts[line] - lineStarts[line];
        const end = markEnd + lineDocumentStarts[lastLine] - lineStarts[lastLine];
        if (kind === MarkKind.Opaque) collector.push(start, end, true);
        else comments.push({ start, end, body: markEnd - 3 > markStart + 4 ? state.source.slice(markStart + 4, markEnd - 3).trim() : '' });
      } else if (kind === MarkKind.Separator) collector.separated = true;
      if (markEnd > pos) pos = markEnd;
      line = lineOf(state, line, pos);
    }
    if (collector.segments.length > 0) units.push({ segments: collector.segments });
    collector.text = '';
  }
}

/** The line holding `pos`, searching forward from line `line`. */
function lineOf(state: InlineState, line: number, pos: number): number {
  const lineStarts = state.lineStarts;
  const count = state.lineCount;
  while (line + 1 < count && lineStarts[line + 1] <= pos) line++;
  return line;
}
