/**
 * Fits a rule's rewrite to one match, or withholds it. A fix is offered only
 * when it fits the words around it (a verb phrase agrees with its subject,
 * tense, modal or auxiliary; a noun phrase stays a noun phrase, its article
 * agreeing) and keeps every piece of markup between and around the words
 * byte for byte. A fix that cannot be made safe is not offered: the finding
 * keeps its explanation and its disable actions.
 */
import type { Fix, TextEdit } from '../api';
import { conjugate, isPluralSubject, type VerbForm } from '../morphology/wordForms';
import type { Token } from '../text/tokenize';
import type { FixTemplate } from '../packs/loadPack';
import { editsForRuns, isPlainGap, isPlainWord, wordRuns } from './fixParts';
import { ALL_BE_FORMS, HAVE_FORMS, PREPOSITIONS } from '../text/englishWords';
import { isContractedIs, isDeterminerLike, isModalLike, previousNonAdverb, readSlot, type FixSlot } from './fixSlot';

/** Module constants: the bundler writes a `\p{}` literal as `new RegExp(...)`, which inside the function would build it on every call. */
const UPPER_FIRST = /^\p{Lu}/u;
const UPPER_TWO = /^\p{Lu}{2}/u;

/** The noun of a replacement verb, for a match that fills a noun phrase ("front door to" -> "integration with"). */
const NOUN_OF_VERB: Readonly<Record<string, string>> = { integrate: 'integration', connect: 'connection' };

/**
 * The fix for one match, or undefined when the rewrite cannot be made to fit
 * the sentence. `source` is the text the tokens' offsets point into.
 */
export function fitFix(
  template: FixTemplate,
  tokens: readonly Token[],
  focusStart: number,
  focusEnd: number,
  source: string,
): Fix | undefined {
  const words = template.replace.split(' ');
  const lemma = words[0]!;
  // Only a lower-case verb is conjugated: "Acme" or "iPhone" are names and stay as written.
  if (!template.inflect || !/^[a-z]+$/.test(lemma)) return literalFix(template, tokens, focusStart, focusEnd, source);
  // A leading modal stays ("can reach" -> "can integrate with"): only the verb after it is replaced.
  let start = focusStart;
  while (start < focusEnd - 1 && (isModalLike(tokens[start]!.lower) || tokens[start]!.lower === 'able')) start++;
  const slot = readSlot(tokens, start, focusEnd);
  if (slot === undefined) return undefined;
  const head = headWord(lemma, slot, tokens, start);
  if (head === undefined) return undefined;
  words[0] = head;
  if (template.keepCase && isCapitalised(tokens[start]!.text)) words[0] = head.charAt(0).toUpperCase() + head.slice(1);
  // Words written in capitals ("CALL ON GPT-5") get a replacement in capitals.
  if (template.keepCase && isShouted(tokens, start, focusEnd)) words.forEach((word, index) => (words[index] = word.toUpperCase()));
  const runs = wordRuns(source, tokens, start, focusEnd);
  const edits = runs && editsForRuns(runs, tokens, words);
  if (edits === undefined) return undefined;
  const article = slot.kind === 'noun' ? articleEdit(tokens, start, words[0], slot.plural, source) : null;
  if (article === undefined) return undefined;
  if (!fitsLocalShape(tokens, start, focusEnd, words, { slot, lemma }, article?.newText)) return undefined;
  const replacement = article ? `${article.newText} ${words.join(' ')}` : words.join(' ');
  return {
    title: template.title ?? `Replace with “${replacement}”`,
    edits: article ? [article, ...edits] : edits,
  };
}

/** A replacement written as it is (a name): one run of plain words, or nothing. */
function literalFix(
  template: FixTemplate,
  tokens: readonly Token[],
  focusStart: number,
  focusEnd: number,
  source: string,
): Fix | undefined {
  const runs = wordRuns(source, tokens, focusStart, focusEnd);
  if (runs === undefined || runs.length !== 1) return undefined;
  let replacement = template.replace;
  // A name keeps its own case even where the text is in capitals: "NORTHSTAR" becomes "NorthStar".
  if (template.keepCase && isCapitalised(tokens[focusStart]!.text))
    replacement = replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return {
    title: template.title ?? `Replace with “${replacement}”`,
    edits: [{ range: { start: runs[0]!.start, end: runs[0]!.end }, newText: replacement }],
  };
}

/** True when every word from `start` to `end` with letters is written in capitals, and at least two letters are. */
function isShouted(tokens: readonly Token[], start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const text = tokens[i]!.text;
    if (text !== text.toUpperCase()) return false;
    letters += text.replace(/[^A-Za-z]/g, '').length;
  }
  return letters >= 2;
}

function isCapitalised(word: string): boolean {
  return UPPER_FIRST.test(word) && !UPPER_TWO.test(word);
}

/** The replacement's first word in the slot's form, or undefined when the slot does not take it. */
function headWord(lemma: string, slot: FixSlot, tokens: readonly Token[], start: number): string | undefined {
  if (slot.kind === 'noun') {
    const noun = NOUN_OF_VERB[lemma];
    return noun === undefined ? undefined : slot.plural ? `${noun}s` : noun;
  }
  if (lemma !== 'be') {
    // "it enable access to" was written with the wrong form; the rewrite agrees with "it".
    const singular = slot.form === 'base' && slot.context === 'subject' && start > 0 && beForSubject(tokens[start - 1]!.lower) === 'is';
    return conjugate(lemma, singular ? 'third-person' : slot.form);
  }
  switch (slot.form) {
    case 'third-person':
      return 'is';
    case 'gerund':
      return 'being';
    case 'participle':
      return 'been';
    case 'past': {
      const subject = subjectBefore(tokens, start);
      // "I wish it called GPT-5 less" is a wish, not a past: its "be" is "were" ("I wish it were powered by").
      if (isWished(tokens, start)) return 'were';
      return subject !== undefined && isPluralSubject(subject) ? 'were' : 'was';
    }
    case 'base':
      // "Be powered by GPT-5 ..." as an order to the reader says something else than the sentence did.
      if (slot.context === 'imperative') return undefined;
      if (slot.context === 'modal') return 'be';
      return beForSubject(start > 0 ? tokens[start - 1]!.lower : undefined);
  }
}

/** True when a verb of wishing stands in the three words before `start` ("wish it", "if only they"). */
function isWished(tokens: readonly Token[], start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 3; i--) {
    const word = tokens[i]!.lower;
    if (word === 'wish' || word === 'wishes' || word === 'wished' || (word === 'only' && tokens[i - 1]?.lower === 'if')) return true;
  }
  return false;
}

/** Subjects that take "is" even where the writer put a base form ("it enable access to"). */
const SINGULAR_PRONOUNS = new Set(['it', 'he', 'she', 'this', 'that', 'there', 'who', 'which']);

/** The present of "be" for the word before the verb. */
function beForSubject(subject: string | undefined): string {
  if (subject === 'i') return 'am';
  return subject !== undefined && SINGULAR_PRONOUNS.has(subject) ? 'is' : 'are';
}

/**
 * The edit that makes "a"/"an" before a noun-phrase rewrite agree with its
 * first word: null when none is needed, undefined when the article cannot be
 * made to agree (a plural, or markup in the way).
 */
function articleEdit(
  tokens: readonly Token[],
  start: number,
  firstWord: string,
  plural: boolean,
  source: string,
): TextEdit | null | undefined {
  const previous = start > 0 ? tokens[start - 1]! : undefined;
  if (previous === undefined || (previous.lower !== 'a' && previous.lower !== 'an')) return null;
  if (plural) return undefined;
  const wanted = /^[aeiou]/i.test(firstWord) ? 'an' : 'a';
  if (previous.lower === wanted) return null;
  if (!isPlainWord(source, previous) || !isPlainGap(source, previous.end, tokens[start]!.start)) return undefined;
  const newText =
    previous.text === previous.text.toUpperCase() && previous.text.length > 1
      ? wanted.toUpperCase()
      : previous.text[0] === 'A'
        ? wanted.charAt(0).toUpperCase() + wanted.slice(1)
        : wanted;
  return { range: { start: previous.start, end: previous.end }, newText };
}

/** The form a verb rewrite's first word was given: the slot's, or the third person it was made to agree with "it". */
function formOfHead(first: string, lemma: string, slotForm: VerbForm): VerbForm {
  return slotForm === 'base' && lemma !== 'be' && first === conjugate(lemma, 'third-person') ? 'third-person' : slotForm;
}

/** Forms of "be" that are finite: never right after a modal, "to" or a determiner. */
const FINITE_BE = new Set(['is', 'are', 'was', 'were', 'am']);

/**
 * The check every rewrite passes before it is offered, independent of how it
 * was built: the words before and after it must take it. No verb after a
 * determiner or an article, no finite verb after a modal or "to", an -ing or
 * participle after "be" and "have", and no preposition doubled at the seam
 * ("integrates with to GPT-5") or left dangling at the end. The form of the
 * rewrite's first word is the one it was conjugated to (asking the word list
 * again would load compromise for a word a pack's own table already answered).
 */
function fitsLocalShape(
  tokens: readonly Token[],
  start: number,
  focusEnd: number,
  words: readonly string[],
  built: { readonly slot: FixSlot; readonly lemma: string },
  article: string | undefined,
): boolean {
  const first = words[0]!.toLowerCase();
  const { slot, lemma } = built;
  const firstForm = FINITE_BE.has(first)
    ? 'third-person'
    : first === 'be'
      ? 'base'
      : slot.kind === 'verb'
        ? formOfHead(first, lemma, slot.form)
        : undefined;
  const previous = start > 0 ? tokens[start - 1]! : undefined;
  // After "it's", an -ing verb is a progressive ("it's integrating with"); after any other determiner no verb fits.
  const progressive = previous !== undefined && isContractedIs(previous) && firstForm === 'gerund';
  if (
    !progressive &&
    (article !== undefined || (previous !== undefined && isDeterminerLike(previous))) &&
    (firstForm !== undefined || first === 'being' || first === 'been')
  )
    return false;
  const anchorIndex = previousNonAdverb(tokens, start);
  const anchor = anchorIndex >= 0 ? tokens[anchorIndex]!.lower : undefined;
  if (anchor !== undefined && isModalLike(anchor) && firstForm !== undefined && firstForm !== 'base') return false;
  if (
    anchor !== undefined &&
    ALL_BE_FORMS.has(anchor) &&
    anchorIndex === start - 1 &&
    firstForm !== undefined &&
    firstForm !== 'gerund' &&
    firstForm !== 'participle' &&
    firstForm !== 'past'
  )
    return false;
  if (
    anchor !== undefined &&
    HAVE_FORMS.has(anchor) &&
    firstForm !== undefined &&
    firstForm !== 'participle' &&
    firstForm !== 'past' &&
    first !== 'been'
  )
    return false;
  const next = tokens[focusEnd];
  const last = words[words.length - 1]!;
  if (PREPOSITIONS.has(last) && (next === undefined || PREPOSITIONS.has(next.lower))) return false;
  return true;
}

/** The word just before the verb, skipping adverbs such as "now" or "often". */
function subjectBefore(tokens: readonly Token[], focusStart: number): string | undefined {
  const index = previousNonAdverb(tokens, focusStart);
  return index >= 0 && focusStart - index <= 3 ? tokens[index]!.text : undefined;
}
