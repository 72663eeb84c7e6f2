/**
 * The plain-text reader: every paragraph is prose. Also the reader for
 * kinds of text with no markup worth reading, such as commit messages.
 */
import type { ProseBlock, ProseSegment } from '../prose';
import type { DocumentReader } from '../reader';

/** Reads plain text: paragraphs separated by blank lines, e-mail quotation markers dropped; no comments. */
export const plainTextReader: DocumentReader = Object.freeze({
  kind: 'plaintext',
  scanBlocks: scanPlainTextBlocks,
});

function isBlankChar(c: number): boolean {
  // a byte-order mark is not a word character either
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xfeff;
}

/**
 * Cuts a plain-text document into paragraphs.
 *
 * Yields blocks that tile `text` from `from` to `text.length`. A paragraph is
 * a run of non-blank lines (a blank line holds only spaces and tabs; a
 * byte-order mark counts as a space); the blank lines after it belong to its
 * block, and blank lines at the very start form a block of their own with no
 * units. Each paragraph block has one unit whose segments are its lines
 * without their leading and trailing whitespace, leading e-mail quotation
 * markers (`>`, `>>`, `> >`) and line ending; a line of nothing but such
 * markers is blank. Plain text has no comments. Lines end at `\n`, `\r\n` or `\r`.
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan yields
 * from that point on. Runs in time linear in the length of the text.
 */
export function* scanPlainTextBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  let pos = from > 0 ? (from < len ? from : len) : 0;
  let start = pos;
  let segments: ProseSegment[] = [];
  let blankSeen = false;
  // Without carriage returns a line ends at the next "\n", which the native indexOf finds many times faster than a loop.
  const newlinesOnly = text.indexOf('\r', pos) === -1;
  while (pos < len) {
    let e: number;
    let s = pos;
    while (s < len && isBlankChar(text.charCodeAt(s))) s++;
    if (newlinesOnly) {
      e = text.indexOf('\n', pos);
      if (e === -1) e = len;
    } else {
      e = s;
      while (e < len && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
    }
    // Quotation markers of e-mail replies ("> ", ">> ") are markup: a phrase may run on to the next quoted line.
    while (s < e && text.charCodeAt(s) === 62) {
      s++;
      while (s < e && isBlankChar(text.charCodeAt(s))) s++;
    }
    const c = e < len ? text.charCodeAt(e) : 0;
    const next = e >= len ? len : c === 13 && e + 1 < len && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
    if (s < e) {
      // A non-blank line after blank ones starts the next block.
      if (blankSeen) {
        yield { start, end: pos, units: segments.length > 0 ? [{ segments }] : [], comments: [] };
        segments = [];
        start = pos;
        blankSeen = false;
      }
      let te = e;
      while (te > s && isBlankChar(text.charCodeAt(te - 1))) te--;
      segments.push({ start: s, end: te });
    } else {
      blankSeen = true;
    }
    pos = next;
  }
  if (len > start) yield { start, end: len, units: segments.length > 0 ? [{ segments }] : [], comments: [] };
}
