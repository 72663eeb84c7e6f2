/**
 * HTML blocks (CommonMark's seven kinds): where one starts, where it ends,
 * and the HTML comments inside it, which are reported for suppression
 * directives. An HTML block holds no prose.
 */
import type { BlockState } from './blockState';
import { Char, isAsciiAlphanumeric, isAsciiLetter } from './characters';
import { finalizeLeaf } from './containers';
import { closingTagEnd, findSequence, openTagEnd } from './inlineHtml';
import { isBlankFrom } from './lines';

/** Block-level tag names that start an HTML block of CommonMark type 6. */
const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);
/** Tags whose content is raw text: an HTML block of type 1, which ends only at their closing tag. */
const RAW_TEXT_TAGS = new Set(['script', 'pre', 'style', 'textarea']);

/** The lower-cased tag name at `start`. */
function tagName(text: string, start: number, lineEnd: number): string {
  let q = start;
  while (q < lineEnd && isAsciiAlphanumeric(text.charCodeAt(q))) q++;
  return text.slice(start, q).toLowerCase();
}

/**
 * The CommonMark HTML block type (1 to 7) starting at `start`, or 0. Type 7
 * (a complete open or closing tag alone on its line) only when `allowType7`,
 * as it cannot interrupt a paragraph.
 */
export function htmlBlockStart(state: BlockState, start: number, lineEnd: number, allowType7: boolean): number {
  const text = state.text;
  const next = start + 1 < lineEnd ? text.charCodeAt(start + 1) : 0;
  if (next === Char.Exclamation) {
    if (start + 3 < lineEnd && text.charCodeAt(start + 2) === Char.Hyphen && text.charCodeAt(start + 3) === Char.Hyphen) return 2;
    if (text.startsWith('[CDATA[', start + 2)) return 5;
    if (start + 2 < lineEnd && isAsciiLetter(text.charCodeAt(start + 2))) return 4;
    return 0;
  }
  if (next === Char.Question) return 3;
  const closing = next === Char.Slash;
  const nameStart = closing ? start + 2 : start + 1;
  if (nameStart >= lineEnd || !isAsciiLetter(text.charCodeAt(nameStart))) return 0;
  const name = tagName(text, nameStart, lineEnd);
  const after = nameStart + name.length;
  const c = after < lineEnd ? text.charCodeAt(after) : Char.Space;
  if (!closing && RAW_TEXT_TAGS.has(name) && (c === Char.Space || c === Char.Tab || c === Char.GreaterThan)) return 1;
  const tagEnds =
    c === Char.Space ||
    c === Char.Tab ||
    c === Char.GreaterThan ||
    (c === Char.Slash && after + 1 < lineEnd && text.charCodeAt(after + 1) === Char.GreaterThan);
  if (BLOCK_TAGS.has(name) && tagEnds) return 6;
  if (!allowType7 || (!closing && RAW_TEXT_TAGS.has(name))) return 0;
  state.inline.loadLine(text, start, lineEnd);
  const end = closing ? closingTagEnd(state.inline, start) : openTagEnd(state.inline, start);
  return end > 0 && isBlankFrom(text, end, lineEnd) ? 7 : 0;
}

/** Reads one line [start, end) of the open HTML block: its comments, and whether it ends the block. */
export function readHtmlLine(state: BlockState, start: number, end: number): void {
  if (state.htmlBlockType !== 1) recordHtmlComments(state, start, end);
  if (htmlBlockEndsOn(state, start, end)) finalizeLeaf(state);
}

/** Records the HTML comments of one line of an HTML block; a comment may span lines. */
function recordHtmlComments(state: BlockState, start: number, end: number): void {
  const text = state.text;
  let q = start;
  if (state.openCommentStart >= 0) {
    const close = findSequence(text, q, end, Char.Hyphen, Char.Hyphen, Char.GreaterThan);
    if (close < 0) {
      state.openCommentBody += '\n' + text.slice(q, end);
      return;
    }
    state.comments.push({
      start: state.openCommentStart,
      end: close + 3,
      body: (state.openCommentBody + '\n' + text.slice(q, close)).trim(),
    });
    state.openCommentStart = -1;
    state.openCommentBody = '';
    q = close + 3;
  }
  while (q < end) {
    const open = findCommentOpen(text, q, end);
    if (open < 0) return;
    const body = open + 4;
    if (body < end && text.charCodeAt(body) === Char.GreaterThan) {
      state.comments.push({ start: open, end: body + 1, body: '' });
      q = body + 1;
      continue;
    }
    if (body + 1 < end && text.charCodeAt(body) === Char.Hyphen && text.charCodeAt(body + 1) === Char.GreaterThan) {
      state.comments.push({ start: open, end: body + 2, body: '' });
      q = body + 2;
      continue;
    }
    const close = findSequence(text, body, end, Char.Hyphen, Char.Hyphen, Char.GreaterThan);
    if (close < 0) {
      state.openCommentStart = open;
      state.openCommentBody = text.slice(body, end);
      return;
    }
    state.comments.push({ start: open, end: close + 3, body: text.slice(body, close).trim() });
    q = close + 3;
  }
}

function findCommentOpen(text: string, q: number, end: number): number {
  for (; q + 3 < end; q++) {
    if (
      text.charCodeAt(q) === Char.LessThan &&
      text.charCodeAt(q + 1) === Char.Exclamation &&
      text.charCodeAt(q + 2) === Char.Hyphen &&
      text.charCodeAt(q + 3) === Char.Hyphen
    )
      return q;
  }
  return -1;
}

/** Whether the line [start, end) meets the end condition of the open HTML block (types 6 and 7 end at a blank line instead). */
function htmlBlockEndsOn(state: BlockState, start: number, end: number): boolean {
  const text = state.text;
  switch (state.htmlBlockType) {
    case 1:
      for (let q = start; q + 1 < end; q++) {
        if (text.charCodeAt(q) === Char.LessThan && text.charCodeAt(q + 1) === Char.Slash) {
          const name = tagName(text, q + 2, end);
          const after = q + 2 + name.length;
          if (RAW_TEXT_TAGS.has(name) && after < end && text.charCodeAt(after) === Char.GreaterThan) return true;
        }
      }
      return false;
    case 2:
      return findSequence(text, start, end, Char.Hyphen, Char.Hyphen, Char.GreaterThan) >= 0;
    case 3:
      for (let q = start; q + 1 < end; q++)
        if (text.charCodeAt(q) === Char.Question && text.charCodeAt(q + 1) === Char.GreaterThan) return true;
      return false;
    case 4:
      for (let q = start; q < end; q++) if (text.charCodeAt(q) === Char.GreaterThan) return true;
      return false;
    case 5:
      return findSequence(text, start, end, Char.CloseBracket, Char.CloseBracket, Char.GreaterThan) >= 0;
    default:
      return false;
  }
}
