/**
 * Character references that stand for a character nobody sees (`&shy;`,
 * `&#x200B;`, `&zwj;`, ...). Written inside a word they split it for a quick
 * reader but not for the eye, so the inline pass marks them as markup: the
 * word's two halves are then read as one word, as with intraword emphasis.
 */
import { invisibleLength } from '../../text/readableText';
import { Char } from './characters';

/** Named references of invisible characters (HTML's list, the ones that decode to such a character). */
const INVISIBLE_NAMES: ReadonlySet<string> = new Set([
  'shy',
  'zwj',
  'zwnj',
  'ZeroWidthSpace',
  'NegativeVeryThinSpace',
  'NegativeThinSpace',
  'NegativeMediumSpace',
  'NegativeThickSpace',
  'NoBreak',
  'ApplyFunction',
  'af',
  'InvisibleTimes',
  'it',
  'InvisibleComma',
  'ic',
]);

/** The longest name above, so a scan for `;` never reads further. */
const LONGEST_NAME = 21;

/** True when code point `codePoint` is one the readable-word normalisation removes as invisible. */
function isInvisibleCodePoint(codePoint: number): boolean {
  if (codePoint > 0x10ffff) return false;
  return invisibleLength(String.fromCodePoint(codePoint), 0) > 0;
}

/**
 * The end of a character reference of an invisible character starting at
 * `k` (a `&`) and ending before `end`, or -1 when there is none there. Reads
 * at most a few dozen characters.
 */
export function invisibleEntityEnd(source: string, k: number, end: number): number {
  if (k + 2 >= end) return -1;
  if (source.charCodeAt(k + 1) === Char.Hash) {
    const hex = (source.charCodeAt(k + 2) | 32) === Char.LowerX;
    const digitsStart = k + (hex ? 3 : 2);
    const maxDigits = hex ? 6 : 7;
    let q = digitsStart;
    while (q < end && q - digitsStart < maxDigits && (hex ? /[0-9a-fA-F]/ : /[0-9]/).test(source[q]!)) q++;
    if (q === digitsStart || q >= end || source.charCodeAt(q) !== Char.Semicolon) return -1;
    const codePoint = parseInt(source.slice(digitsStart, q), hex ? 16 : 10);
    return isInvisibleCodePoint(codePoint) ? q + 1 : -1;
  }
  const semicolon = source.indexOf(';', k + 1);
  if (semicolon < 0 || semicolon >= end || semicolon - k - 1 > LONGEST_NAME) return -1;
  return INVISIBLE_NAMES.has(source.slice(k + 1, semicolon)) ? semicolon + 1 : -1;
}
