/**
 * Inline markup marks: the line-oriented readers (AsciiDoc, reStructuredText)
 * scan a unit's source range for markup, record what is not prose as marks,
 * then hand the range minus the marks to a {@link UnitBuilder}.
 */
import { UnitBuilder } from './unitBuilder';
import type { ProseUnit } from '../prose';

/** Markup that is dropped: what is on either side of it may join into one word. */
export const MARKUP = 0;
/** Inline content that is not prose but stands for one word (code, a URL, an attribute reference). */
export const OPAQUE = 1;
/** Markup that reads as whitespace (the comment markers between two lines of a comment). */
export const SPACE = 2;

/** Marks of one unit, in any order; overlapping marks are allowed (the first one wins). */
export class Marks {
  private starts: number[] = [];
  private ends: number[] = [];
  private kinds: number[] = [];

  add(start: number, end: number, kind: number): void {
    if (end <= start) return;
    this.starts.push(start);
    this.ends.push(end);
    this.kinds.push(kind);
  }

  get size(): number {
    return this.starts.length;
  }

  clear(): void {
    this.starts.length = 0;
    this.ends.length = 0;
    this.kinds.length = 0;
  }

  /** Adds `[start, end)` minus the marks to `unit`: prose as text, opaque marks as opaque words. */
  emit(start: number, end: number, unit: UnitBuilder): void {
    const count = this.starts.length;
    const order = Array.from({ length: count }, (_, i) => i);
    if (count > 1) order.sort((a, b) => this.starts[a]! - this.starts[b]! || this.ends[b]! - this.ends[a]!);
    let pos = start;
    for (const i of order) {
      const markEnd = Math.min(this.ends[i]!, end);
      if (markEnd <= pos) continue;
      const markStart = Math.max(this.starts[i]!, pos);
      if (markStart > pos) unit.addText(pos, markStart);
      if (this.kinds[i] === OPAQUE) unit.addOpaque(markStart, markEnd);
      else if (this.kinds[i] === SPACE) unit.separate();
      pos = markEnd;
    }
    if (pos < end) unit.addText(pos, end);
  }
}

/** Adds `[start, end)` minus `marks` to `units` as a unit of its own, then clears the marks. */
export function emitUnit(text: string, start: number, end: number, marks: Marks, units: ProseUnit[]): void {
  const unit = new UnitBuilder(text);
  marks.emit(start, end, unit);
  unit.finish(units);
  marks.clear();
}
