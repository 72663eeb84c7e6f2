/**
 * Assembles the segments of one prose unit from the stretches of prose a
 * reader finds, so that every reader computes `glued` the same way the
 * Markdown reader does: a segment is glued to the previous one when nothing
 * but markup without whitespace separates them (`<b>en</b>abled`).
 */
import type { ProseSegment, ProseUnit } from '../prose';

/** Whitespace as the word tokenizer sees it, plus the byte-order mark. */
export function isBlank(code: number): boolean {
  if (code < 0x80) return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
  return (
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/**
 * Collects one unit's segments in source order. Prose stretches are trimmed
 * of surrounding whitespace (which only separates words), adjacent stretches
 * with nothing between them are merged, and line breaks inside a stretch
 * split it, so that prose segments always stay on one line.
 */
export class UnitBuilder {
  private segments: ProseSegment[] = [];
  /** End of the last segment, or -1 before the first. */
  private lastEnd = -1;
  private lastOpaque = false;
  /** Whitespace or whitespace-like markup came after the last segment. */
  private separated = false;

  constructor(private readonly text: string) {}

  /** True while the unit holds no segment. */
  get isEmpty(): boolean {
    return this.segments.length === 0;
  }

  /** Where the unit's first segment starts, or -1 when it has none. */
  get start(): number {
    return this.segments.length > 0 ? this.segments[0]!.start : -1;
  }

  /** Adds the prose in `[start, end)`, which holds no markup; line breaks in it separate words. */
  addText(start: number, end: number): void {
    const text = this.text;
    let s = start;
    while (s < end) {
      while (s < end && isBlank(text.charCodeAt(s))) s++;
      if (s > start) this.separated = true;
      if (s >= end) return;
      let e = s;
      while (e < end && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
      let te = e;
      while (te > s && isBlank(text.charCodeAt(te - 1))) te--;
      this.push(s, te, false);
      if (te < end) this.separated = true;
      start = s = e;
    }
  }

  /** Adds inline content that is not prose but stands for a word (code, an image, an expression). */
  addOpaque(start: number, end: number): void {
    let s = start;
    let e = end;
    while (s < e && isBlank(this.text.charCodeAt(s))) s++;
    while (e > s && isBlank(this.text.charCodeAt(e - 1))) e--;
    if (s > start) this.separated = true;
    if (e <= s) return;
    this.push(s, e, true);
    if (e < end) this.separated = true;
  }

  /** Records markup that reads as whitespace (a line break, a `<br>`). */
  separate(): void {
    this.separated = true;
  }

  /** Ends the unit: appends it to `units` when it holds a segment, and starts an empty one. */
  finish(units: ProseUnit[]): void {
    if (this.segments.length > 0) units.push({ segments: this.segments });
    this.segments = [];
    this.lastEnd = -1;
    this.lastOpaque = false;
    this.separated = false;
  }

  private push(start: number, end: number, opaque: boolean): void {
    const segments = this.segments;
    const count = segments.length;
    if (count > 0 && !opaque && !this.lastOpaque && !this.separated && start === this.lastEnd) {
      // Text split only by the reader's own bookkeeping (a chunk end, an entity it dropped) is one stretch.
      const last = segments[count - 1]!;
      segments[count - 1] = last.glued ? { start: last.start, end, glued: true } : { start: last.start, end };
    } else {
      const glued = count > 0 && !this.separated;
      segments.push(
        opaque ? (glued ? { start, end, glued, opaque } : { start, end, opaque }) : glued ? { start, end, glued } : { start, end },
      );
    }
    this.lastEnd = end;
    this.lastOpaque = opaque;
    this.separated = false;
  }
}
