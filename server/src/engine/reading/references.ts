/**
 * Resolves pronouns that refer back to an OpenAI model or product, in the
 * same sentence or the one before: "We chose GPT-4.1, and now the SRE
 * forwards every ticket to it", "GPT-5, which runs on Amazon Bedrock".
 *
 * The rules are few and deliberately cautious:
 * - A relative pronoun ("which", "that", "who") right after a name, with at
 *   most a comma between, refers to that name.
 * - "it" refers to the nearest earlier singular thing that could be meant
 *   (an OpenAI name, or another product, platform, vendor or model); "them"
 *   and "they" to the nearest earlier plural one ("OpenAI models"). Only
 *   when that nearest thing is an OpenAI name is the pronoun tagged.
 * - An object pronoun does not refer to the subject of its own clause ("the
 *   SRE lets reps access it": "it" is not the SRE), so things that come
 *   earlier in the pronoun's own clause are passed over for one that does.
 */
import {
  DEFINITE_DETERMINERS,
  EMPTY_SUBJECT_ADJECTIVES,
  EMPTY_SUBJECT_VERBS,
  PRONOUN_CLAUSE_OPENERS,
  RELATIVE_PRONOUNS,
} from '../text/englishWords';
import type { Token } from '../text/tokenize';
import { TAG_OPENAI_NAME, TAG_OPENAI_REFERENCE } from './tags';

/** Things a pronoun may mean other than an OpenAI model: products, platforms, vendors and other vendors' models. */
const OTHER_THINGS = new Set([
  'sre',
  'frontier',
  'runtime',
  'platform',
  'connector',
  'plugin',
  'integration',
  'assistant',
  'copilot',
  'product',
  'router',
  'system',
  'pipeline',
  'service',
  'tool',
  'app',
  'application',
  'workflow',
  'gateway',
  'bot',
  'chatbot',
  'feature',
  'job',
  'bedrock',
  'aws',
  'amazon',
  'azure',
  'microsoft',
  'google',
  'anthropic',
  'meta',
  'claude',
  'llama',
  'mistral',
  'gemini',
  'titan',
  'nova',
  'cohere',
  'deepseek',
  'qwen',
  'jurassic',
  'console',
  'account',
  'contract',
  'deal',
  'memo',
  'team',
  'company',
  'sres',
  'platforms',
  'connectors',
  'agents',
  'tools',
  'services',
  'systems',
  'apps',
  'workflows',
  'teams',
  'customers',
  'users',
  'partners',
  'companies',
  'vendors',
  'competitors',
  'others',
  'agent',
  'customer',
  'user',
  'partner',
]);
/** Determiners that make "models" refer back to models named before ("those models", "these models"). */
const PLURAL_DEFINITE_DETERMINERS = new Set(['those', 'these']);
/** Determiners after which a plural word is a noun phrase a plural pronoun may refer to. */
const PLURAL_NOUN_DETERMINERS = new Set(['the', 'our', 'their', 'your', 'these', 'those', 'his', 'her', 'my', 'its', 'all', 'both']);
/** Plural nouns among the things above, and the plural heads of OpenAI names ("OpenAI models"). */
const PLURAL_HEADS = new Set(['models', 'apis', 'llms', 'endpoints', 'gpts']);

/** "It is easy to ...", "it's clear that ...", "it will be possible to ...": "it" stands for the clause that follows. */
function isEmptySubject(all: readonly Token[], i: number): boolean {
  if (!EMPTY_SUBJECT_VERBS.has(all[i + 1]?.lower ?? '')) return false;
  for (let k = i + 2; k < Math.min(all.length, i + 5); k++) {
    if (EMPTY_SUBJECT_ADJECTIVES.has(all[k]!.lower)) return true;
  }
  return false;
}

interface Antecedent {
  readonly openai: boolean;
  readonly plural: boolean;
  /** Index in the combined (previous + current) token list. */
  readonly at: number;
}

function isPlural(lower: string): boolean {
  return PLURAL_HEADS.has(lower) || (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss'));
}

/** What the token at `i` can be referred back to as, if anything. */
function antecedentAt(tokens: readonly Token[], i: number): Antecedent | undefined {
  const token = tokens[i]!;
  if (token.tag === TAG_OPENAI_NAME) return { openai: true, plural: false, at: i };
  if (
    (token.lower === 'models' || token.lower === 'model' || token.lower === 'api' || token.lower === 'apis' || token.lower === 'llms') &&
    i > 0
  ) {
    // "OpenAI models", "OpenAI's newest models", "the OpenAI API"
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      if (tokens[k]!.lower === 'openai' || tokens[k]!.tag === TAG_OPENAI_NAME) {
        return { openai: true, plural: token.lower.endsWith('s'), at: i };
      }
      if (tokens[k]!.punctBefore) break;
    }
  }
  if (OTHER_THINGS.has(token.lower) || token.lower === 'openai') return { openai: false, plural: isPlural(token.lower), at: i };
  // "the analysts", "our recruiters": a plural noun after a determiner is something "them" may mean.
  if (i > 0 && PLURAL_NOUN_DETERMINERS.has(tokens[i - 1]!.lower) && !tokens[i]!.punctBefore && isPlural(token.lower))
    return { openai: false, plural: true, at: i };
  return undefined;
}

/**
 * Tags the pronouns of `tokens` that refer to an OpenAI name, looking back
 * into `previous` (the sentence before, already tagged). Returns the same
 * array when nothing is tagged.
 */
export function tagOpenAIReferences(tokens: readonly Token[], previous: readonly Token[] | undefined): readonly Token[] {
  let tagged: Token[] | undefined;
  const all = previous ? [...previous, ...tokens] : tokens;
  const offset = previous ? previous.length : 0;
  const antecedents: Antecedent[] = [];
  for (let i = 0; i < offset; i++) {
    const found = antecedentAt(all, i);
    if (found) antecedents.push(found);
  }
  let clauseStart = offset;
  for (let i = offset; i < all.length; i++) {
    const token = all[i]!;
    if (token.clauseBreakBefore || PRONOUN_CLAUSE_OPENERS.has(token.lower)) clauseStart = i;
    const refers = referent(all, i, antecedents, clauseStart, offset);
    if (refers) {
      tagged ??= tokens.slice();
      tagged[i - offset] = { ...token, tag: TAG_OPENAI_REFERENCE };
    }
    const found = antecedentAt(all, i);
    if (found) antecedents.push(found);
  }
  return tagged ?? tokens;
}

/** True when the pronoun at `i` (if it is one) refers to an OpenAI name. */
function referent(
  all: readonly Token[],
  i: number,
  antecedents: readonly Antecedent[],
  clauseStart: number,
  sentenceStart: number,
): boolean {
  const lower = all[i]!.lower;
  if (RELATIVE_PRONOUNS.has(lower)) {
    const before = antecedents[antecedents.length - 1];
    return before !== undefined && before.openai && before.at === i - 1;
  }
  // "the model", "this LLM": a definite noun that refers back like "it"; "those models" like "them".
  const pluralNoun = (lower === 'models' || lower === 'llms') && i > 0 && PLURAL_DEFINITE_DETERMINERS.has(all[i - 1]!.lower);
  const wantsPlural = lower === 'them' || lower === 'they' || pluralNoun;
  const definiteNoun = pluralNoun || ((lower === 'model' || lower === 'llm') && i > 0 && DEFINITE_DETERMINERS.has(all[i - 1]!.lower));
  if (lower !== 'it' && !wantsPlural && !definiteNoun) return false;
  // "it is easy to ...", "it's clear that ...": an empty subject refers to nothing.
  if (lower === 'it' && isEmptySubject(all, i)) return false;
  // A subject opens its clause; an object skips its own clause's subject.
  const head = definiteNoun ? i - 1 : i;
  const isSubject = head === clauseStart || all[head]!.clauseBreakBefore;
  for (let k = antecedents.length - 1; k >= 0; k--) {
    const candidate = antecedents[k]!;
    if (!isSubject && candidate.at >= clauseStart && !candidate.openai) continue;
    if (candidate.plural !== wantsPlural && !(candidate.openai && wantsPlural)) continue;
    if (!candidate.openai || !isSubject) return candidate.openai;
    // A subject may also mean the subject of the sentence the nearest thing is in ("The agent calls on
    // ChatGPT. It runs on AWS" is about the agent): only when that is an OpenAI name too is the reading sure.
    const from = candidate.at < sentenceStart ? 0 : sentenceStart;
    const first = antecedents.find((other) => other.at >= from);
    return first === undefined || first.openai;
  }
  return false;
}
