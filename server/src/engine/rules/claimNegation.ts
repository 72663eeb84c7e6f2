/**
 * Whether a pattern's match is denied rather than claimed: negators before
 * and after it and how far they reach, forbidden or denied verbs of stating,
 * wording talked about, and denials later in the sentence ("..., but it
 * isn't"). Used by the rule set for every rule marked not-negated.
 */
import type { ProgramMatch } from '../patterns/runProgram';
import type { Token } from '../text/tokenize';
import {
  ALL_BE_FORMS,
  ASKING_WORDS,
  BARE_NEGATIVE_CONTRACTIONS,
  BE_FORMS,
  CLAIM_NOUNS,
  CLAIM_PRONOUNS,
  CLAUSE_STARTS,
  COORDINATORS,
  FALSITY_WORDS,
  FORBIDDING_WORDS,
  HAVE_FORMS,
  LIST_ADVERBS,
  MODALS,
  NEGATING_LABELS,
  NEGATING_WORDS,
  NEGATIVE_QUANTIFIERS,
  QUESTION_OPENERS,
  RELATIVE_STARTS,
  SENTENCE_NEGATORS,
  STATING_VERBS,
  SUBORDINATE_STARTS,
  VERB_NEGATORS,
  WORDING_NOUNS,
} from '../text/englishWords';

/** How many words before a match a negation still counts ("is not yet available"). */
const NEGATION_LOOKBEHIND = 6;
/** How many list commas a negation reaches across ("not host, resell, license or provide"). */
const MAX_LIST_COMMAS = 3;
/** How far back a sentence-opening negator still reaches. */
const SENTENCE_NEGATION_REACH = 14;
/** How many words after a match a negation still counts ("GPT-5 on AWS will not happen"). */
const NEGATION_LOOKAHEAD = 4;

/** Punctuation as a list writes it, one mark and a space ("host, resell"), not a dash or brackets around an aside. */
function isListComma(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  return previous !== undefined && tokens[i]!.start - previous.end === 2 && tokens[i]!.aside !== true;
}

/** How far back from a claim a forbidden verb of stating is looked for ("shall not represent, in any materials, that ..."). */
const STATEMENT_REACH = 12;

/**
 * True when the claim at `start` is what a denied or forbidden verb of
 * stating would say: "stop saying GPT-5 is on Bedrock", "remove any copy
 * implying GPT-5 runs on AWS", "shall not represent that the Service calls
 * ChatGPT". The verb is within reach before the claim, and a negator or a
 * forbidding word stands in the three words before the verb.
 */
function isForbiddenStatement(tokens: readonly Token[], start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - STATEMENT_REACH; i--) {
    // "we never said X, but the SRE calls ChatGPT": a new clause makes its own claim ("or" joins the things not to be said).
    if (CLAUSE_STARTS.has(tokens[i]!.lower) && tokens[i]!.lower !== 'or') return false;
    if (!STATING_VERBS.has(tokens[i]!.lower)) continue;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const word = tokens[j]!.lower;
      // "It would be inaccurate to say that ...": a verb of stating called untrue denies what it would say.
      if (FORBIDDING_WORDS.has(word) || FALSITY_WORDS.has(word) || isNegator(tokens, j)) return true;
    }
    if (saysWording(tokens, i) || hasDeniedSubject(tokens, i)) return true;
  }
  return false;
}

/** How far back from a verb of stating a denying quantifier may open its subject ("no material distributed by my unit states"). */
const QUANTIFIED_SUBJECT_REACH = 6;

/** The verb of stating at `verb` has a subject that "no", "zero" or "none" denies: "zero docs claiming ...". */
function hasDeniedSubject(tokens: readonly Token[], verb: number): boolean {
  for (let j = verb - 1; j >= 0 && j >= verb - QUANTIFIED_SUBJECT_REACH; j--) {
    if (NEGATIVE_QUANTIFIERS.has(tokens[j]!.lower)) return true;
    if (tokens[j]!.clauseBreakBefore) return false;
  }
  return false;
}

/** The verb of stating at `verb` says what some wording says: "wording that implies ...", "copy suggesting ...". */
function saysWording(tokens: readonly Token[], verb: number): boolean {
  const before = tokens[verb - 1]?.lower ?? '';
  if (WORDING_NOUNS.has(before)) return true;
  return (before === 'that' || before === 'which') && WORDING_NOUNS.has(tokens[verb - 2]?.lower ?? '');
}

/** A negated auxiliary as one word: "isn't", "doesn't", or without the apostrophe as chat writes it ("dont"). */
function isNegativeContraction(lower: string): boolean {
  return lower.endsWith("n't") || BARE_NEGATIVE_CONTRACTIONS.has(lower);
}

/** Whether the word at `index` negates what follows it ("not", "never", "without", "rather than", a reported "if"). */
export function isNegator(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  // "rather than", "instead of": what follows is what is not the case ("enabled by OpenAI rather than a way into GPT-5").
  if (token.lower === 'than' || token.lower === 'of')
    return index > 0 && tokens[index - 1]!.lower === (token.lower === 'than' ? 'rather' : 'instead');
  // "asked if", "wonders if": a reported question, like "whether".
  if (token.lower === 'if') return index > 0 && ASKING_WORDS.has(tokens[index - 1]!.lower);
  // "asked can I run o3 on AWS", "wondering does it call GPT-5": a reported question in its spoken order.
  if (QUESTION_OPENERS.has(token.lower) && index > 0 && ASKING_WORDS.has(tokens[index - 1]!.lower)) return true;
  if (!NEGATING_WORDS.has(token.lower) && !isNegativeContraction(token.lower)) return false;
  const next = tokens[index + 1]?.lower;
  const afterNext = tokens[index + 2]?.lower;
  if (
    token.lower === 'without' &&
    (next === 'leaving' || next === 'exiting' || (next === 'ever' && (afterNext === 'leaving' || afterNext === 'exiting')))
  )
    return false;
  if ((token.lower === 'not' || isNegativeContraction(token.lower)) && (next === 'only' || next === 'just')) return false;
  // "has never been easier" praises; it denies nothing.
  if (
    token.lower === 'never' &&
    next === 'been' &&
    afterNext !== undefined &&
    /^(easier|simpler|faster|better|cheaper|quicker)$/.test(afterNext)
  )
    return false;
  return true;
}

/**
 * True for a "not" after a claim that negates a modifier rather than a verb:
 * "at a rate not exceeding the limits", "not more than 40 calls". A "not"
 * that denies the claim stands after an auxiliary ("will not happen",
 * "is not true").
 */
function isModifyingNot(tokens: readonly Token[], index: number): boolean {
  if (tokens[index]!.lower !== 'not') return false;
  const before = tokens[index - 1]?.lower ?? '';
  return !(MODALS.has(before) || ALL_BE_FORMS.has(before) || HAVE_FORMS.has(before));
}

/**
 * Whether the claim `match` stands in is denied: a negator before it in its
 * clause (within reach, across asides and list commas), a label that calls
 * what follows untrue, a denied or forbidden verb of stating, a negated verb
 * just after it, or a denial later in the sentence.
 */
export function isNegated(tokens: readonly Token[], match: ProgramMatch, approvedMask: Uint8Array): boolean {
  // Inside a bracketed aside the match reads past, only a negator that opens the aside ("(not yet)")
  // negates the claim; one further in belongs to the aside ("(only for hard cases, don't worry)").
  const insideAside = tokens[match.start]!.aside === true;
  for (let i = match.start; i < match.end; i++) {
    if (tokens[i]!.aside === true && !insideAside && tokens[i - 1]?.aside === true) continue;
    if (isNegator(tokens, i) && approvedMask[i] !== 1) return true;
  }
  // Punctuation right before the claim (a colon, a comma) closes the clause a negation could be in,
  // unless it closes an aside read past ("doesn't, you know, hand out access").
  // A quotation mark alone closes nothing ("asked if SRE “calls on” ChatGPT").
  const clauseOpen = !tokens[match.start]!.clauseBreakBefore || (!insideAside && tokens[match.start - 1]?.aside === true);
  // A negator just before the comma still negates ("We did not, and do not, call on ChatGPT").
  if (!clauseOpen && match.start > 0 && !insideAside && isNegator(tokens, match.start - 1)) return true;
  // ... or before the auxiliary just before the comma ("does not, and never will, open up").
  if (!clauseOpen && match.start > 1 && !insideAside && MODALS.has(tokens[match.start - 1]!.lower) && isNegator(tokens, match.start - 2))
    return true;
  // A label that calls what follows untrue or forbidden ("Myth: GPT-5 is on Bedrock.", "Don't: ...").
  if (match.start >= 1 && NEGATING_LABELS.has(tokens[0]!.lower) && tokens[1]!.clauseBreakBefore && !tokens[1]!.aside) return true;
  // The last of a list of verbs ("does not host, resell or provide access"): the list's commas do not close the clause.
  // ", and provides" after a comma joins a new clause instead ("is not a chatbot, and provides access").
  // "does not invoke, query or otherwise send": an adverb between the coordinator and the claim changes nothing.
  const joinerIndex = match.start - 1 - (LIST_ADVERBS.has(tokens[match.start - 1]?.lower ?? '') ? 1 : 0);
  const joiner = tokens[joinerIndex];
  let listCommas = joiner !== undefined && COORDINATORS.has(joiner.lower) && !joiner.punctBefore ? MAX_LIST_COMMAS : 0;
  for (let i = match.start - 1, seen = 0; clauseOpen && i >= 0; i--, seen++) {
    // An aside is read past, as the rules read past it; only the words around it negate the claim.
    if (!insideAside && tokens[i]!.aside === true) {
      seen--;
      continue;
    }
    // "Not once did ...": "once" after "not" opens no clause of its own.
    if (SUBORDINATE_STARTS.has(tokens[i]!.lower) && tokens[i - 1]?.lower !== 'not') break;
    // Past the usual reach, only a sentence-opening "Nothing", "No" or "Never" still negates the claim.
    if (seen < NEGATION_LOOKBEHIND ? isNegator(tokens, i) : i === 0 && opensWithNegator(tokens)) return true;
    // A comma or dash before this word closes the clause the claim is in.
    if (seen >= SENTENCE_NEGATION_REACH) break;
    if (
      tokens[i]!.clauseBreakBefore &&
      !(insideAside === false && tokens[i - 1]?.aside === true) &&
      (listCommas-- === 0 || !isListComma(tokens, i))
    )
      break;
  }
  if (isForbiddenStatement(tokens, match.start)) return true;
  for (let i = match.end, seen = 0; i < tokens.length && seen < NEGATION_LOOKAHEAD; i++, seen++) {
    const token = tokens[i]!;
    if (token.punctBefore || CLAUSE_STARTS.has(token.lower) || RELATIVE_STARTS.has(token.lower)) break;
    if ((VERB_NEGATORS.has(token.lower) || isNegativeContraction(token.lower)) && isNegator(tokens, i) && !isModifyingNot(tokens, i))
      return true;
    if (FALSITY_WORDS.has(token.lower) && i > match.end && BE_FORMS.has(tokens[i - 1]!.lower)) return true;
  }
  return isDeniedAfterwards(tokens, match) || isUntrueClaimNoun(tokens, match);
}

/** Words after "not" that call a statement untrue ("not true", "not the case"). */
const TRUTH_WORDS = new Set(['true', 'accurate', 'correct', 'right', 'so', 'the', 'really', 'actually']);

/**
 * "X is not true" or "X is false" from `at`: a form of "be" ("'s" too),
 * then "not" and a word of truth, or a word of falsity. Returns the index
 * after it, or -1.
 */
function untrueFrom(tokens: readonly Token[], at: number): number {
  const be = tokens[at]?.lower ?? '';
  if (!ALL_BE_FORMS.has(be) && be !== "'s") return -1;
  let i = at + 1;
  if (tokens[i]?.lower === 'completely' || tokens[i]?.lower === 'simply' || tokens[i]?.lower === 'entirely') i++;
  if (FALSITY_WORDS.has(tokens[i]?.lower ?? '')) return i + 1;
  if (tokens[i]?.lower === 'not' && TRUTH_WORDS.has(tokens[i + 1]?.lower ?? '')) return i + 2;
  return -1;
}

/**
 * A clause after the claim takes it back: "People say GPT-5 is on Bedrock,
 * but it isn't.", "..., which is false.", "...; that's not true." The
 * denial opens the next clause with a pronoun for the claim and ends it.
 */
function isDeniedAfterwards(tokens: readonly Token[], match: ProgramMatch): boolean {
  let k = match.end;
  while (k < tokens.length && !tokens[k]!.clauseBreakBefore) k++;
  if (k >= tokens.length) return false;
  if (tokens[k]!.lower === 'but' || tokens[k]!.lower === 'yet' || tokens[k]!.lower === 'and') k++;
  if (!CLAIM_PRONOUNS.has(tokens[k]?.lower ?? '')) return false;
  const verb = tokens[k + 1];
  if (verb === undefined) return false;
  const endsClause = (at: number): boolean => at >= tokens.length || tokens[at]!.clauseBreakBefore;
  // "but it isn't", "but it doesn't", "but they aren't": a negated auxiliary with nothing after it.
  if (isNegativeContraction(verb.lower) && endsClause(k + 2)) return true;
  // "but it is not", "but it does not".
  if (
    (ALL_BE_FORMS.has(verb.lower) || MODALS.has(verb.lower) || verb.lower === "'s") &&
    tokens[k + 2]?.lower === 'not' &&
    endsClause(k + 3)
  )
    return true;
  const after = untrueFrom(tokens, k + 1);
  return after >= 0 && endsClause(after);
}

/**
 * The claim is the content of a statement the sentence calls untrue: "the
 * statement that the agents call GPT-4.1 was inaccurate", "the idea that
 * o3 runs on AWS is simply false".
 */
function isUntrueClaimNoun(tokens: readonly Token[], match: ProgramMatch): boolean {
  let opened = false;
  for (let i = match.start - 1; i >= 1 && i >= match.start - STATEMENT_REACH; i--) {
    if (tokens[i]!.lower === 'that' && CLAIM_NOUNS.has(tokens[i - 1]!.lower)) {
      // "any suggestion that ...", "no claim that ...": a statement in general, not one made.
      if (i >= 2 && (tokens[i - 2]!.lower === 'any' || NEGATIVE_QUANTIFIERS.has(tokens[i - 2]!.lower))) return true;
      opened = true;
      break;
    }
    if (tokens[i]!.clauseBreakBefore || CLAUSE_STARTS.has(tokens[i]!.lower)) return false;
  }
  if (!opened) return false;
  for (let i = match.end; i < tokens.length; i++) {
    if (CLAUSE_STARTS.has(tokens[i]!.lower) && tokens[i]!.clauseBreakBefore) return false;
    if (untrueFrom(tokens, i) >= 0) return true;
  }
  return false;
}

/** Words after a sentence-opening "Not" that make it deny the sentence: "Not once did ...", "Not a single request ...". */
const NOT_OPENING_NEXT = new Set(['once', 'one', 'a', 'ever', 'even', 'every', 'all']);

/** The sentence opens with a negator that denies all of its main clause ("Nothing in this agreement ...", "Not once did ..."). */
function opensWithNegator(tokens: readonly Token[]): boolean {
  const first = tokens[0]!.lower;
  return SENTENCE_NEGATORS.has(first) || (first === 'not' && NOT_OPENING_NEXT.has(tokens[1]?.lower ?? ''));
}

/**
 * The sentence as it reads once the question it reports has been answered
 * "yes": "whether" and verbs of asking ("asked if", "asked can I") no
 * longer keep the claim open.
 * Positions are kept, so a match's indexes still apply.
 */
export function answeredQuestionView(tokens: readonly Token[]): Token[] {
  return tokens.map((token) => (token.lower === 'whether' || ASKING_WORDS.has(token.lower) ? { ...token, lower: 'noted' } : token));
}
