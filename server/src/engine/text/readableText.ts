/**
 * What a reader reads. Invisible characters (zero-width spaces and joiners,
 * soft hyphens, variation selectors), compatibility forms (fullwidth letters,
 * ligatures, mathematical letters) and Cyrillic or Greek letters that look
 * like Latin ones can make a banned word look right on screen while its
 * characters differ. The tokenizer reads such words through
 * {@link readableWord}; source offsets are untouched, since a token always
 * covers its whole word as written.
 *
 * Everything here is keyed on single UTF-16 code units so that the
 * tokenizer's fast path (ASCII, and non-ASCII text without any of these
 * characters) pays one table lookup per non-ASCII character and nothing else.
 */

/** Code units that are never seen: removed from words, and outside words neither space nor punctuation. */
function isInvisibleCode(code: number): boolean {
  return (
    code === 0xad || // soft hyphen
    code === 0x34f || // combining grapheme joiner
    code === 0x180e || // Mongolian vowel separator
    (code >= 0x200b && code <= 0x200d) || // zero-width space, non-joiner, joiner
    (code >= 0x2060 && code <= 0x2064) || // word joiner, invisible operators
    code === 0xfeff || // zero-width no-break space (byte-order mark)
    (code >= 0xfe00 && code <= 0xfe0f) // variation selectors
  );
}

/** Plane 14 (tags, variation selectors supplement) holds only invisible characters; its high surrogate is this. */
const PLANE_14_HIGH_SURROGATE = 0xdb40;

/** How many code units of invisible character start at `index` (0 when none). */
export function invisibleLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xad) return 0;
  if (code === PLANE_14_HIGH_SURROGATE) return index + 1 < text.length ? 2 : 1;
  return isInvisibleCode(code) ? 1 : 0;
}

/** True for a code unit that is invisible on its own or starts an invisible pair. */
export function isInvisibleUnit(code: number): boolean {
  return code === PLANE_14_HIGH_SURROGATE || isInvisibleCode(code);
}

/** Latin look-alikes from Cyrillic, Greek and IPA, as Unicode's confusables list pairs them. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ү: 'Y',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  // Greek
  α: 'a',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  // Latin letters outside ASCII that read as ASCII ones
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
};

/** ™, ℠ and ℗: symbols after a name, not letters of it ("ChatGPT™" is ChatGPT). */
export const TRADEMARK_SIGNS: readonly number[] = [0x2122, 0x2120, 0x2117];

/**
 * For every UTF-16 code unit, 1 when a word containing it may read
 * differently from how it is written: invisible characters, look-alike
 * letters, and the blocks whose letters NFKC maps to others (fullwidth forms,
 * ligatures, letter-like symbols, enclosed and mathematical letters).
 */
const MAY_DISGUISE = (() => {
  const table = new Uint8Array(65536);
  const mark = (from: number, to = from): void => {
    table.fill(1, from, to + 1);
  };
  for (let code = 0; code < 65536; code++) if (isInvisibleCode(code)) table[code] = 1;
  for (const letter of Object.keys(LOOKALIKES)) table[letter.charCodeAt(0)] = 1;
  mark(PLANE_14_HIGH_SURROGATE);
  mark(0x17f); // long s
  mark(0x1d00, 0x1dbf); // phonetic small capitals and modifier letters
  mark(0x2100, 0x218f); // letter-like symbols and number forms (ℂ, K, Ⅰ)
  for (const symbol of TRADEMARK_SIGNS) table[symbol] = 0;
  mark(0x2460, 0x24ff); // enclosed alphanumerics
  mark(0xfb00, 0xfb06); // Latin ligatures
  mark(0xff00, 0xffef); // fullwidth and halfwidth forms
  mark(0xd835); // high surrogate of the mathematical alphanumeric symbols
  return table;
})();

/** True when a word containing this code unit must be read through {@link readableWord}. */
export function mayDisguise(code: number): boolean {
  return code >= 0xad && MAY_DISGUISE[code] === 1;
}

// Variation selectors and combining joiners are matched on their own on purpose: they are what is removed.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE_RUN = /[\u00ad\u034f\u180e\u200b-\u200d\u2060-\u2064\ufeff\ufe00-\ufe0f]|\udb40[\udc00-\udfff]?/g;
const ASCII_LETTER = /[A-Za-z]/;
const LOOKALIKE_CLASS = `[${Object.keys(LOOKALIKES).join('')}]`;
const LOOKALIKE_LETTER = new RegExp(LOOKALIKE_CLASS);
const EVERY_LOOKALIKE_LETTER = new RegExp(LOOKALIKE_CLASS, 'g');
const OTHER_NON_ASCII = new RegExp(`(?!${LOOKALIKE_CLASS})[^\\x00-\\x7f]`);

/** A word as a reader reads it, and whether that differs from the characters written. */
export interface ReadableWord {
  readonly text: string;
  /** True when invisible characters, compatibility forms or look-alike letters were read away. */
  readonly disguised: boolean;
}

/**
 * Reads a word as a reader would: without invisible characters, in NFKC form
 * (fullwidth and mathematical letters become plain ones) and, where the word
 * mixes Latin letters with Cyrillic or Greek look-alikes or consists only of
 * look-alikes, with those letters read as Latin. A Russian or Greek word with
 * letters of its own ("вход") is left alone.
 */
export function readableWord(written: string): ReadableWord {
  const visible = written.replace(INVISIBLE_RUN, '');
  const composed = visible.normalize('NFC');
  let text = visible.normalize('NFKC');
  let disguised = visible.length !== written.length || text !== composed;
  if (LOOKALIKE_LETTER.test(text) && (ASCII_LETTER.test(text) || !OTHER_NON_ASCII.test(text))) {
    text = text.replace(EVERY_LOOKALIKE_LETTER, (letter) => LOOKALIKES[letter]!);
    disguised = true;
  }
  return { text, disguised };
}
