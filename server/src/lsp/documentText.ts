/**
 * The text of an open document as a small piece table.
 *
 * `a.slice(0, i) + x + a.slice(j)` is what an edit naturally becomes, but V8
 * copies the whole string to slice it again at the next keystroke: 20 ms per
 * keystroke for a 13 MB document, doubled because the engine's session keeps
 * its own copy. Edits here only split a list of pieces; the text is joined
 * into one string only when something needs it whole (a new engine session,
 * a code action), and after each check it is replaced by the session's own
 * text, which is the same characters, so the document never holds a second
 * copy for long.
 */
import type { TextSource } from './positions';

/** A run of characters: `source.slice(start, end)`. */
interface Piece {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

/** Past this many pieces, the text is joined, so reads stay cheap. */
const MAX_PIECES = 512;

/** A mutable text with cheap replacements and reads near the edits. */
export class DocumentText implements TextSource {
  private pieces: Piece[] = [];
  private lengthValue = 0;
  private joined: string | undefined;

  constructor(text: string) {
    this.reset(text);
  }

  get length(): number {
    return this.lengthValue;
  }

  /** Replaces the whole text. */
  reset(text: string): void {
    this.pieces = text.length > 0 ? [{ source: text, start: 0, end: text.length }] : [];
    this.lengthValue = text.length;
    this.joined = text;
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text (as `String.prototype.charCodeAt`). */
  charCodeAt(offset: number): number {
    if (this.joined !== undefined) return this.joined.charCodeAt(offset);
    if (offset < 0 || offset >= this.lengthValue) return NaN;
    let position = 0;
    for (const piece of this.pieces) {
      const size = piece.end - piece.start;
      if (offset < position + size) return piece.source.charCodeAt(piece.start + offset - position);
      position += size;
    }
    return NaN;
  }

  /** The characters in `[start, end)` (clamped), read from the pieces without joining the whole text. */
  slice(start: number, end: number): string {
    const from = Math.max(0, Math.min(start, this.lengthValue));
    const to = Math.max(from, Math.min(end, this.lengthValue));
    if (this.joined !== undefined) return this.joined.slice(from, to);
    const parts: string[] = [];
    let position = 0;
    for (const piece of this.pieces) {
      const size = piece.end - piece.start;
      const pieceStart = position;
      position += size;
      if (position <= from) continue;
      if (pieceStart >= to) break;
      parts.push(piece.source.slice(piece.start + Math.max(0, from - pieceStart), piece.start + Math.min(size, to - pieceStart)));
    }
    return parts.join('');
  }

  /** Replaces `[start, end)` (clamped to the text) with `text`. */
  replace(start: number, end: number, text: string): void {
    const from = Math.max(0, Math.min(start, this.lengthValue));
    const to = Math.max(from, Math.min(end, this.lengthValue));
    const next: Piece[] = [];
    let position = 0;
    let inserted = false;
    const insert = (): void => {
      if (!inserted && text.length > 0) next.push({ source: text, start: 0, end: text.length });
      inserted = true;
    };
    for (const piece of this.pieces) {
      const size = piece.end - piece.start;
      const pieceStart = position;
      const pieceEnd = position + size;
      position = pieceEnd;
      if (pieceEnd <= from) {
        next.push(piece);
        continue;
      }
      if (pieceStart >= to) {
        insert();
        next.push(piece);
        continue;
      }
      if (pieceStart < from) next.push({ source: piece.source, start: piece.start, end: piece.start + (from - pieceStart) });
      insert();
      if (pieceEnd > to) next.push({ source: piece.source, start: piece.start + (to - pieceStart), end: piece.end });
    }
    insert();
    this.pieces = next;
    this.lengthValue += text.length - (to - from);
    this.joined = undefined;
    if (this.pieces.length > MAX_PIECES) this.toString();
  }

  /** The whole text as one string (joined once, then kept until the next edit). */
  toString(): string {
    if (this.joined === undefined) {
      const single = this.pieces.length === 1 ? this.pieces[0]! : undefined;
      this.joined =
        single && single.start === 0 && single.end === single.source.length
          ? single.source
          : this.pieces.map((piece) => piece.source.slice(piece.start, piece.end)).join('');
      this.pieces = this.joined.length > 0 ? [{ source: this.joined, start: 0, end: this.joined.length }] : [];
    }
    return this.joined;
  }
}
