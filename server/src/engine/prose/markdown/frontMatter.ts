/**
 * YAML front matter: a `---` line at the very start of a document (after a
 * byte-order mark, if any), closed by a `---` or `...` line. It is metadata,
 * not prose: the reader yields it as one block without units.
 */
import { Char, isSpaceOrTab } from './characters';

/** End of the line starting at `pos`, before its line ending. */
function lineEndFrom(text: string, pos: number): number {
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === Char.LineFeed || c === Char.CarriageReturn) break;
    pos++;
  }
  return pos;
}

/** Start of the line after the one that ends (before its line ending) at `end`. */
function nextLineFrom(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === Char.CarriageReturn && text.charCodeAt(end + 1) === Char.LineFeed ? end + 2 : end + 1;
}

/** Whether [pos, end) is three `marker`s followed by nothing but spaces and tabs. */
function isFenceLine(text: string, pos: number, end: number, marker: number): boolean {
  if (end - pos < 3 || text.charCodeAt(pos) !== marker || text.charCodeAt(pos + 1) !== marker || text.charCodeAt(pos + 2) !== marker) return false;
  for (let q = pos + 3; q < end; q++) if (!isSpaceOrTab(text.charCodeAt(q))) return false;
  return true;
}

function isClosingLine(text: string, pos: number, end: number): boolean {
  return isFenceLine(text, pos, end, Char.Hyphen) || isFenceLine(text, pos, end, Char.Period);
}

/** After the closing line of front matter whose opening line ends at `openerEnd`, or -1 when no line closes it. */
function afterClosingLine(text: string, openerEnd: number): number {
  for (let pos = nextLineFrom(text, openerEnd); pos < text.length; ) {
    const end = lineEndFrom(text, pos);
    if (isClosingLine(text, pos, end)) return nextLineFrom(text, end);
    pos = nextLineFrom(text, end);
  }
  return -1;
}

/** End of the front matter whose opening line starts at `pos` (after its closing line), or -1. */
export function frontMatterEnd(text: string, pos: number): number {
  const end = lineEndFrom(text, pos);
  return isFenceLine(text, pos, end, Char.Hyphen) ? afterClosingLine(text, end) : -1;
}

/**
 * Whether `textFromStart`, the beginning of a document, opens front matter
 * without closing it: then text further down decides what the first block
 * is (see `DocumentReader.opensUnclosedPreamble`).
 */
export function opensUnclosedFrontMatter(textFromStart: string): boolean {
  const start = textFromStart.charCodeAt(0) === Char.ByteOrderMark ? 1 : 0;
  const end = lineEndFrom(textFromStart, start);
  return isFenceLine(textFromStart, start, end, Char.Hyphen) && afterClosingLine(textFromStart, end) < 0;
}
