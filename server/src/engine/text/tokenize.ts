import type { ProseUnit } from '../prose/prose';

/** A word (or an opaque inline element standing for one) found in prose. */
export interface Token {
  /** Source offsets; `end` is exclusive. A glued word spans the markup inside it. */
  readonly start: number;
  readonly end: number;
  /** The word as written, markup removed, curly apostrophes straightened. Empty for opaque tokens. */
  readonly text: string;
  /** `text` lower-cased; the key every pattern test looks up. */
  readonly lower: string;
  readonly opaque: boolean;
  /** True when punctuation (a comma, a quote, a dash, a bracket) separates this token from the previous one. */
  readonly punctBefore: boolean;
  /** True when that punctuation separates clauses or list items (a comma, colon, dash, bracket), not just a quote. */
  readonly clauseBreakBefore: boolean;
  /** True for a word inside round brackets: an aside the sentence reader can read past. */
  readonly aside?: true;
  /** A key the sentence reader adds (see reading/tags.ts): the token also passes tests for this key. */
  readonly tag?: string;
}

/** The tokens of one sentence, in order. */
export interface Sentence {
  readonly tokens: readonly Token[];
  /** A question answered "No" by the sentence after it ("Is GPT-5 on Bedrock? No, ..."): it claims nothing. */
  readonly answeredNo?: boolean;
}

/** What, right after a question mark, answers the question in the negative; an answer label may come first ("A: No."). */
const NEGATIVE_ANSWER = /^\s*(?:(?:a|answer|reply|response)\s*[:.)-]\s*|the\s+(?:short\s+|simple\s+)?answer\s+is\s+)?(?:no|nope|not|never)\b(?![-'])/i;

/** The key of an opaque token: no pattern word can equal it. */
export const OPAQUE_KEY = '\u0000';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'co', 'corp', 'no', 'fig', 'approx',
  'u.s', 'u.k', 'st', 'jr', 'sr', 'cf', 'al',
]);

function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  }
  // Non-ASCII letters count as word characters; the typographic punctuation blocks do not.
  if (code <= 0xbf) return false;
  if (code >= 0x2000 && code <= 0x206f) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xff00 && code <= 0xff0f) return false;
  if (code === 0xd7 || code === 0xf7) return false;
  return true;
}

function isJoiner(code: number): boolean {
  // hyphen, full stop, apostrophe, right single quote: GPT-4o, v1.2, don't, OpenAI’s
  return code === 45 || code === 46 || code === 39 || code === 0x2019;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;
}

function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 0x3002;
}

/** Punctuation that separates clauses or list items: comma, colon, brackets, dashes, slash. */
function isClauseBreak(code: number): boolean {
  return code === 44 || code === 58 || code === 40 || code === 41 || code === 91 || code === 93 || code === 45 || code === 0x2013 || code === 0x2014 || code === 47 || code === 0xff0c || code === 0x3001;
}

/** A semicolon joins two independent clauses: no claim spans it. */
function isClauseEnd(code: number): boolean {
  return code === 59 || code === 0xff1b;
}

/**
 * Splits one prose unit into sentences of word tokens. Sentences end at
 * `.`, `!`, `?` followed by a space or the end of the unit (abbreviations such as
 * "e.g." excepted) and at the end of the unit; line breaks and markup between
 * segments do not end a sentence.
 */
export function tokenizeUnit(text: string, unit: ProseUnit, onSentence: (sentence: Sentence) => void): void {
  let tokens: Token[] = [];
  let punctBefore = false;
  let clauseBreakBefore = false;
  // How many round brackets are open: words inside them are asides.
  let bracketDepth = 0;
  // A word being read; it may continue into the next segment when that segment is glued.
  let wordStart = -1;
  let wordEnd = -1;
  let wordText = '';

  const flushSentence = (answeredNo = false): void => {
    if (tokens.length > 0) onSentence(answeredNo ? { tokens, answeredNo } : { tokens });
    tokens = [];
    punctBefore = false;
    clauseBreakBefore = false;
    bracketDepth = 0;
  };

  const pushWord = (start: number, end: number, written: string): void => {
    const normalized = written.indexOf('\u2019') >= 0 ? written.replace(/\u2019/g, "'") : written;
    const lower = normalized.toLowerCase();
    // A possessive "'s" is its own token so that "OpenAI's models" reads as OpenAI + 's + models.
    if (lower.length > 2 && lower.endsWith("'s") && !lower.endsWith("''s")) {
      const cut = end - 2;
      const aside = bracketDepth > 0 ? ({ aside: true } as const) : undefined;
      tokens.push({ start, end: cut, text: normalized.slice(0, -2), lower: lower.slice(0, -2), opaque: false, punctBefore, clauseBreakBefore, ...aside });
      tokens.push({ start: cut, end, text: "'s", lower: "'s", opaque: false, punctBefore: false, clauseBreakBefore: false, ...aside });
    } else if (bracketDepth > 0) {
      tokens.push({ start, end, text: normalized, lower, opaque: false, punctBefore, clauseBreakBefore, aside: true });
    } else {
      tokens.push({ start, end, text: normalized, lower, opaque: false, punctBefore, clauseBreakBefore });
    }
    punctBefore = false;
    clauseBreakBefore = false;
  };

  const finishWord = (): void => {
    if (wordStart < 0) return;
    // A trailing joiner ("end." or "pre-") is punctuation, not part of the word.
    let end = wordEnd;
    let written = wordText;
    while (written.length > 0 && isJoiner(written.charCodeAt(written.length - 1))) {
      written = written.slice(0, -1);
      end -= 1;
    }
    if (written.length > 0) pushWord(wordStart, end, written);
    wordStart = -1;
    wordText = '';
  };

  for (const segment of unit.segments) {
    if (segment.opaque) {
      finishWord();
      tokens.push({ start: segment.start, end: segment.end, text: '', lower: OPAQUE_KEY, opaque: true, punctBefore, clauseBreakBefore });
      punctBefore = false;
      clauseBreakBefore = false;
      continue;
    }
    if (!segment.glued) finishWord();
    let i = segment.start;
    const end = segment.end;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (isWordChar(code)) {
        let j = i + 1;
        while (j < end) {
          const c = text.charCodeAt(j);
          if (isWordChar(c)) j++;
          else if (isJoiner(c) && j + 1 < end && isWordChar(text.charCodeAt(j + 1))) j += 2;
          else break;
        }
        if (wordStart < 0) {
          wordStart = i;
          wordText = text.slice(i, j);
        } else {
          wordText += text.slice(i, j);
        }
        wordEnd = j;
        i = j;
        continue;
      }
      if (isSpace(code)) {
        finishWord();
        i++;
        continue;
      }
      // Punctuation.
      const wordBefore = wordStart >= 0 ? wordText : undefined;
      finishWord();
      if (isClauseEnd(code)) {
        flushSentence();
        i++;
        continue;
      }
      if (isSentenceEnd(code)) {
        const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
        const endsHere = next === -1 || isSpace(next) || next === 34 || next === 39 || next === 41 || next === 0x201d || next === 0x2019 || isSentenceEnd(next);
        const abbreviation =
          code === 46 && wordBefore !== undefined && (ABBREVIATIONS.has(wordBefore.toLowerCase()) || /^[A-Z]$/.test(wordBefore));
        if (endsHere && !abbreviation) {
          flushSentence(code === 63 && NEGATIVE_ANSWER.test(text.slice(i + 1, Math.min(end, i + 40))));
          i++;
          continue;
        }
      }
      punctBefore = true;
      if (isClauseBreak(code)) clauseBreakBefore = true;
      if (code === 40) bracketDepth++;
      else if (code === 41 && bracketDepth > 0) bracketDepth--;
      i++;
    }
  }
  finishWord();
  flushSentence();
}
