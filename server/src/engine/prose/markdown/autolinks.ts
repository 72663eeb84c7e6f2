/**
 * Autolinks and bare URLs: `<scheme:...>` and `<user@host>` autolinks, and
 * GFM's extended autolinks (`http://`, `https://` and `www.` in running
 * text). Each is one opaque word to the matcher, so a URL never reads as
 * prose and never glues the words around it together.
 */
import { Char, isAsciiAlphanumeric, isEmailLocalChar, isWhitespace } from './characters';
import { MarkKind, type InlineState } from './inlineState';

/**
 * A `:` at `k`: marks an `http://` or `https://` bare URL that it is part of
 * (detected at the colon, which is far rarer in prose than `h`); returns where
 * to go on.
 */
export function bareUrlAtColon(state: InlineState, k: number): number {
  const source = state.source;
  if (k + 2 >= state.rangeEnd || source.charCodeAt(k + 1) !== Char.Slash || source.charCodeAt(k + 2) !== Char.Slash) return k + 1;
  let q = k;
  if ((source.charCodeAt(q - 1) | 32) === Char.LowerS) q--;
  q -= 4;
  if (
    q < state.rangeStart ||
    (source.charCodeAt(q) | 32) !== Char.LowerH ||
    (source.charCodeAt(q + 1) | 32) !== Char.LowerT ||
    (source.charCodeAt(q + 2) | 32) !== Char.LowerT ||
    (source.charCodeAt(q + 3) | 32) !== Char.LowerP ||
    !urlMayStartAt(state, q) ||
    state.lastMarkEnd() > q
  )
    return k + 1;
  const end = bareUrlEnd(state, k + 3);
  if (end < 0) return k + 1;
  state.mark(q, end, MarkKind.Opaque);
  return end;
}

/** A `.` at `k`: marks a `www.` bare URL that it ends the `www` of (detected at the dot, as `w` is common in prose). */
export function wwwUrlAtPeriod(state: InlineState, k: number): number {
  const source = state.source;
  if (
    k >= state.rangeStart + 3 &&
    (source.charCodeAt(k - 1) | 32) === Char.LowerW &&
    (source.charCodeAt(k - 2) | 32) === Char.LowerW &&
    (source.charCodeAt(k - 3) | 32) === Char.LowerW
  ) {
    const start = k - 3;
    if (urlMayStartAt(state, start) && state.lastMarkEnd() <= start) {
      const end = bareUrlEnd(state, k + 1);
      if (end > 0) {
        state.mark(start, end, MarkKind.Opaque);
        return end;
      }
    }
  }
  return k + 1;
}

/** Whether a bare URL may start at `start`: after whitespace, `(` or an emphasis delimiter. */
function urlMayStartAt(state: InlineState, start: number): boolean {
  if (start === state.rangeStart) return true;
  const c = state.source.charCodeAt(start - 1);
  return c === Char.OpenParen || c === Char.Asterisk || c === Char.Underscore || c === Char.Tilde || isWhitespace(c);
}

/** End of a GFM extended autolink whose domain starts at `q`, or -1. */
function bareUrlEnd(state: InlineState, q: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  if (q >= end) return -1;
  const first = source.charCodeAt(q);
  if (!(isAsciiAlphanumeric(first) || first > 127)) return -1;
  let e = q;
  let opened = 0;
  let closed = 0;
  while (e < end) {
    const c = source.charCodeAt(e);
    if (c <= Char.Space || c === Char.LessThan || (c > 127 && isWhitespace(c))) break;
    if (c === Char.OpenParen) opened++;
    else if (c === Char.CloseParen) closed++;
    e++;
  }
  // Trailing punctuation ends the sentence, not the URL.
  while (e > q) {
    const c = source.charCodeAt(e - 1);
    if (isTrailingUrlPunctuation(c)) {
      e--;
    } else if (c === Char.CloseParen && closed > opened) {
      closed--;
      e--;
    } else if (c === Char.Semicolon) {
      // a trailing entity reference such as `&amp;` is not part of the URL
      let a = e - 2;
      while (a > q && isAsciiAlphanumeric(source.charCodeAt(a))) a--;
      if (a > q && source.charCodeAt(a) === Char.Ampersand && a < e - 2) e = a;
      else break;
    } else break;
  }
  return e > q ? e : -1;
}

function isTrailingUrlPunctuation(c: number): boolean {
  return (
    c === Char.Question ||
    c === Char.Exclamation ||
    c === Char.Period ||
    c === Char.Comma ||
    c === Char.Colon ||
    c === Char.Asterisk ||
    c === Char.Underscore ||
    c === Char.Tilde ||
    c === Char.Apostrophe ||
    c === Char.DoubleQuote
  );
}

/** End of the URI autolink `<scheme:...>` at `k` (which holds `<` followed by a letter), or -1. */
export function uriAutolinkEnd(state: InlineState, k: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let q = k + 2;
  while (q < end && q - k <= 33) {
    const c = source.charCodeAt(q);
    if (isAsciiAlphanumeric(c) || c === Char.Plus || c === Char.Hyphen || c === Char.Period) q++;
    else break;
  }
  const schemeLength = q - k - 1;
  if (q >= end || source.charCodeAt(q) !== Char.Colon || schemeLength < 2 || schemeLength > 32) return -1;
  for (q++; q < end; q++) {
    const c = source.charCodeAt(q);
    if (c === Char.GreaterThan) return q + 1;
    if (c <= Char.Space || c === Char.LessThan || c === Char.Delete) return -1;
  }
  return -1;
}

/** End of the e-mail autolink `<user@host>` at `k`, or -1. */
export function emailAutolinkEnd(state: InlineState, k: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let q = k + 1;
  while (q < end && isEmailLocalChar(source.charCodeAt(q))) q++;
  if (q === k + 1 || q >= end || source.charCodeAt(q) !== Char.At) return -1;
  q++;
  const domain = q;
  while (q < end) {
    const c = source.charCodeAt(q);
    if (isAsciiAlphanumeric(c) || c === Char.Hyphen || c === Char.Period) q++;
    else break;
  }
  if (q === domain || q >= end || source.charCodeAt(q) !== Char.GreaterThan) return -1;
  return q + 1;
}
