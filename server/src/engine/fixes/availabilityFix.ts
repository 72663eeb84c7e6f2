/**
 * A rewrite for an availability claim, offered only in the one shape where it
 * is safe: an OpenAI model named as the object of a verb or preposition and
 * placed on AWS right after it ("Customers can try GPT-5 on Amazon Bedrock
 * today"). The model's name gives way to the product it powers: "... try the
 * SRE, powered by OpenAI, on Amazon Bedrock today". Everywhere else (the model
 * as a subject, a verb between it and the place, a sentence that already names
 * the product) no rewrite fits, and the finding keeps only its explanation.
 */
import type { Fix } from '../api';
import type { ProgramMatch } from '../patterns/runProgram';
import { readsAsVerb } from '../morphology/wordForms';
import type { Token } from '../text/tokenize';
import { wordRuns } from './fixParts';
import { ALL_BE_FORMS, HAVE_FORMS, PREPOSITIONS } from '../text/englishWords';
import { isAdverb, isDeterminerLike, isModalLike } from './fixSlot';

/** The category of the rules whose findings this rewrite fits. */
export const AVAILABILITY_CATEGORY = 'availability';

/** What takes the model's place. */
export const PRODUCT_POWERED_BY_OPENAI = 'the SRE, powered by OpenAI,';

/** Words that place something on AWS ("on Amazon Bedrock", "in the AWS console"). */
const PLACE_PREPOSITIONS = new Set(['on', 'in', 'inside', 'within']);
/** Names of the product: a sentence that has one already would name it twice. */
const PRODUCT_NAMES = new Set(['sre', 'sres', 'runtime', 'frontier']);
/** Prepositions after which the model is an object ("build with GPT-5 on Bedrock"). */
const OBJECT_PREPOSITIONS = new Set(['with', 'for', 'about']);
/** The longest model phrase rewritten ("OpenAI's newest models"). */
const MAX_MODEL_WORDS = 3;

/** The rewrite of an availability claim, or undefined where none is safe. */
export function availabilityFix(tokens: readonly Token[], match: ProgramMatch, source: string): Fix | undefined {
  if (tokens.some((token) => PRODUCT_NAMES.has(token.lower))) return undefined;
  const place = placeIndex(tokens, match);
  if (place === undefined || place - match.start > MAX_MODEL_WORDS) return undefined;
  for (let i = match.start; i < place; i++) if (!isNounWord(tokens[i]!)) return undefined;
  const previous = match.start > 0 ? tokens[match.start - 1]! : undefined;
  if (previous === undefined || isDeterminerLike(previous) || tokens[match.start]!.punctBefore) return undefined;
  const isObject = OBJECT_PREPOSITIONS.has(previous.lower) || isObjectTakingVerb(previous.lower);
  if (!isObject) return undefined;
  // After a participle ("the one demoing ChatGPT on AWS") the appositive rewrite reads as a clause about
  // the noun before the participle; grammar checkers flag it, and no fix is better than a doubtful one.
  if (previous.lower.length > 4 && previous.lower.endsWith('ing')) return undefined;
  // A verb after the place makes the model phrase its subject ("... on Bedrock powers the agents").
  const next = tokens[match.end];
  if (next !== undefined && !next.clauseBreakBefore && isVerbWord(next.lower)) return undefined;
  const runs = wordRuns(source, tokens, match.start, place);
  if (runs === undefined || runs.length !== 1) return undefined;
  const run = runs[0]!;
  return {
    title: `Replace with “${PRODUCT_POWERED_BY_OPENAI}”`,
    edits: [{ range: { start: run.start, end: run.end }, newText: PRODUCT_POWERED_BY_OPENAI }],
  };
}

/** The index of the preposition that places the model on AWS, when the match is model, preposition, place. */
function placeIndex(tokens: readonly Token[], match: ProgramMatch): number | undefined {
  for (let i = match.start + 1; i < match.end - 1; i++) {
    if (!PLACE_PREPOSITIONS.has(tokens[i]!.lower)) continue;
    // Only a determiner and the place itself may follow.
    for (let j = i + 1; j < match.end; j++) if (!isNounWord(tokens[j]!) && !isDeterminerLike(tokens[j]!)) return undefined;
    return i;
  }
  return undefined;
}

function isVerbWord(lower: string): boolean {
  return ALL_BE_FORMS.has(lower) || HAVE_FORMS.has(lower) || isModalLike(lower) || readsAsVerb(lower);
}

/** A word of a name or noun phrase: no verb, auxiliary, adverb or preposition. */
function isNounWord(token: Token): boolean {
  const lower = token.lower;
  if (token.opaque || token.aside || PREPOSITIONS.has(lower) || isAdverb(lower)) return false;
  if (lower === 'access' || lower === 'models' || lower === 'model') return true;
  return !isVerbWord(lower) || /\d/.test(lower);
}

/** A verb that takes an object: any verb form but a form of "be" (after which the model phrase is a complement). */
function isObjectTakingVerb(lower: string): boolean {
  if (ALL_BE_FORMS.has(lower) || isModalLike(lower)) return false;
  return HAVE_FORMS.has(lower) || readsAsVerb(lower);
}
