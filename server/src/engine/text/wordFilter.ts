/**
 * The prose filter: skips, before tokenizing, the prose units that hold none
 * of the words any rule can start from.
 */
import type { ProseUnit } from '../prose/prose';
import { isGluedSentenceEnd } from './tokenize';
import { isInvisibleUnit, mayDisguise } from './readableText';

/**
 * A quick test of whether a prose unit can contain any of a set of words. A
 * miss proves the unit needs no tokenizing; a hit sends it through the full
 * tokenizer, so the test may say yes wrongly but never no wrongly.
 *
 * Two ways, the faster first:
 * - A regular expression of the words, run by V8's native matcher over the
 *   unit's stretch of source, about twice as fast as any loop in JavaScript.
 *   It matches the words in any case with no ASCII word character on either
 *   side, so whatever the tokenizer reads as one of the words matches. It is
 *   used when no word of the unit is split by markup (intraword emphasis),
 *   the words are ASCII and few enough for one expression.
 * - Otherwise every word of the unit is hashed character by character
 *   (lower-cased as the tokenizer does) and looked up in a bit set of the
 *   wanted words' hashes, allocation-free.
 *
 * Either way a unit with a character that may make a word read differently
 * from how it is written (an invisible character, a fullwidth or look-alike
 * letter: see readableText.ts) is always sent through the tokenizer, which
 * reads such words as a reader would.
 */
export class WordFilter {
  private static readonly BITS = 1 << 20;
  private readonly bits = new Uint32Array(WordFilter.BITS >>> 5);
  private readonly expression: RegExp | undefined;

  /** True when no wanted word contains an underscore, so underscores in a unit may be read as spaces. */
  private readonly underscoreFree: boolean;

  /** Words of a shape rather than a list (a regular-expression source), tested on the unit's text as a whole word. */
  private readonly shapes: RegExp | undefined;

  /**
   * `shapes`, when given, is a regular-expression source (ASCII, case
   * insensitive) for words that count as wanted by their shape, such as
   * the sentence reader's OpenAI names.
   */
  constructor(words: Iterable<string>, shapes?: string) {
    const all = [...words];
    for (const word of all) this.add(hashString(word));
    this.expression = all.length > 0 && all.length <= MAX_EXPRESSION_WORDS ? wordsExpression(all, shapes) : undefined;
    this.underscoreFree = all.every((word) => !word.includes('_'));
    this.shapes = shapes === undefined ? undefined : new RegExp(`\\b(?:${shapes})\\b`, 'i');
  }

  private add(hash: number): void {
    const bit = hash & (WordFilter.BITS - 1);
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  private has(hash: number): boolean {
    const bit = hash & (WordFilter.BITS - 1);
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** False only when no word of the unit can be one of the filter's words. */
  mayContain(text: string, unit: ProseUnit): boolean {
    const segments = unit.segments;
    if (this.expression !== undefined && segments.length > 0) {
      // Markup glued between two word characters (intraword emphasis) makes one word of two stretches of source.
      let glued = false;
      for (let i = 1; i < segments.length && !glued; i++) {
        const segment = segments[i]!;
        glued =
          segment.glued === true &&
          WORD_FOLD[text.charCodeAt(segment.start)] !== 0 &&
          WORD_FOLD[text.charCodeAt(segments[i - 1]!.end - 1)] !== 0;
      }
      // Glued, the stretch of source would show the markup inside the word: the prose is put together instead.
      const stretch = glued ? proseOf(text, segments) : text.slice(segments[0]!.start, segments[segments.length - 1]!.end);
      // Words written with invisible or look-alike characters can hide from the expression: those units always go on.
      const hidden = (): boolean => mayHideWords(text, segments[0]!.start, segments[segments.length - 1]!.end);
      // The Kelvin sign is the one character that lower-cases to an ASCII letter but that `/i` does not match to it.
      if (stretch.indexOf('\u212a') === -1) {
        // An underscore is a word character to `\b` but may be emphasis markup next to a word (`_ChatGPT_`): read as a space,
        // it can only add word boundaries, so the test may say yes wrongly but not no (no wanted word has an underscore).
        if (stretch.indexOf('_') === -1) return this.expression.test(stretch) || hidden();
        if (this.underscoreFree) return this.expression.test(stretch.replace(UNDERSCORES, ' ')) || hidden();
      }
    }
    if (this.mayContainHashed(text, unit)) return true;
    // Shapes are tested on the raw text: markup inside a name can only make this say yes wrongly, never no.
    return (
      this.shapes !== undefined &&
      segments.length > 0 &&
      this.shapes.test(text.slice(segments[0]!.start, segments[segments.length - 1]!.end).replace(/[*_`~]/g, ''))
    );
  }

  private mayContainHashed(text: string, unit: ProseUnit): boolean {
    // A word may run on into the next segment when that segment is glued (intraword emphasis).
    let inWord = false;
    let hash = FNV_OFFSET;
    let beforeApostrophe = -1;
    /** Where the part of the word after its last joiner starts, for telling a glued full stop that ends a sentence. */
    let partStart = 0;
    for (const segment of unit.segments) {
      if (inWord && (!segment.glued || segment.opaque)) {
        if (this.endsWord(hash, beforeApostrophe)) return true;
        inWord = false;
      }
      if (segment.opaque) continue;
      const end = segment.end;
      for (let i = segment.start; i < end; i++) {
        const code = text.charCodeAt(i);
        const folded = WORD_FOLD[code]!;
        if (folded !== 0) {
          if (folded === DISGUISED) return true;
          if (!inWord) {
            inWord = true;
            hash = FNV_OFFSET;
            beforeApostrophe = -1;
            partStart = i;
          }
          hash = Math.imul(hash ^ folded, 0x01000193);
        } else if (
          inWord &&
          i > segment.start &&
          (code === 45 || code === 46 || code === 39 || code === 0x2019) &&
          i + 1 < end &&
          WORD_FOLD[text.charCodeAt(i + 1)] !== 0 &&
          !(code === 46 && isGluedSentenceEnd(text, partStart, i, i + 1, end))
        ) {
          // As in the tokenizer, a joiner joins only within a segment: at a segment's start it is punctuation.
          if (code === 39 || code === 0x2019) beforeApostrophe = hash;
          hash = step(hash, code === 0x2019 ? 39 : code);
          partStart = i + 1;
        } else if (inWord) {
          if (this.endsWord(hash, beforeApostrophe)) return true;
          inWord = false;
        }
      }
    }
    return inWord && this.endsWord(hash, beforeApostrophe);
  }

  /** "OpenAI's" is read as OpenAI + 's, so the part before the apostrophe counts too. */
  private endsWord(hash: number, beforeApostrophe: number): boolean {
    return this.has(hash >>> 0) || (beforeApostrophe !== -1 && this.has(beforeApostrophe >>> 0));
  }
}

/**
 * A unit's prose as the tokenizer reads it: glued segments joined (one word
 * across intraword emphasis), a space between other segments and for an
 * opaque one. Every word the tokenizer reads stands in it between non-word
 * characters.
 */
function proseOf(text: string, segments: ProseUnit['segments']): string {
  let prose = '';
  for (const segment of segments) {
    if (segment.opaque) prose += ' ';
    else prose += segment.glued === true ? text.slice(segment.start, segment.end) : ' ' + text.slice(segment.start, segment.end);
  }
  return prose;
}

const FNV_OFFSET = 0x811c9dc5;
const UNDERSCORES = /_/g;

/**
 * True when `text` from `start` to `end` holds a character that may make a
 * word read differently from how it is written. A loop over the flat text:
 * faster than one more regular expression (a character class defeats the
 * skipping that makes the word expression fast), and it touches only code
 * units, allocating nothing.
 */
function mayHideWords(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xad && mayDisguise(code)) return true;
  }
  return false;
}

/** In {@link WORD_FOLD}: a character that may disguise a word (readableText.ts); a unit holding one is always let through. */
const DISGUISED = 0xffff;

/** For every UTF-16 code unit: 0 if it is not a word character, else its lower-cased form, or DISGUISED. */
const WORD_FOLD = (() => {
  const table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    if (mayDisguise(code)) table[code] = DISGUISED;
    else if (isWordCode(code)) table[code] = lower(code) || code;
  }
  return table;
})();

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

function lower(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code < 0x80) return code;
  return String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

/** Must agree with the tokenizer's notion of a word character. */
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  if (code <= 0xbf) return false;
  if (code >= 0x2000 && code <= 0x206f) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xff00 && code <= 0xff0f) return false;
  if (code === 0x2122 || code === 0x2120 || code === 0x2117) return false;
  return code !== 0xd7 && code !== 0xf7 && !isInvisibleUnit(code);
}

function hashString(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = step(hash, lower(word.charCodeAt(i)));
  return hash >>> 0;
}

/** Larger word sets use the hashes: one expression of many thousand alternatives compiles slowly. */
const MAX_EXPRESSION_WORDS = 2000;

/**
 * The expression that matches each of `words` between non-word characters,
 * in any case. Only for ASCII words: for them, case-insensitive matching
 * accepts whatever the tokenizer lower-cases to the word, except the Kelvin
 * sign (see `mayContain`). Plain `/i` with `\b`, because V8 runs that several
 * times faster than Unicode mode, lookarounds or character classes.
 */
function wordsExpression(words: readonly string[], shapes: string | undefined): RegExp | undefined {
  if (!words.every((word) => /^[\x20-\x7e\u2019]*$/.test(word))) return undefined;
  const alternatives = withoutCoveredWords(words)
    .sort((a, b) => b.length - a.length)
    // The tokenizer reads a typographic apostrophe as a straight one.
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/['\u2019]/g, "['\u2019]"));
  if (shapes !== undefined) alternatives.push(shapes);
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i');
}

/**
 * The words minus those another word already finds in the expression: a
 * joiner is not a word character, so `\bgpt\b` matches inside "gpt-5-mini"
 * and "gpt-5-mini" need not be an alternative of its own. (The hashed test
 * reads whole words and keeps needing every word.)
 */
function withoutCoveredWords(words: readonly string[]): string[] {
  const lowered = new Set(words.map((word) => word.toLowerCase()));
  return words.filter((word) => {
    const lower = word.toLowerCase();
    for (let i = 1; i < lower.length; i++) {
      if (/[-.'\u2019]/.test(lower[i]!) && /\w/.test(lower[i - 1]!) && lowered.has(lower.slice(0, i))) return false;
    }
    return true;
  });
}
