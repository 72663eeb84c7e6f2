/**
 * Links in the inline pass: what a `]` closes, inline link tails
 * `(destination "title")`, reference labels `[label]`, and footnote
 * references `[^note]`. Link text stays prose; the brackets, destination and
 * title become markup. An image (`![alt](src)`) is one opaque word as a whole.
 * A shortcut reference `[text]` may be a link or literal brackets, depending
 * on a definition that can be anywhere in the document; its brackets are
 * markup that keeps words apart, so `ChatGPT[1]` reads as two words either way.
 */
import { Char, isEscapable, skipSpacesAndLineEnds } from './characters';
import { dropDelimitersFrom, processEmphasis } from './emphasis';
import { MarkKind, type InlineState } from './inlineState';

/** Longest label or footnote name read, as CommonMark limits link labels. */
const MAX_LABEL_LENGTH = 1000;
/** Deepest nesting of balanced parentheses in a link destination. */
const MAX_DESTINATION_PARENTHESES = 32;

/** End of the footnote reference `[^name]` at `k`, or -1. */
export function footnoteReferenceEnd(state: InlineState, k: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let q = k + 2;
  while (q < end && q - k < MAX_LABEL_LENGTH) {
    const c = source.charCodeAt(q);
    if (c === Char.CloseBracket) return q > k + 2 ? q + 1 : -1;
    if (c <= Char.Space || c === Char.OpenBracket || c === Char.Backslash) return -1;
    q++;
  }
  return -1;
}

/**
 * A `]` at `k`: closes the innermost open bracket as a link or image when
 * there is one; returns where to go on (after the link tail or label, if any).
 */
export function closeBracket(state: InlineState, k: number): number {
  if (state.bracketCount === 0) return k + 1;
  const top = state.bracketCount - 1;
  const isImage = state.bracketIsImage[top] === 1;
  if (!isImage && top < state.linkOpenerFloor) {
    state.bracketCount = top;
    return k + 1;
  }
  const next = k + 1 < state.rangeEnd ? state.source.charCodeAt(k + 1) : 0;
  let end = -1;
  if (next === Char.OpenParen) end = linkTail(state, k + 1);
  if (end < 0 && next === Char.OpenBracket) end = linkLabelEnd(state, k + 1);
  const definite = end > 0;
  // `[text]` counts as a link whether or not a definition exists, because
  // definitions can live in other blocks and blocks must parse independently.
  if (end < 0) end = k + 1;
  if (isImage) {
    // An image is one opaque word: the marks inside it are dropped.
    state.markCount = state.bracketMarks[top];
    dropDelimitersFrom(state, state.bracketDelimiters[top], state.bracketDelimiterTops[top]);
    state.mark(state.bracketStarts[top], end, MarkKind.Opaque);
  } else {
    // Emphasis inside link text pairs within it.
    processEmphasis(state, state.bracketDelimiters[top], state.bracketDelimiterTops[top]);
    const kind = definite ? MarkKind.Markup : MarkKind.Separator;
    state.marks[state.bracketMarks[top] * 3 + 2] = kind;
    state.mark(k, end, kind);
    // Only a certain link makes outer brackets literal; a shortcut may be plain text.
    if (definite) state.linkOpenerFloor = top;
  }
  state.bracketCount = top;
  if (state.linkOpenerFloor > top) state.linkOpenerFloor = top;
  return end;
}

/** `(destination "title")` starting at `j`; returns the offset after `)`, or -1. */
function linkTail(state: InlineState, j: number): number {
  if (state.budget < 0) return -1;
  const end = linkTailEnd(state, j);
  if (end < 0) state.budget -= state.scanReach - j + 1;
  return end;
}

function linkTailEnd(state: InlineState, j: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let q = skipSpacesAndLineEnds(source, j + 1, end);
  state.scanReach = q;
  if (q >= end) return -1;
  if (source.charCodeAt(q) === Char.CloseParen) return q + 1;
  const afterDestination = linkDestinationEnd(state, q);
  if (afterDestination < 0) return -1;
  q = skipSpacesAndLineEnds(source, afterDestination, end);
  state.scanReach = q;
  if (q >= end) return -1;
  const c = source.charCodeAt(q);
  if (c === Char.CloseParen) return q + 1;
  if (q === afterDestination || (c !== Char.DoubleQuote && c !== Char.Apostrophe && c !== Char.OpenParen)) return -1;
  const afterTitle = linkTitleEnd(state, q);
  if (afterTitle < 0) return -1;
  q = skipSpacesAndLineEnds(source, afterTitle, end);
  state.scanReach = q;
  return q < end && source.charCodeAt(q) === Char.CloseParen ? q + 1 : -1;
}

/** End of the link destination (`<...>` or a run without spaces and with balanced parentheses) at `q`, or -1. */
function linkDestinationEnd(state: InlineState, q: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  if (source.charCodeAt(q) === Char.LessThan) {
    q++;
    while (q < end) {
      const c = source.charCodeAt(q);
      if (c === Char.GreaterThan) break;
      if (c === Char.LineFeed || c === Char.CarriageReturn || c === Char.LessThan) {
        state.scanReach = q;
        return -1;
      }
      q += c === Char.Backslash ? 2 : 1;
    }
    state.scanReach = q;
    return q < end ? q + 1 : -1;
  }
  let depth = 0;
  const start = q;
  while (q < end) {
    const c = source.charCodeAt(q);
    if (c <= Char.Space || c === Char.Delete) break;
    if (c === Char.Backslash && q + 1 < end && isEscapable(source.charCodeAt(q + 1))) {
      q += 2;
      continue;
    }
    if (c === Char.OpenParen) {
      if (++depth > MAX_DESTINATION_PARENTHESES) break;
    } else if (c === Char.CloseParen) {
      if (depth === 0) break;
      depth--;
    }
    q++;
  }
  state.scanReach = q;
  return depth !== 0 || q === start ? -1 : q;
}

/** End of the link title opened by the quote or parenthesis at `q`, or -1. */
function linkTitleEnd(state: InlineState, q: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  const open = source.charCodeAt(q);
  const close = open === Char.OpenParen ? Char.CloseParen : open;
  q++;
  while (q < end) {
    const c = source.charCodeAt(q);
    if (c === close) break;
    if (c === Char.Backslash) {
      q += 2;
      continue;
    }
    if (open === Char.OpenParen && c === Char.OpenParen) {
      state.scanReach = q;
      return -1;
    }
    q++;
  }
  state.scanReach = q;
  return q < end ? q + 1 : -1;
}

/** `[label]` starting at `j`; returns the offset after `]`, or -1. */
function linkLabelEnd(state: InlineState, j: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let q = j + 1;
  while (q < end && q - j <= MAX_LABEL_LENGTH) {
    const c = source.charCodeAt(q);
    if (c === Char.CloseBracket) return q + 1;
    if (c === Char.OpenBracket) return -1;
    q += c === Char.Backslash ? 2 : 1;
  }
  return -1;
}
