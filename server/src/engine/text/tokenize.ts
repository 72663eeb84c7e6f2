/**
 * The tokenizer: splits a prose unit into sentences of word tokens with their
 * source offsets, the punctuation between them and asides in brackets.
 */
import type { ProseUnit } from '../prose/prose';
import { ABBREVIATIONS } from './englishWords';
import { invisibleLength, isInvisibleUnit, mayDisguise, readableWord } from './readableText';

/** A word (or an opaque inline element standing for one) found in prose. */
export interface Token {
  /** Source offsets; `end` is exclusive. A glued word spans the markup inside it. */
  readonly start: number;
  readonly end: number;
  /**
   * The word as a reader reads it: markup and invisible characters removed,
   * curly apostrophes straightened, fullwidth and look-alike letters read as
   * plain ones. Empty for opaque tokens.
   */
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
  /** True for a word inside quotation marks ("…", “…”, ‘…’ or '…'): words that may be mentioned rather than used. */
  readonly quoted?: true;
  /** A key the sentence reader adds (see reading/tags.ts): the token also passes tests for this key. */
  readonly tag?: string;
  /** True when the word as written hides what it reads as: invisible characters, fullwidth or look-alike letters (see readableText.ts). */
  readonly disguised: boolean;
  /**
   * For an opaque code span (`` `gpt-4o` ``) of at most {@link MAX_CODE_WORD}
   * characters: its text between the backticks, lower-cased, so that the
   * sentence reader can recognise a model id written as code. Patterns never
   * see it; the token stays opaque.
   */
  readonly code?: string;
}

/** The longest code span whose text the tokenizer keeps (model ids are short). */
export const MAX_CODE_WORD = 40;

/** The lower-cased text of a short code span (`` `x` `` or ``` ``x`` ```), or undefined for anything else. */
function codeSpanWord(text: string, start: number, end: number): string | undefined {
  if (text.charCodeAt(start) !== 96 || text.charCodeAt(end - 1) !== 96 || end - start > MAX_CODE_WORD + 4) return undefined;
  const inner = text
    .slice(start, end)
    .replace(/^`+|`+$/g, '')
    .trim();
  return inner.length > 0 && !/\s/.test(inner) ? inner.toLowerCase() : undefined;
}

/** The tokens of one sentence, in order. */
export interface Sentence {
  readonly tokens: readonly Token[];
  /**
   * The sentence after it takes it back, so it claims nothing: a question
   * answered "No" ("Is GPT-5 on Bedrock? No, ..."), or a statement followed by
   * a bare denial ("People say GPT-5 is on Bedrock; it isn't.").
   */
  readonly takenBack?: boolean;
  /**
   * The sentence after it answers "yes" to a question it reports: "Customer
   * asked whether GPT-5 is on Bedrock. Rep confirmed it is." The reported
   * question then makes its claim.
   */
  readonly confirmed?: boolean;
}

/** An answer label ("A:", "Reply -") or a speaker's label of one or two words ("Rep:", "Host 2:") before an answer. */
const ANSWER_LABEL = String.raw`(?:a|answer|reply|response)\s*[:.)-]\s*|[a-z][\w'-]*(?:\s+[\w'-]+)?\s*:\s*`;

/**
 * What, right after a question mark, answers the question in the negative; an answer label ("A: No.") or a
 * speaker's label of one or two words ("Rep: No, it isn't", "Host 2: Nope") may come first.
 */
const NEGATIVE_ANSWER = new RegExp(
  String.raw`^\s*(?:${ANSWER_LABEL}|the\s+(?:short\s+|simple\s+)?answer\s+is\s+)?(?:no|nope|not|never)\b(?![-'])`,
  'i',
);

/**
 * What, right after a statement ends, denies it and ends at once: "It isn't.", "they aren't;", "That's not
 * true.", "Not true.", "False." A denial that goes on ("It isn't cheap.") takes nothing back.
 */
const BARE_DENIAL =
  /^\s*(?:but\s+|yet\s+)?(?:(?:it|that|this|they)\s*(?:'s|\u2019s|is|was|are|were|does|do|did)?\s*(?:n't|n\u2019t|not)(?:\s+(?:true|so|the\s+case|accurate|correct|really))?|(?:that|this|which)(?:'s|\u2019s|\s+is)\s+(?:false|wrong|untrue|incorrect)|not\s+(?:true|so)|false|untrue|nope)\s*(?:[.!;,]|$)/i;

/**
 * What, right after a sentence ends, confirms the question it reports: "yes" (after an answer label or
 * "the answer is"), or someone who "confirmed it is" or "said yes".
 */
const CONFIRMATION = new RegExp(
  String.raw`^\s*(?:${ANSWER_LABEL}|(?:the\s+)?(?:short\s+|simple\s+)?answer\s+(?:is|was)\s*:?\s*)?(?:yes|yep|yeah|absolutely)\b|` +
    String.raw`^\s*(?:[a-z][\w'-]*\s+){0,2}(?:confirmed|confirms|said|answered|replied)\s+(?:that\s+)?(?:yes\b|(?:it|they|this)\s+(?:is|are|was|were|does|do|can|will)\b)`,
  'i',
);

/** How far after a sentence's end the next sentence is read for an answer or a denial. */
const ANSWER_REACH = 60;

/**
 * What the words right after a sentence's end (at `end`, the position of its
 * mark) say of it: a question answered "No" or a statement followed by a bare
 * denial is taken back; a statement followed by a "yes" is confirmed.
 */
function judgedByNext(text: string, end: number, unitEnd: number, question: boolean): { takenBack: boolean; confirmed: boolean } {
  const after = text.slice(end + 1, Math.min(unitEnd, end + ANSWER_REACH));
  if (question) return { takenBack: NEGATIVE_ANSWER.test(after), confirmed: false };
  const takenBack = BARE_DENIAL.test(after);
  return { takenBack, confirmed: !takenBack && CONFIRMATION.test(after) };
}

/** The key of an opaque token: no pattern word can equal it. */
export const OPAQUE_KEY = '\u0000';

function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  }
  // Non-ASCII letters count as word characters; the typographic punctuation blocks and invisible characters do not.
  if (code <= 0xbf) return false;
  if (code >= 0x2000 && code <= 0x206f) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xff00 && code <= 0xff0f) return false;
  if (code === 0xd7 || code === 0xf7) return false;
  if (code === 0x2122 || code === 0x2120 || code === 0x2117) return false;
  return !isInvisibleUnit(code);
}

/** The index of the first character at or after `index` (before `end`) that is not invisible. */
function skipInvisible(text: string, index: number, end: number): number {
  while (index < end) {
    const length = invisibleLength(text, index);
    if (length === 0) break;
    index += length;
  }
  return index;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * True when the full stop at `dot`, glued between two words, ends a sentence
 * ("on AWS.Thanks", "ChatGPT.1"): the word after it is capitalised (an
 * upper-case letter, then a lower-case one) or, after a letter, a number. It
 * does not when the part before it is a single letter or an abbreviation
 * ("U.S.Army", "e.g.The", "Fig.1") nor in "gpt-4.1", "node.js", "ASP.NET" or
 * "README.md". `partStart` is where the part before the stop begins (after
 * the word's start or its previous joiner); `after` is the first visible
 * character after the stop.
 */
export function isGluedSentenceEnd(text: string, partStart: number, dot: number, after: number, end: number): boolean {
  if (dot - partStart < 2) return false;
  const next = text.charCodeAt(after);
  const startsSentence = isAsciiDigit(next)
    ? isAsciiLetter(text.charCodeAt(dot - 1))
    : next >= 65 && next <= 90 && after + 1 < end && text.charCodeAt(after + 1) >= 97 && text.charCodeAt(after + 1) <= 122;
  return startsSentence && !ABBREVIATIONS.has(text.slice(partStart, dot).toLowerCase());
}

function isJoiner(code: number): boolean {
  // hyphen, full stop, apostrophe, right single quote: GPT-4o, v1.2, don't, OpenAI’s
  return code === 45 || code === 46 || code === 39 || code === 0x2019;
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 12 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x3000
  );
}

function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 0x3002;
}

/** Punctuation that separates clauses or list items: comma, colon, brackets, dashes, slash. */
function isClauseBreak(code: number): boolean {
  return (
    code === 44 ||
    code === 58 ||
    code === 40 ||
    code === 41 ||
    code === 91 ||
    code === 93 ||
    code === 45 ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 47 ||
    code === 0xff0c ||
    code === 0x3001
  );
}

/** A semicolon joins two independent clauses: no claim spans it. */
function isClauseEnd(code: number): boolean {
  return code === 59 || code === 0xff1b;
}

/**
 * Splits one prose unit into sentences of word tokens. Sentences end at
 * `.`, `!`, `?` followed by a space or the end of the unit (abbreviations such as
 * "e.g." excepted), at a full stop glued to a capitalised word or a number
 * (see {@link isGluedSentenceEnd}) and at the end of the unit; line breaks and
 * markup between segments do not end a sentence. Invisible characters inside
 * a word are part of it (and read away); outside words they count for nothing.
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
  /** Where the word's last apostrophe joiner is in the source, for cutting off a possessive "'s". */
  let wordApostrophe = -1;
  /** True once the word holds a character that may make it read differently from how it is written. */
  let wordMayBeDisguised = false;
  // Which quotation is open; kept across sentences, since a quotation may hold several.
  const quotes = new QuotationState();

  const flushSentence = (judged?: { takenBack: boolean; confirmed: boolean }): void => {
    if (tokens.length > 0)
      onSentence(judged?.takenBack ? { tokens, takenBack: true } : judged?.confirmed ? { tokens, confirmed: true } : { tokens });
    tokens = [];
    punctBefore = false;
    clauseBreakBefore = false;
    bracketDepth = 0;
  };

  const pushWord = (start: number, end: number, written: string, apostrophe: number, mayBeDisguised: boolean): void => {
    let normalized = written.indexOf('\u2019') >= 0 ? written.replace(/\u2019/g, "'") : written;
    let disguised = false;
    if (mayBeDisguised) ({ text: normalized, disguised } = readableWord(normalized));
    const lower = normalized.toLowerCase();
    const marks = wordMarks(bracketDepth > 0, quotes.isOpen());
    // A possessive "'s" is its own token so that "OpenAI's models" reads as OpenAI + 's + models.
    if (lower.length > 2 && lower.endsWith("'s") && !lower.endsWith("''s")) {
      const cut = disguised && apostrophe >= 0 ? apostrophe : end - 2;
      tokens.push({
        start,
        end: cut,
        text: normalized.slice(0, -2),
        lower: lower.slice(0, -2),
        opaque: false,
        punctBefore,
        clauseBreakBefore,
        disguised,
        ...marks,
      });
      tokens.push({
        start: cut,
        end,
        text: "'s",
        lower: "'s",
        opaque: false,
        punctBefore: false,
        clauseBreakBefore: false,
        disguised: false,
        ...marks,
      });
    } else if (marks !== undefined) {
      tokens.push({ start, end, text: normalized, lower, opaque: false, punctBefore, clauseBreakBefore, disguised, ...marks });
    } else {
      tokens.push({ start, end, text: normalized, lower, opaque: false, punctBefore, clauseBreakBefore, disguised });
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
    if (written.length > 0) pushWord(wordStart, end, written, wordApostrophe, wordMayBeDisguised);
    wordStart = -1;
    wordText = '';
    wordApostrophe = -1;
    wordMayBeDisguised = false;
  };

  for (const segment of unit.segments) {
    if (segment.opaque) {
      finishWord();
      const code = codeSpanWord(text, segment.start, segment.end);
      tokens.push({
        start: segment.start,
        end: segment.end,
        text: '',
        lower: OPAQUE_KEY,
        opaque: true,
        punctBefore,
        clauseBreakBefore,
        disguised: false,
        ...(code !== undefined ? { code } : {}),
      });
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
        const runEnd = readWordRun(text, i, end);
        if (wordStart < 0) {
          wordStart = i;
          wordText = text.slice(i, runEnd);
        } else {
          wordText += text.slice(i, runEnd);
        }
        wordEnd = runEnd;
        if (run.apostrophe >= 0) wordApostrophe = run.apostrophe;
        if (run.mayBeDisguised) wordMayBeDisguised = true;
        if (run.sentenceEnd >= 0) {
          finishWord();
          flushSentence();
          i = run.sentenceEnd + 1;
        } else {
          i = runEnd;
        }
        continue;
      }
      const hidden = code >= 0xad ? invisibleLength(text, i) : 0;
      if (hidden > 0) {
        // Seen by no reader: neither a space nor punctuation (inside a word the run reader has taken it).
        if (wordStart >= 0) wordMayBeDisguised = true;
        i += hidden;
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
        flushSentence(judgedByNext(text, i, end, false));
        i++;
        continue;
      }
      if (isSentenceEnd(code)) {
        const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
        const endsHere =
          next === -1 ||
          isSpace(next) ||
          next === 34 ||
          next === 39 ||
          next === 41 ||
          next === 0x201d ||
          next === 0x2019 ||
          isSentenceEnd(next);
        const abbreviation =
          code === 46 && wordBefore !== undefined && (ABBREVIATIONS.has(wordBefore.toLowerCase()) || /^[A-Z]$/.test(wordBefore));
        if (endsHere && !abbreviation) {
          flushSentence(judgedByNext(text, i, end, code === 63));
          i++;
          continue;
        }
      }
      punctBefore = true;
      if (isQuoteMark(code)) quotes.see(text, i, segment.start, end);
      if (isClauseBreak(code)) clauseBreakBefore = true;
      if (code === 40) bracketDepth++;
      else if (code === 41 && bracketDepth > 0) bracketDepth--;
      i++;
    }
  }
  finishWord();
  flushSentence();
}

function isQuoteMark(code: number): boolean {
  return code === 34 || code === 39 || (code >= 0x2018 && code <= 0x201d);
}

const ASIDE = { aside: true } as const;
const QUOTED = { quoted: true } as const;
const QUOTED_ASIDE = { aside: true, quoted: true } as const;

/** The marks of a word inside brackets or quotation marks, one shared object each; undefined for neither. */
function wordMarks(aside: boolean, quoted: boolean): { readonly aside?: true; readonly quoted?: true } | undefined {
  if (aside) return quoted ? QUOTED_ASIDE : ASIDE;
  return quoted ? QUOTED : undefined;
}

/**
 * Follows the quotation marks of one prose unit. Double quotes pair by
 * alternation (straight ones) or by shape (curly ones); a single quote opens
 * a quotation only before a word and after a space or the start, and closes
 * it only after a word, so apostrophes ("don't", "users' data") never do.
 */
class QuotationState {
  private double = false;
  private single = false;

  isOpen(): boolean {
    return this.double || this.single;
  }

  /** Reads the quote mark at `index` (between `start` and `end` of its segment). */
  see(text: string, index: number, start: number, end: number): void {
    const code = text.charCodeAt(index);
    if (code === 34) this.double = !this.double;
    else if (code === 0x201c || code === 0x201e) this.double = true;
    else if (code === 0x201d) this.double = false;
    else {
      const before = index > start ? text.charCodeAt(index - 1) : 32;
      const after = index + 1 < end ? text.charCodeAt(index + 1) : 32;
      if (this.single && !isSpace(before)) this.single = false;
      else if (!this.single && code !== 0x2019 && (isSpace(before) || before === 40 || before === 58) && isWordChar(after))
        this.single = true;
    }
  }
}

/**
 * What {@link readWordRun} found besides where the stretch ends, kept in one
 * reused object because it runs once per word and must not allocate.
 */
const run = {
  /** The source offset of the stretch's last apostrophe joiner, or -1. */
  apostrophe: -1,
  /** True when it holds invisible characters or others that may read differently (see readableText.ts). */
  mayBeDisguised: false,
  /** The offset of a glued full stop that ends the sentence right after the stretch, or -1. */
  sentenceEnd: -1,
};

/**
 * Reads word characters from `start` (a word character) to the end of the
 * word or of the segment, and returns where it stopped: joiners between word
 * characters (GPT-4o, v1.2, don't) and invisible characters followed by more
 * of the word are part of it. Details are left in {@link run}.
 */
function readWordRun(text: string, start: number, end: number): number {
  let j = start + 1;
  let partStart = start;
  let apostrophe = -1;
  let sentenceEnd = -1;
  let mayBeDisguised = mayDisguise(text.charCodeAt(start));
  while (j < end) {
    const c = text.charCodeAt(j);
    // ASCII first and inline: this loop runs for every character of every word.
    if (c < 0x80) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) {
        j++;
        continue;
      }
      if (c !== 45 && c !== 46 && c !== 39) break;
    } else if (isWordChar(c)) {
      if (mayDisguise(c)) mayBeDisguised = true;
      j++;
      continue;
    } else if (invisibleLength(text, j) > 0) {
      const visible = skipInvisible(text, j, end);
      if (!continuesWord(text, visible, end)) break;
      mayBeDisguised = true;
      j = visible;
      continue;
    } else if (c !== 0x2019) {
      break;
    }
    // A joiner: it joins only when more of the word follows.
    let after = j + 1;
    if (after < end && text.charCodeAt(after) >= 0xad) after = skipInvisible(text, after, end);
    if (after >= end || !isWordChar(text.charCodeAt(after))) break;
    if (c === 46 && isGluedSentenceEnd(text, partStart, j, after, end)) {
      sentenceEnd = j;
      break;
    }
    if (c === 39 || c === 0x2019) apostrophe = j;
    if (after > j + 1) mayBeDisguised = true;
    partStart = after;
    j = after;
  }
  run.apostrophe = apostrophe;
  run.sentenceEnd = sentenceEnd;
  run.mayBeDisguised = mayBeDisguised;
  return j;
}

/** True when the character at `index` carries a word on: a word character, or a joiner before one. */
function continuesWord(text: string, index: number, end: number): boolean {
  if (index >= end) return false;
  const code = text.charCodeAt(index);
  if (isWordChar(code)) return true;
  if (!isJoiner(code)) return false;
  const after = skipInvisible(text, index + 1, end);
  return after < end && isWordChar(text.charCodeAt(after));
}
