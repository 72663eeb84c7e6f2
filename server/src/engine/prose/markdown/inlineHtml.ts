/**
 * What a `<` starts in the inline pass: an HTML comment (reported for
 * suppressions), a CDATA section, declaration or processing instruction, an
 * open or closing tag, or an autolink; all but comments are opaque words.
 * The open and closing tag recognisers are shared with the block pass, which
 * uses them to find HTML blocks of CommonMark type 7.
 */
import { emailAutolinkEnd, uriAutolinkEnd } from './autolinks';
import { Char, isAsciiAlphanumeric, isAsciiLetter, skipSpacesAndLineEnds } from './characters';
import { MarkKind, type InlineState } from './inlineState';

/** A `<` at `k`: marks what it starts, if anything; returns where to go on. */
export function angleBracket(state: InlineState, k: number): number {
  const source = state.source;
  if (k + 1 >= state.rangeEnd) return k + 1;
  const next = source.charCodeAt(k + 1);
  if (next === Char.Exclamation) return markupDeclaration(state, k);
  if (next === Char.Question) return processingInstruction(state, k);
  if (next === Char.Slash) return markIfFound(state, k, closingTagEnd(state, k), MarkKind.Opaque);
  if (isAsciiLetter(next)) {
    const uri = uriAutolinkEnd(state, k);
    if (uri > 0) return markIfFound(state, k, uri, MarkKind.Opaque);
  }
  const email = emailAutolinkEnd(state, k);
  if (email > 0) return markIfFound(state, k, email, MarkKind.Opaque);
  if (isAsciiLetter(next) && state.budget >= 0) {
    const end = openTagEnd(state, k);
    // <wbr> only offers a line break inside a word: markup, so the word's halves stay one word.
    if (end > 0) return markIfFound(state, k, end, isWordBreakOpportunity(source, k, end) ? MarkKind.Markup : MarkKind.Opaque);
    state.budget -= state.scanReach - k + 1;
  }
  return k + 1;
}

/** True for the tag `<wbr>`, `<wbr/>` or `<wbr />` (any case) at [k, end). */
function isWordBreakOpportunity(source: string, k: number, end: number): boolean {
  return end - k <= 7 && /^<wbr\s*\/?>$/i.test(source.slice(k, end));
}

/** Marks [k, end) when `end` is a found end (> 0); returns where to go on. */
function markIfFound(state: InlineState, k: number, end: number, kind: MarkKind): number {
  if (end <= 0) return k + 1;
  state.mark(k, end, kind);
  return end;
}

/** `<!--` comment, `<![CDATA[` section or `<!X` declaration at `k`. */
function markupDeclaration(state: InlineState, k: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  if (k + 3 < end && source.charCodeAt(k + 2) === Char.Hyphen && source.charCodeAt(k + 3) === Char.Hyphen) {
    return markIfFound(state, k, commentEnd(state, k + 4), MarkKind.Comment);
  }
  if (source.startsWith('[CDATA[', k + 2) && k + 9 <= end) {
    const q = k + 9;
    if (q < state.noCdataEndFrom) {
      const close = findSequence(source, q, end, Char.CloseBracket, Char.CloseBracket, Char.GreaterThan);
      if (close >= 0) return markIfFound(state, k, close + 3, MarkKind.Opaque);
      state.noCdataEndFrom = q;
    }
    return k + 1;
  }
  if (k + 2 < end && isAsciiLetter(source.charCodeAt(k + 2))) return markIfFound(state, k, greaterThanEnd(state, k + 3), MarkKind.Opaque);
  return k + 1;
}

/** End of the HTML comment whose body starts at `q` (after `<!--`), or -1. `<!-->` and `<!--->` are comments too. */
function commentEnd(state: InlineState, q: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  if (q < end && source.charCodeAt(q) === Char.GreaterThan) return q + 1;
  if (q + 1 < end && source.charCodeAt(q) === Char.Hyphen && source.charCodeAt(q + 1) === Char.GreaterThan) return q + 2;
  if (q >= state.noCommentEndFrom) return -1;
  const close = findSequence(source, q, end, Char.Hyphen, Char.Hyphen, Char.GreaterThan);
  if (close >= 0) return close + 3;
  state.noCommentEndFrom = q;
  return -1;
}

/** `<?...?>` at `k`. */
function processingInstruction(state: InlineState, k: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  const q = k + 2;
  if (q < state.noProcessingInstructionEndFrom) {
    for (let r = q; r + 1 < end; r++) {
      if (source.charCodeAt(r) === Char.Question && source.charCodeAt(r + 1) === Char.GreaterThan)
        return markIfFound(state, k, r + 2, MarkKind.Opaque);
    }
    state.noProcessingInstructionEndFrom = q;
  }
  return k + 1;
}

/** The offset after the first `>` from `q`, or -1. */
function greaterThanEnd(state: InlineState, q: number): number {
  if (q >= state.noGreaterThanFrom) return -1;
  const source = state.source;
  const end = state.rangeEnd;
  for (let r = q; r < end; r++) if (source.charCodeAt(r) === Char.GreaterThan) return r + 1;
  state.noGreaterThanFrom = q;
  return -1;
}

/** Where the three characters `a b c` first occur in [q, end), or -1. */
export function findSequence(text: string, q: number, end: number, a: number, b: number, c: number): number {
  for (; q + 2 < end; q++) {
    if (text.charCodeAt(q) === a && text.charCodeAt(q + 1) === b && text.charCodeAt(q + 2) === c) return q;
  }
  return -1;
}

function isAttributeNameStart(c: number): boolean {
  return isAsciiLetter(c) || c === Char.Underscore || c === Char.Colon;
}

function isAttributeNameChar(c: number): boolean {
  return isAsciiAlphanumeric(c) || c === Char.Underscore || c === Char.Colon || c === Char.Period || c === Char.Hyphen;
}

/** End of the HTML closing tag at `k` (`</`), or -1. */
export function closingTagEnd(state: InlineState, k: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let q = k + 2;
  if (q >= end || !isAsciiLetter(source.charCodeAt(q))) return -1;
  while (q < end && (isAsciiAlphanumeric(source.charCodeAt(q)) || source.charCodeAt(q) === Char.Hyphen)) q++;
  q = skipSpacesAndLineEnds(source, q, end);
  return q < end && source.charCodeAt(q) === Char.GreaterThan ? q + 1 : -1;
}

/** End of the HTML open tag at `k` (which holds `<` followed by a letter), or -1; sets `scanReach` on failure. */
export function openTagEnd(state: InlineState, k: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let q = k + 2;
  while (q < end && (isAsciiAlphanumeric(source.charCodeAt(q)) || source.charCodeAt(q) === Char.Hyphen)) q++;
  for (;;) {
    const beforeSpace = q;
    q = skipSpacesAndLineEnds(source, q, end);
    state.scanReach = q;
    if (q >= end) return -1;
    const c = source.charCodeAt(q);
    if (c === Char.GreaterThan) return q + 1;
    if (c === Char.Slash) return q + 1 < end && source.charCodeAt(q + 1) === Char.GreaterThan ? q + 2 : -1;
    if (q === beforeSpace || !isAttributeNameStart(c)) return -1;
    q++;
    while (q < end && isAttributeNameChar(source.charCodeAt(q))) q++;
    q = attributeValueEnd(state, q);
    if (q < 0) return -1;
  }
}

/** After an attribute name ending at `q`: the end of its `= value`, or `q` when it has none, or -1. */
function attributeValueEnd(state: InlineState, q: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let r = skipSpacesAndLineEnds(source, q, end);
  if (r >= end || source.charCodeAt(r) !== Char.Equals) return q;
  r = skipSpacesAndLineEnds(source, r + 1, end);
  state.scanReach = r;
  if (r >= end) return -1;
  const quote = source.charCodeAt(r);
  if (quote === Char.DoubleQuote || quote === Char.Apostrophe) {
    r++;
    while (r < end && source.charCodeAt(r) !== quote) r++;
    state.scanReach = r;
    return r < end ? r + 1 : -1;
  }
  const start = r;
  while (r < end) {
    const c = source.charCodeAt(r);
    if (
      c <= Char.Space ||
      c === Char.DoubleQuote ||
      c === Char.Apostrophe ||
      c === Char.Equals ||
      c === Char.LessThan ||
      c === Char.GreaterThan ||
      c === Char.Backtick
    )
      break;
    r++;
  }
  return r === start ? -1 : r;
}
