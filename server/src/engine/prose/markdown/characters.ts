/**
 * Character classes of the Markdown reader, as CommonMark defines them, over
 * UTF-16 code units. The tables are filled once when the module loads and
 * never change afterwards.
 */

/** The character codes the reader looks for, by name (inlined by the bundler). */
export const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Exclamation = 33,
  DoubleQuote = 34,
  Hash = 35,
  Ampersand = 38,
  Apostrophe = 39,
  OpenParen = 40,
  CloseParen = 41,
  Asterisk = 42,
  Plus = 43,
  Comma = 44,
  Hyphen = 45,
  Period = 46,
  Slash = 47,
  Digit0 = 48,
  Digit9 = 57,
  Colon = 58,
  Semicolon = 59,
  LessThan = 60,
  Equals = 61,
  GreaterThan = 62,
  Question = 63,
  At = 64,
  UpperX = 88,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Caret = 94,
  Underscore = 95,
  Backtick = 96,
  LowerH = 104,
  LowerP = 112,
  LowerS = 115,
  LowerT = 116,
  LowerW = 119,
  LowerX = 120,
  Pipe = 124,
  Tilde = 126,
  Delete = 127,
  ByteOrderMark = 0xfeff,
}

/** ASCII punctuation: the characters a backslash can escape. */
const ASCII_PUNCTUATION = new Uint8Array(128);
for (const ch of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') ASCII_PUNCTUATION[ch.charCodeAt(0)] = 1;

/**
 * Characters at which the inline scanner has to stop and look, indexed by any
 * UTF-16 code unit so that the hot loop needs a single lookup per character.
 */
export const INLINE_TRIGGER = new Uint8Array(65536);
for (const ch of '\\`*_~[]!<:.&') INLINE_TRIGGER[ch.charCodeAt(0)] = 1;

const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;

/** Characters allowed in the local part of an e-mail autolink besides letters and digits. */
const EMAIL_LOCAL_EXTRA = new Uint8Array(128);
for (const ch of ".!#$%&'*+/=?^_`{|}~-") EMAIL_LOCAL_EXTRA[ch.charCodeAt(0)] = 1;

/** ASCII whitespace: space, tab, line feed, line tabulation, form feed, carriage return. */
const ASCII_WHITESPACE = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) ASCII_WHITESPACE[c] = 1;

/**
 * Unicode whitespace as CommonMark's emphasis rules see it (line endings
 * included). Kept tiny, with the rare non-ASCII case apart, so that the
 * compiler inlines it into the hot loops.
 */
export function isWhitespace(c: number): boolean {
  return c < 128 ? ASCII_WHITESPACE[c] === 1 : isNonAsciiWhitespace(c);
}

function isNonAsciiWhitespace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Space, tab or a line ending, or any non-ASCII whitespace: what separates words. */
export function isSpaceOrLineEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || (c > 127 && isWhitespace(c));
}

/** Unicode punctuation or symbol, as the emphasis flanking rules see it. */
export function isPunctuation(c: number): boolean {
  if (c < 128) return ASCII_PUNCTUATION[c] === 1;
  return UNICODE_PUNCTUATION.test(String.fromCharCode(c));
}

/** An ASCII punctuation character, which a backslash escapes. */
export function isEscapable(c: number): boolean {
  return c < 128 && ASCII_PUNCTUATION[c] === 1;
}

export function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

export function isAsciiLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

export function isEmailLocalChar(c: number): boolean {
  return isAsciiAlphanumeric(c) || (c < 128 && c > 32 && EMAIL_LOCAL_EXTRA[c] === 1);
}

/**
 * A character that belongs to a word, as the engine's tokenizer reads words:
 * an ASCII letter or digit, `_`, or any non-ASCII character that is neither
 * whitespace nor punctuation.
 */
export function isWordCharacter(c: number): boolean {
  if (c < 128) return isAsciiAlphanumeric(c) || c === Char.Underscore;
  return c >= 0xc0 && !isWhitespace(c) && !isPunctuation(c);
}

/** A space or a tab. */
export function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** The first offset from `q` (before `end`) that is not a space, tab or line ending. */
export function skipSpacesAndLineEnds(text: string, q: number, end: number): number {
  while (q < end) {
    const c = text.charCodeAt(q);
    if (c !== Char.Space && c !== Char.Tab && c !== Char.LineFeed && c !== Char.CarriageReturn) break;
    q++;
  }
  return q;
}
