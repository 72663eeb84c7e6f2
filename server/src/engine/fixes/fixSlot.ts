/**
 * What grammatical slot a rule's matched words fill, read from the words
 * around them: a verb phrase ("The SRE *enables access to* GPT-5"), whose
 * rewrite must agree with its subject, tense, modal or auxiliary, or a noun
 * phrase ("your company's *front door to* ChatGPT"), whose rewrite must be a
 * noun phrase too. Undefined when the words around leave it unclear: a fix is
 * then withheld rather than guessed.
 */
import { ALL_BE_FORMS, BASE_FORM_TRIGGERS, HAVE_FORMS, NOUN_PHRASE_STARTERS, PREPOSITIONS } from '../text/englishWords';
import { verbFormOfWord, type VerbForm } from '../morphology/wordForms';
import type { Token } from '../text/tokenize';

/** The slot the replaced words fill. */
export type FixSlot =
  { readonly kind: 'verb'; readonly form: VerbForm; readonly context: VerbContext } | { readonly kind: 'noun'; readonly plural: boolean };

/** What stands before a verb and decides its form. */
export type VerbContext =
  /** A modal, "to" or "do" (after adverbs): the base form ("can now integrate with"). */
  | 'modal'
  /** Nothing: an imperative ("Integrate with GPT-5 ..."). */
  | 'imperative'
  /** A form of "have": the participle. */
  | 'perfect'
  /** A form of "be": a progressive (-ing) or a passive. */
  | 'be'
  /** A subject, or nothing that constrains the form. */
  | 'subject';

/** Verbs whose object a noun phrase is ("have direct access to", "gets a doorway to"). */
const OBJECT_VERBS = new Set(
  [
    'have',
    'get',
    'gain',
    'give',
    'offer',
    'provide',
    'grant',
    'want',
    'need',
    'enjoy',
    'lack',
    'receive',
    'obtain',
    'request',
    'build',
    'open',
  ]
    .flatMap((verb) => [verb, `${verb}s`, `${verb}ed`, `${verb}d`])
    .concat(['has', 'had', 'having', 'got', 'gotten', 'getting', 'gave', 'given', 'giving', 'built', 'offering', 'providing']),
);

/** Adverbs that may stand between an auxiliary and its verb ("can now", "is also"). */
const ADVERBS = new Set([
  'now',
  'also',
  'then',
  'still',
  'just',
  'already',
  'even',
  'only',
  'soon',
  'today',
  'always',
  'never',
  'often',
  'not',
  'finally',
  'right',
  'all',
  'both',
]);

/** True for a word that may stand between an auxiliary and its verb. */
export function isAdverb(lower: string): boolean {
  return ADVERBS.has(lower) || (lower.endsWith('ly') && lower.length > 3);
}

/** True for a determiner or a possessive ("the", "your", "company's", "OpenAI's"). */
export function isDeterminerLike(token: Token): boolean {
  return NOUN_PHRASE_STARTERS.has(token.lower) || isContractedIs(token) || /.'$/.test(token.lower.replace(/’/g, "'"));
}

/** True for "'s" or a word ending in it: a possessive, or "is" before an -ing verb ("it's calling"). */
export function isContractedIs(token: Token): boolean {
  return /'s$/.test(token.lower.replace(/’/g, "'"));
}

/** True for a modal or a negated auxiliary ("can", "to", "doesn't", "won't"). */
export function isModalLike(lower: string): boolean {
  return BASE_FORM_TRIGGERS.has(lower) || lower.endsWith("n't");
}

/** The index of the nearest word before `index` that is not an adverb, or -1. */
export function previousNonAdverb(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    if (tokens[i]!.aside) continue;
    // A code span is a word of unknown kind: it is returned, and the caller withholds.
    if (tokens[i]!.opaque || !isAdverb(tokens[i]!.lower)) return i;
  }
  return -1;
}

/**
 * The slot the words `focusStart`..`focusEnd` fill in the sentence, or
 * undefined when it cannot be told.
 */
export function readSlot(tokens: readonly Token[], focusStart: number, focusEnd: number): FixSlot | undefined {
  const first = tokens[focusStart]!;
  const previous = focusStart > 0 ? tokens[focusStart - 1] : undefined;
  if (previous?.opaque) return undefined;
  const form = verbFormOfWord(first.text);
  // "It's calling on": before an -ing verb, "'s" is "is", not a possessive.
  if (previous !== undefined && form === 'gerund' && isContractedIs(previous)) return verbSlot('gerund', 'be');
  if (previous !== undefined && isDeterminerLike(previous)) return nounSlot(tokens, focusStart, focusEnd);
  const anchorIndex = previousNonAdverb(tokens, focusStart);
  if (anchorIndex >= 0 && tokens[anchorIndex]!.opaque) return undefined;
  const anchor = anchorIndex >= 0 ? tokens[anchorIndex]!.lower : undefined;
  if (form === 'gerund' || form === 'third-person' || form === 'past' || form === 'participle') {
    // "for enabled access to": a verb form where a noun phrase belongs.
    if (previous !== undefined && PREPOSITIONS.has(previous.lower) && form !== 'gerund') return undefined;
    if (form === 'past' && anchor !== undefined && HAVE_FORMS.has(anchor)) return verbSlot('participle', 'perfect');
    if (form === 'past' && anchor !== undefined && ALL_BE_FORMS.has(anchor)) return undefined; // a passive: "is called on by"
    if (form === 'gerund' && anchor !== undefined && ALL_BE_FORMS.has(anchor)) return verbSlot('gerund', 'be');
    return verbSlot(form, 'subject');
  }
  if (anchor !== undefined && isModalLike(anchor)) return form === 'base' ? verbSlot('base', 'modal') : undefined;
  if (previous !== undefined && (PREPOSITIONS.has(previous.lower) || OBJECT_VERBS.has(previous.lower) || ALL_BE_FORMS.has(previous.lower)))
    return nounSlot(tokens, focusStart, focusEnd);
  if (form === undefined) return nounSlot(tokens, focusStart, focusEnd);
  if (previous === undefined) return verbSlot('base', 'imperative');
  return verbSlot('base', 'subject');
}

function verbSlot(form: VerbForm, context: VerbContext): FixSlot {
  return { kind: 'verb', form, context };
}

/** A noun phrase; plural when its head noun (the last word before the closing preposition) is. */
function nounSlot(tokens: readonly Token[], focusStart: number, focusEnd: number): FixSlot {
  let head = focusEnd - 1;
  while (head > focusStart && PREPOSITIONS.has(tokens[head]!.lower)) head--;
  const word = tokens[head]!.lower;
  const plural = /[^s]s$/.test(word) && word !== 'access' && word !== 'means';
  return { kind: 'noun', plural };
}
