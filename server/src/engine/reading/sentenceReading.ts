/**
 * The sentence reader: what the rules see of a sentence besides its words.
 *
 * - OpenAI names in any spelling are tagged (`%openai-name`), and pronouns
 *   that refer back to one (`%openai-reference`), so a pattern can say "an
 *   OpenAI model, or something that refers to one" without listing spellings;
 *   AWS region codes too (`%aws-region`: us-east-1), and the full name
 *   "Amazon Web Services" as one word (`%aws-name`).
 * - A second view leaves out asides in round brackets, so "enables (after
 *   you approve the role) access to o4-mini" reads as "enables access to
 *   o4-mini". Spoken fillers set off by commas or dashes ("it doesn't, you
 *   know, hand out access"), parenthetical reports ("it is not, Amazon
 *   maintains, a direct call") and hesitation sounds ("uh") are asides too.
 *   Rules run on both the sentence and this view; a match found only
 *   through the view gets no fix, because a fix would replace the aside too.
 * - Chat misspellings of claim words ("acess", "callin") pass for the word
 *   they stand for: the token is tagged with it.
 *
 * Everything here is linear in the sentence (plus the sentence before, for
 * pronouns) and allocates only when there is something to tag or leave out.
 */
import {
  CHAT_SPELLINGS,
  HESITATION_SOUNDS,
  MODALS,
  REFERRING_PRONOUNS,
  REPORTING_ASIDE_VERBS,
  SPOKEN_FILLER_PAIRS,
  SPOKEN_FILLERS,
} from '../text/englishWords';
import { patternVerbForm } from '../morphology/wordForms';
import type { Token } from '../text/tokenize';
import { AWS_REGION_SURFACE, tagAwsPlaces } from './awsPlaces';
import { OPENAI_NAME_SURFACE, tagOpenAINames } from './openaiNames';
import { splitMisnamedCompounds } from './nameCompounds';
import { tagOpenAIReferences } from './references';
import { TAG_AWS_NAME, TAG_AWS_REGION } from './tags';

/** What the rules read of one sentence: its tagged tokens and, when it has asides, the view without them. */
export interface SentenceReading {
  /** The sentence's tokens, tagged. */
  readonly tokens: readonly Token[];
  /** The tokens without asides, when the sentence has any. */
  readonly withoutAsides?: AsideFreeView;
}

/** Tokens without the asides, and where each came from in the full sentence. */
export interface AsideFreeView {
  readonly tokens: readonly Token[];
  /** `original[i]`: the index in the full sentence of view token `i`. */
  readonly original: Int32Array;
}

/** Words that may refer back (see references.ts), "the model" and "this LLM" among them; a sentence without them needs no resolving. */
const PRONOUNS = new Set([...REFERRING_PRONOUNS, 'model', 'llm', 'models', 'llms']);

/**
 * Tags a sentence's names and, when it has a pronoun and it or the sentence
 * before names an OpenAI model, the pronouns that refer to one. `previous`
 * is the sentence before as this function returned it (names tagged). Cheap
 * enough to run on every sentence before the rules' trigger words are looked
 * up, so that a tag can be a trigger too.
 */
export function tagSentence(tokens: readonly Token[], previous: readonly Token[] | undefined): readonly Token[] {
  const tagged = markSharedObjectVerbs(markSpokenFillers(tagChatSpellings(tagAwsPlaces(tagOpenAINames(splitMisnamedCompounds(tokens))))));
  if (!tokens.some((token) => PRONOUNS.has(token.lower))) return tagged;
  if (!(mayNameAntecedent(tagged) || (previous !== undefined && mayNameAntecedent(previous)))) return tagged;
  return tagOpenAIReferences(tagged, previous);
}

/** Whether `tokens` may hold what a pronoun refers back to: a tagged name, or the company's name before "models" or "API". */
function mayNameAntecedent(tokens: readonly Token[]): boolean {
  return tokens.some((token) => token.tag !== undefined || token.lower === 'openai');
}

/** Tags each chat misspelling with the word it stands for ("acess" as "access"); returns `tokens` itself when there is none. */
export function tagChatSpellings(tokens: readonly Token[]): readonly Token[] {
  let tagged: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.tag === undefined ? CHAT_SPELLINGS.get(token.lower) : undefined;
    if (word === undefined) continue;
    tagged ??= [...tokens];
    tagged[i] = { ...token, tag: word };
  }
  return tagged ?? tokens;
}

/** How many words the filler at `index` has (0 when there is none): one from SPOKEN_FILLERS, or a pair ("you know"). */
function fillerLength(tokens: readonly Token[], index: number): number {
  const word = tokens[index]!.lower;
  if (SPOKEN_FILLERS.has(word)) return 1;
  const second = tokens[index + 1];
  return second !== undefined && !second.punctBefore && SPOKEN_FILLER_PAIRS.get(word)?.has(second.lower) === true ? 2 : 0;
}

/** The longest parenthetical report a comma opens at `index`: two to five words ending in a verb of saying ("Amazon and OpenAI maintain"). */
const MAX_REPORTING_ASIDE = 5;

/** How many words the parenthetical report at `index` has (0 when there is none); the caller checks the comma after it. */
function reportingAsideLength(tokens: readonly Token[], index: number): number {
  for (let length = 2; length <= MAX_REPORTING_ASIDE; length++) {
    const last = tokens[index + length - 1];
    if (last === undefined || last.clauseBreakBefore) return 0;
    if (REPORTING_ASIDE_VERBS.has(last.lower) && tokens[index + length]?.clauseBreakBefore === true) return length;
  }
  return 0;
}

/**
 * Marks as asides the hesitation sounds, and the fillers that commas or
 * dashes set off inside a sentence ("hand, you know, access"; a filler that
 * opens the sentence changes nothing a rule reads). Returns `tokens` itself
 * when there is none.
 */
export function markSpokenFillers(tokens: readonly Token[]): readonly Token[] {
  let marked: Token[] | undefined;
  const mark = (index: number): void => {
    marked ??= [...tokens];
    if (marked[index]!.aside !== true) marked[index] = { ...marked[index]!, aside: true };
  };
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (HESITATION_SOUNDS.has(token.lower) && !token.quoted) {
      mark(i);
      continue;
    }
    if (!token.clauseBreakBefore) continue;
    const length = fillerLength(tokens, i) || reportingAsideLength(tokens, i);
    const after = tokens[i + length];
    if (length === 0 || after === undefined || !after.clauseBreakBefore) continue;
    for (let j = i; j < i + length; j++) mark(j);
  }
  return marked ?? tokens;
}

/**
 * Marks as an aside the second of two verbs that share one object, with its
 * "and" or "or": "can access and call GPT-4.1", "hosts or serves o3". The
 * view without asides then reads "can access GPT-4.1" as well as the full
 * sentence's "call GPT-4.1", so each verb makes its own claim. The two verbs
 * have the same form (a modal or "to" before the first makes both base
 * forms), so "models and calls" is not read as a pair. Returns `tokens`
 * itself when there is none.
 */
export function markSharedObjectVerbs(tokens: readonly Token[]): readonly Token[] {
  let marked: Token[] | undefined;
  for (let i = 1; i + 2 < tokens.length; i++) {
    const joiner = tokens[i]!;
    if ((joiner.lower !== 'and' && joiner.lower !== 'or') || joiner.punctBefore || joiner.aside) continue;
    const first = tokens[i - 1]!;
    const second = tokens[i + 1]!;
    if (second.punctBefore || tokens[i + 2]!.clauseBreakBefore || first.tag !== undefined || second.tag !== undefined) continue;
    const form = patternVerbForm(first.lower);
    if (form === undefined || form !== patternVerbForm(second.lower)) continue;
    // Base forms pair only after a modal or "to" ("can access and call"); otherwise they may be nouns ("access and support").
    if (form === 'base' && (i < 2 || !MODALS.has(tokens[i - 2]!.lower))) continue;
    marked ??= [...tokens];
    marked[i] = { ...joiner, aside: true };
    marked[i + 1] = { ...second, aside: true };
    i++;
  }
  return marked ?? tokens;
}

/**
 * A regular-expression source (ASCII, case-insensitive, between `\b`) for
 * the written words that can get one of `tags`, for the prose filter: a tag
 * is never written, so a unit is let through when it holds such a word.
 */
export function tagSurfaces(tags: readonly string[]): string | undefined {
  const surfaces = new Set<string>();
  // A pronoun refers to a name in the same unit, so the names' surface covers references too.
  for (const tag of tags)
    surfaces.add(tag === TAG_AWS_REGION ? AWS_REGION_SURFACE : tag === TAG_AWS_NAME ? '(?:amazon|aws|bedrock)' : OPENAI_NAME_SURFACE);
  return surfaces.size === 0 ? undefined : [...surfaces].join('|');
}

/** Reads a sentence; `previous` is the sentence before it in the same paragraph, if any. */
export function readSentence(tokens: readonly Token[], previous: readonly Token[] | undefined): SentenceReading {
  const tagged = tagSentence(tokens, previous ? tagOpenAINames(previous) : undefined);
  const withoutAsides = asideFreeView(tagged);
  return withoutAsides ? { tokens: tagged, withoutAsides } : { tokens: tagged };
}

/** The view without bracketed asides, or undefined when there are none (or only asides). */
export function asideFreeView(tokens: readonly Token[]): AsideFreeView | undefined {
  let asides = 0;
  for (const token of tokens) if (token.aside) asides++;
  if (asides === 0 || asides === tokens.length) return undefined;
  const kept: Token[] = [];
  const original = new Int32Array(tokens.length - asides);
  let afterAside = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.aside) {
      afterAside = true;
      continue;
    }
    original[kept.length] = i;
    // The closing bracket is gone with the aside: the word after it joins the words before the aside.
    kept.push(afterAside ? { ...token, punctBefore: false, clauseBreakBefore: false } : token);
    afterAside = false;
  }
  return { tokens: kept, original };
}
