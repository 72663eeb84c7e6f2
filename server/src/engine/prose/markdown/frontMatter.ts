/**
 * YAML front matter: a `---` line at the very start of a document (after a
 * byte-order mark, if any), closed by a `---` or `...` line, with YAML
 * between them (see {@link isYamlLine}) or nothing. It is metadata, not
 * prose: the reader yields it as one block without units. An opening `---`
 * followed by prose is what CommonMark makes of it: a thematic break (or,
 * with a `---` under the prose, a setext heading), so its prose is checked.
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
  if (end - pos < 3 || text.charCodeAt(pos) !== marker || text.charCodeAt(pos + 1) !== marker || text.charCodeAt(pos + 2) !== marker)
    return false;
  for (let q = pos + 3; q < end; q++) if (!isSpaceOrTab(text.charCodeAt(q))) return false;
  return true;
}

function isClosingLine(text: string, pos: number, end: number): boolean {
  return isFenceLine(text, pos, end, Char.Hyphen) || isFenceLine(text, pos, end, Char.Period);
}

/** Characters that cannot start a plain YAML key (YAML's indicators, and spaces). */
const NOT_KEY_START = new Set(Array.from(' \t#[]{}>|*&!%@`,?:"\'', (ch) => ch.charCodeAt(0)));

/** Whether [pos, end) starts with a YAML key: `key:` or `"quoted key":`, the colon followed by a space or the line's end. */
function isKeyLine(text: string, pos: number, end: number): boolean {
  let q = pos;
  const first = text.charCodeAt(q);
  if (first === Char.DoubleQuote || first === Char.Apostrophe) {
    q = text.indexOf(String.fromCharCode(first), q + 1);
    if (q < 0 || q >= end) return false;
    q++;
    while (q < end && isSpaceOrTab(text.charCodeAt(q))) q++;
    return q < end && text.charCodeAt(q) === Char.Colon && (q + 1 === end || isSpaceOrTab(text.charCodeAt(q + 1)));
  }
  if (NOT_KEY_START.has(first) || (first === Char.Hyphen && (pos + 1 === end || isSpaceOrTab(text.charCodeAt(pos + 1))))) return false;
  for (; q < end; q++) {
    const c = text.charCodeAt(q);
    if (c === Char.Colon && (q + 1 === end || isSpaceOrTab(text.charCodeAt(q + 1)))) return true;
    // A comment starts at ` #`: a colon after it is not the key's.
    if (c === Char.Hash && isSpaceOrTab(text.charCodeAt(q - 1))) return false;
  }
  return false;
}

/**
 * Whether the line [pos, end) can be a line of front matter. GitHub shows
 * front matter only when it parses as YAML; the reader takes a line rule
 * that accepts what front matter holds in practice and turns prose away: a
 * blank line, a comment (`# ...`), a key (`title: ...`, `"a key": ...`), and,
 * after a key, a list item (`- ...`) or an indented line (a nested value or
 * a scalar continued over lines). The first line that is none of these
 * decides that the block is not front matter.
 */
function isYamlLine(text: string, pos: number, end: number, afterKey: boolean): boolean {
  if (pos === end) return true;
  const c = text.charCodeAt(pos);
  if (isSpaceOrTab(c)) return afterKey || isBlankLine(text, pos, end);
  if (c === Char.Hash) return true;
  if (c === Char.Hyphen && (pos + 1 === end || isSpaceOrTab(text.charCodeAt(pos + 1)))) return afterKey;
  return isKeyLine(text, pos, end);
}

function isBlankLine(text: string, pos: number, end: number): boolean {
  for (let q = pos; q < end; q++) if (!isSpaceOrTab(text.charCodeAt(q))) return false;
  return true;
}

/** What the lines after an opening `---` make of it. */
const enum FrontMatterState {
  /** A line that is not YAML comes before any closing line: no front matter. */
  NotFrontMatter = -1,
  /** The text ends before a closing line, and every line so far is YAML: text further down decides. */
  Undecided = -2,
}

/** After the closing line of the front matter whose opening line ends at `openerEnd`, or a {@link FrontMatterState}. */
function afterClosingLine(text: string, openerEnd: number): number {
  let afterKey = false;
  for (let pos = nextLineFrom(text, openerEnd); pos < text.length;) {
    const end = lineEndFrom(text, pos);
    if (isClosingLine(text, pos, end)) return nextLineFrom(text, end);
    if (!isYamlLine(text, pos, end, afterKey)) return FrontMatterState.NotFrontMatter;
    if (pos < end && !isSpaceOrTab(text.charCodeAt(pos)) && text.charCodeAt(pos) !== Char.Hash) afterKey = true;
    pos = nextLineFrom(text, end);
  }
  return FrontMatterState.Undecided;
}

/**
 * End of the front matter whose opening line starts at `pos` (after its
 * closing line), or -1 when there is none: no `---` line at `pos`, no closing
 * line, or a line before the closing one that is not YAML.
 */
export function frontMatterEnd(text: string, pos: number): number {
  const end = lineEndFrom(text, pos);
  if (!isFenceLine(text, pos, end, Char.Hyphen)) return -1;
  const after = afterClosingLine(text, end);
  return after >= 0 ? after : -1;
}

/**
 * Whether `textFromStart`, the beginning of a document, opens front matter
 * that it neither closes nor rules out: then text further down decides what
 * the first block is (see `DocumentReader.opensUnclosedPreamble`).
 */
export function opensUnclosedFrontMatter(textFromStart: string): boolean {
  const start = textFromStart.charCodeAt(0) === Char.ByteOrderMark ? 1 : 0;
  const end = lineEndFrom(textFromStart, start);
  return isFenceLine(textFromStart, start, end, Char.Hyphen) && afterClosingLine(textFromStart, end) === FrontMatterState.Undecided;
}
