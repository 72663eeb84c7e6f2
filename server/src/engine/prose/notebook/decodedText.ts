/**
 * Text decoded from JSON strings, with a map back to the JSON source: a
 * reader runs on the decoded text, and every range it finds is mapped back
 * to the escapes and characters of the source it came from.
 */
import { addCharacterReference } from '../html/entities';
import type { CommentSpan, ProseBlock, ProseSegment, ProseUnit } from '../prose';
import { UnitBuilder } from '../shared/unitBuilder';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** Decoded text built from JSON string contents, each decoded character knowing where in the source it came from. */
export class DecodedText {
  private parts: string[] = [];
  /** Per decoded character: where its source starts, how long the source is, and whether the source character is the character itself (not an escape standing for it). */
  private starts = new Int32Array(256);
  private lengths = new Uint8Array(256);
  private exact = new Uint8Array(256);
  private count = 0;
  private decoded: string | undefined;

  constructor(private readonly source: string) {}

  /** Appends the decoded content of the JSON string whose content (without quotes) is `[start, end)`. */
  appendJsonString(start: number, end: number): void {
    const source = this.source;
    for (let i = start; i < end;) {
      let backslash = source.indexOf('\\', i);
      if (backslash < 0 || backslash > end) backslash = end;
      if (backslash > i) {
        // A run without escapes is copied as it is.
        this.parts.push(source.slice(i, backslash));
        this.reserve(backslash - i);
        for (let j = i; j < backslash; j++) this.record(j, 1, 1);
        i = backslash;
        continue;
      }
      const kind = source[i + 1] ?? '';
      if (kind === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
        this.push(String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)), i, 6, 0);
        i += 6;
      } else if (kind in SIMPLE_ESCAPES) {
        this.push(SIMPLE_ESCAPES[kind]!, i, 2, 0);
        i += 2;
      } else if (i + 1 < end) {
        // `\"`, `\\`, `\/`: the escaped character stands in the source right after the backslash.
        this.push(kind, i + 1, 1, 1);
        i += 2;
      } else i++;
    }
    this.decoded = undefined;
  }

  private reserve(more: number): void {
    if (this.count + more <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.count + more);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Uint8Array(size);
    lengths.set(this.lengths);
    this.lengths = lengths;
    const exact = new Uint8Array(size);
    exact.set(this.exact);
    this.exact = exact;
  }

  private record(start: number, length: number, exact: number): void {
    const i = this.count++;
    this.starts[i] = start;
    this.lengths[i] = length;
    this.exact[i] = exact;
  }

  private push(character: string, start: number, length: number, exact: number): void {
    this.parts.push(character);
    this.reserve(1);
    this.record(start, length, exact);
  }

  get text(): string {
    this.decoded ??= this.parts.join('');
    return this.decoded;
  }

  /** The source range that decoded `[start, end)` came from. */
  sourceRange(start: number, end: number): { start: number; end: number } {
    const last = Math.max(start, end - 1);
    return { start: this.starts[start]!, end: this.starts[last]! + this.lengths[last]! };
  }

  /** Maps a comment found in the decoded text to the source. */
  mapComment(comment: CommentSpan): CommentSpan {
    return { ...this.sourceRange(comment.start, comment.end), body: comment.body };
  }

  /**
   * Maps a unit found in the decoded text to the source: runs of exact
   * characters become segments (split where an escape such as `\"` skips a
   * backslash, glued across it); escapes for whitespace separate words,
   * `\u` escapes read as the character they stand for (see `entities.ts`).
   */
  mapUnit(unit: ProseUnit, units: ProseUnit[]): void {
    const builder = new UnitBuilder(this.source);
    for (const segment of unit.segments) this.mapSegment(segment, builder);
    builder.finish(units);
  }

  private mapSegment(segment: ProseSegment, builder: UnitBuilder): void {
    if (!segment.glued) builder.separate();
    if (segment.opaque) {
      const range = this.sourceRange(segment.start, segment.end);
      builder.addOpaque(range.start, range.end);
      return;
    }
    let runStart = -1;
    let runEnd = -1;
    for (let i = segment.start; i < segment.end; i++) {
      const at = this.starts[i]!;
      if (this.exact[i]) {
        if (runStart >= 0 && at !== runEnd) {
          builder.addText(runStart, runEnd);
          runStart = -1;
        }
        if (runStart < 0) runStart = at;
        runEnd = at + 1;
        continue;
      }
      if (runStart >= 0) builder.addText(runStart, runEnd);
      runStart = -1;
      addCharacterReference(builder, this.source, at, at + this.lengths[i]!, this.text.charCodeAt(i));
    }
    if (runStart >= 0) builder.addText(runStart, runEnd);
  }
}

/** Maps every unit and comment of blocks read from `decoded` to the source. */
export function mapBlocks(decoded: DecodedText, blocks: Iterable<ProseBlock>, units: ProseUnit[], comments: CommentSpan[]): void {
  for (const block of blocks) {
    for (const unit of block.units) decoded.mapUnit(unit, units);
    for (const comment of block.comments) comments.push(decoded.mapComment(comment));
  }
}
