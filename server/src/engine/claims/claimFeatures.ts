/**
 * Features of one sentence for the claim model (see claimModel.ts and
 * docs/claim-model.md). The same code featurises at training time
 * (tools/train-claim-model.ts) and in the engine, so the two cannot drift.
 *
 * A sentence becomes a list of words, each a lower-cased, suffix-stripped
 * stem, except that names are replaced by one token per kind of thing named:
 * every OpenAI model, product or API by `<openai-model>`, the company alone
 * by `<openai>`, AWS and Amazon Bedrock by `<aws>`, Azure by `<azure>`, our
 * own product (SRE, Frontier, "our platform") by `<ours>`. The model then
 * learns the shape of a claim ("<ours> enabl access to <openai-model>"), not
 * the names in the training sentences, and a new model name costs one line
 * here rather than new training data.
 *
 * Words in the scope of a negation are marked ("not !enabl !access"), and a
 * clause break is a word of its own. Features are word 1-3-grams of those
 * keys (with sentence-boundary marks), pairs of a name and each word near
 * it, and character 3-5-grams inside each ordinary word, hashed into
 * {@link FEATURE_BUCKETS} buckets (the hashing trick: no vocabulary to ship).
 * Hashes are computed from the characters directly, so featurising a
 * sentence allocates no feature strings.
 */
import { CLAIM_CLAUSE_OPENERS, CLAIM_NEGATORS } from '../text/englishWords';

/** The word fields the featuriser reads; the engine's tokens have them. */
export interface ClaimToken {
  /** The word as written. */
  readonly text: string;
  /** The word lower-cased. */
  readonly lower: string;
  /** An inline element that is not prose (code span, URL). */
  readonly opaque: boolean;
  /** A comma, colon, bracket or dash stands before this token. */
  readonly clauseBreakBefore: boolean;
}

/** One word of a featurised sentence: a stem or an entity token, and the tokens it stands for. */
export interface ClaimWord {
  /** What the features are built from: a stem, an entity token such as `<aws>`, `|` for a clause break. */
  readonly key: string;
  /** The lower-cased word for character n-grams; empty for entities and marks, which have none. */
  readonly chars: string;
  /** The word stands in the scope of a negation ("not", "never", "n't"). */
  readonly negated: boolean;
  /** Index of the first and last token covered (inclusive); -1 for a clause-break mark. */
  readonly firstToken: number;
  readonly lastToken: number;
}

/** Number of hash buckets: 2^18. */
export const FEATURE_BUCKETS = 1 << 18;

/** Entity tokens. The angle brackets keep them apart from any real word, which the tokenizer never gives brackets. */
export const ENTITY = { openaiModel: '<openai-model>', openai: '<openai>', aws: '<aws>', azure: '<azure>', ours: '<ours>' } as const;

const CLAUSE_MARK = '|';
const OPAQUE_MARK = '<code>';

/** Single tokens that name an OpenAI model or product. */
const OPENAI_MODEL_TOKEN =
  /^(?:chat-?gpt(?:-[a-z0-9.]+)*|gpt(?:-?\d[a-z0-9.]*|-series|s)?(?:-[a-z0-9.]+)*|o[1-9](?:-(?:mini|pro|nano|preview|high|low))*|dall-e(?:-?\d)?|sora|whisper|codex|openai[./:][a-z0-9][a-z0-9.:-]*)$/;
/** What may follow "GPT" as a separate version word ("GPT 5", "GPT 4o", "GPT 4.1"). */
const GPT_VERSION = /^\d+(?:\.\d+)?[a-z]?(?:-[a-z]+)*$/;
/** ChatGPT plan names: "ChatGPT Enterprise" is one product. */
const CHATGPT_PLANS = new Set(['enterprise', 'team', 'plus', 'pro', 'edu', 'business']);
/** What, after "OpenAI", makes it a model or API rather than the company. */
const OPENAI_OFFERINGS = new Set(['model', 'models', 'api', 'apis', 'llm', 'llms', 'endpoint', 'endpoints', 'technology', 'platform']);
/** Words that name AWS or a part of it; a run of them is one entity ("Amazon Web Services", "AWS Bedrock"). */
const AWS_WORDS = new Set(['aws', 'amazon', 'bedrock', 'sagemaker', 'ec2']);
const AWS_CONTINUATIONS = new Set(['web', 'services', 'bedrock', 'sagemaker', 'ec2']);
/** Our product's nouns after "our": "our platform", "our agents". */
const OUR_NOUNS = new Set([
  'platform',
  'runtime',
  'runtimes',
  'agent',
  'agents',
  'product',
  'connector',
  'assistant',
  'service',
  'copilot',
]);

/** Irregular forms the suffix rules cannot reach, mapped to the stem of their base form. */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  Object.entries({
    is: 'be',
    are: 'be',
    was: 'be',
    were: 'be',
    been: 'be',
    being: 'be',
    am: 'be',
    "'s": 'be',
    has: 'have',
    had: 'have',
    having: 'have',
    does: 'do',
    did: 'do',
    done: 'do',
    gave: 'give',
    given: 'give',
    made: 'make',
    got: 'get',
    gotten: 'get',
    ran: 'run',
    went: 'go',
    gone: 'go',
    brought: 'bring',
    sent: 'send',
    built: 'build',
    took: 'take',
    taken: 'take',
    chose: 'choose',
    chosen: 'choose',
    came: 'come',
    found: 'find',
    left: 'leave',
    held: 'hold',
    kept: 'keep',
    led: 'lead',
    met: 'meet',
    paid: 'pay',
    said: 'say',
    saw: 'see',
    seen: 'see',
    sold: 'sell',
    spent: 'spend',
    told: 'tell',
    thought: 'think',
    won: 'win',
    wrote: 'write',
    written: 'write',
    hit: 'hit',
    put: 'put',
    set: 'set',
    let: 'let',
    drew: 'draw',
    drawn: 'draw',
    fed: 'feed',
    rode: 'ride',
    shown: 'show',
    grew: 'grow',
    grown: 'grow',
    knew: 'know',
    known: 'know',
  }),
);

/** Consonant pairs that a suffix doubled ("running", "stopped"); ll, ss and zz belong to the word ("calling"). */
const DOUBLED = /([bdgkmnprt])\1$/;

/**
 * A light, deterministic stemmer: irregular forms by table, then one
 * inflectional suffix (-ies, -ied, -ing, -ed, -es, -s) and a final -e, so
 * "enable", "enables", "enabled" and "enabling" share the stem "enabl". It
 * is not a linguist's lemmatiser; it only has to send the forms of a word to
 * one key, the same way every time.
 */
export function stem(lower: string): string {
  let known = STEMS.get(lower);
  if (known === undefined) {
    // Prose repeats its words: remembering stems saves most of the work. Cleared when full, to bound memory.
    if (STEMS.size >= STEM_CACHE_SIZE) STEMS.clear();
    STEMS.set(lower, (known = computeStem(lower)));
  }
  return known;
}

const STEMS = new Map<string, string>();
const STEM_CACHE_SIZE = 20_000;

function computeStem(lower: string): string {
  // A Map, not an object: "constructor" or "__proto__" in a document must read as words.
  const irregular = IRREGULAR.get(lower);
  if (irregular !== undefined) return irregular.length <= 4 ? irregular : stripSuffixes(irregular);
  return /^[a-z]+(?:-[a-z]+)*$/.test(lower) && lower.length > 3 ? stripSuffixes(lower) : lower;
}

function stripSuffixes(lower: string): string {
  let word = lower;
  if (word.endsWith('ies') && word.length > 4) word = word.slice(0, -3) + 'y';
  else if (word.endsWith('ied') && word.length > 4) word = word.slice(0, -3) + 'y';
  else if (word.endsWith('ing') && word.length > 5) word = undouble(word.slice(0, -3));
  else if (word.endsWith('ed') && word.length > 4) word = undouble(word.slice(0, -2));
  else if (word.endsWith('es') && word.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(word)) word = word.slice(0, -2);
  else if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith('e') && word.length > 4) word = word.slice(0, -1);
  return word;
}

function undouble(word: string): string {
  return DOUBLED.test(word) ? word.slice(0, -1) : word;
}

/** The first letters a single-token OpenAI name can start with (chatgpt, gpt, o3, dall-e, sora, whisper, codex, openai.x). */
const MODEL_TOKEN_INITIALS = new Set(['c', 'g', 'o', 'd', 's', 'w']);

/** True when a lower-cased token by itself names an OpenAI model, product or API. */
export function isOpenAIModelToken(lower: string): boolean {
  // Most words cannot be a name: their first letter says so without the expression.
  return MODEL_TOKEN_INITIALS.has(lower.charAt(0)) && OPENAI_MODEL_TOKEN.test(lower);
}

/**
 * How many tokens from `index` form one OpenAI model or product name (0 if
 * none): "GPT 5", "Chat GPT", "ChatGPT Enterprise", "OpenAI's models",
 * "OpenAI GPT-5", "openai/gpt-5" (the slash is not a token).
 */
function openAIModelLength(tokens: readonly ClaimToken[], index: number): number {
  const lower = tokens[index]!.lower;
  const next = tokens[index + 1];
  if (lower === 'chat' && next?.lower === 'gpt') return 2;
  if (lower === 'gpt' && next && GPT_VERSION.test(next.lower)) return 2;
  if (isOpenAIModelToken(lower)) return lower.startsWith('chat') && next && CHATGPT_PLANS.has(next.lower) ? 2 : 1;
  if (lower !== 'openai' || !next) return 0;
  if (isOpenAIModelToken(next.lower) || (next.lower === 'gpt' && GPT_VERSION.test(tokens[index + 2]?.lower ?? '')))
    return 1 + openAIModelLength(tokens, index + 1);
  // "OpenAI models", "OpenAI's newest models", "the OpenAI API": up to two words between, inside one clause.
  let at = index + 1;
  if (tokens[at]?.lower === "'s") at++;
  for (let gap = 0; gap <= 2 && at < tokens.length && !tokens[at]!.clauseBreakBefore; gap++, at++) {
    if (OPENAI_OFFERINGS.has(tokens[at]!.lower)) return at - index + 1;
  }
  return 0;
}

/** The entity starting at `index` and its length in tokens, if any. */
function entityAt(tokens: readonly ClaimToken[], index: number): { key: string; length: number } | undefined {
  const lower = tokens[index]!.lower;
  const modelLength = openAIModelLength(tokens, index);
  if (modelLength > 0) return { key: ENTITY.openaiModel, length: modelLength };
  if (lower === 'openai') return { key: ENTITY.openai, length: tokens[index + 1]?.lower === "'s" ? 2 : 1 };
  if (AWS_WORDS.has(lower)) {
    let length = 1;
    while (
      index + length < tokens.length &&
      AWS_CONTINUATIONS.has(tokens[index + length]!.lower) &&
      !tokens[index + length]!.clauseBreakBefore
    )
      length++;
    return { key: ENTITY.aws, length };
  }
  if (lower === 'azure' || (lower === 'microsoft' && tokens[index + 1]?.lower === 'azure')) {
    let length = lower === 'microsoft' ? 2 : 1;
    // "Azure OpenAI Service" is Microsoft's route to the models: it names Azure, not the models.
    if (tokens[index + length]?.lower === 'openai') length += tokens[index + length + 1]?.lower === 'service' ? 2 : 1;
    return { key: ENTITY.azure, length };
  }
  if (lower === 'sre' || lower === 'sres' || lower === 'frontier') return { key: ENTITY.ours, length: 1 };
  if (lower === 'stateful' && tokens[index + 1]?.lower === 'runtime' && /^environments?$/.test(tokens[index + 2]?.lower ?? ''))
    return { key: ENTITY.ours, length: 3 };
  if (lower === 'our' && tokens[index + 1] && OUR_NOUNS.has(tokens[index + 1]!.lower)) return { key: ENTITY.ours, length: 2 };
  return undefined;
}

/** The words of a sentence as the model reads them: stems, entity tokens and clause-break marks. */
export function claimWords(tokens: readonly ClaimToken[]): ClaimWord[] {
  const words: ClaimWord[] = [];
  let negated = false;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    if (i > 0 && token.clauseBreakBefore) {
      words.push({ key: CLAUSE_MARK, chars: '', negated: false, firstToken: -1, lastToken: -1 });
      negated = false;
    }
    if (CLAIM_CLAUSE_OPENERS.has(token.lower)) negated = false;
    if (token.opaque) {
      words.push({ key: OPAQUE_MARK, chars: '', negated: false, firstToken: i, lastToken: i });
      i++;
      continue;
    }
    const entity = entityAt(tokens, i);
    if (entity) {
      words.push({ key: entity.key, chars: '', negated: false, firstToken: i, lastToken: i + entity.length - 1 });
      i += entity.length;
      continue;
    }
    const key = stem(token.lower);
    words.push({ key: negated ? NEGATED_PREFIX + key : key, chars: token.lower, negated, firstToken: i, lastToken: i });
    if (isNegator(tokens, i)) negated = true;
    i++;
  }
  return words;
}

/** Marks a word in the scope of a negation: "does not enable access" reads as "not !enabl !access". */
const NEGATED_PREFIX = '!';

/** "not" and "n't" negate, except in "not only" and "not just", which add rather than deny. */
function isNegator(tokens: readonly ClaimToken[], index: number): boolean {
  const lower = tokens[index]!.lower;
  if (!CLAIM_NEGATORS.has(lower) && !lower.endsWith("n't")) return false;
  const next = tokens[index + 1]?.lower;
  return !(next === 'only' || next === 'just');
}

/**
 * True when the sentence denies something anywhere ("not", "no", "never",
 * "n't"...). The claim model stays silent on such sentences: a denial is
 * what the rules read with care (scope, lists, answers), and a likely-claim
 * warning on one would be wrong more often than right.
 */
export function deniesAnything(tokens: readonly ClaimToken[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (isNegator(tokens, i)) return true;
  return false;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Continues a 32-bit FNV-1a hash over `text`. */
function fnv(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The bucket of a feature named `name`; {@link forEachFeature} hashes the same names without building them. */
export function bucketOf(name: string): number {
  return (fnv(FNV_OFFSET, name) >>> 0) & (FEATURE_BUCKETS - 1);
}

const SENTENCE_START = '<s>';
const SENTENCE_END = '</s>';
const CHAR_GRAM_MIN = 3;
const CHAR_GRAM_MAX = 5;
/** How many words either side of a name a pair feature reaches. */
const PAIR_WINDOW = 4;
/** `^` and `$`, the frame around a word in its character n-grams, and the space between the keys of a word gram. */
const FRAME_START = 0x5e;
const FRAME_END = 0x24;
const SPACE = 0x20;

const WORD_GRAM_PREFIXES = ['w1:', 'w2:', 'w3:'] as const;
const WORD_GRAM_HASHES = WORD_GRAM_PREFIXES.map((prefix) => fnv(FNV_OFFSET, prefix));
const PAIR_PREFIX = 'p:';
const PAIR_HASH = fnv(FNV_OFFSET, PAIR_PREFIX);
const CHAR_GRAM_PREFIX = 'c:';
const CHAR_GRAM_HASH = fnv(FNV_OFFSET, CHAR_GRAM_PREFIX);
/** A negated word's spelling is a feature of its own: "not enabled" must not borrow the weight of "enabled". */
const NEGATED_CHAR_GRAM_PREFIX = 'c!:';
const NEGATED_CHAR_GRAM_HASH = fnv(FNV_OFFSET, NEGATED_CHAR_GRAM_PREFIX);

function isEntityKey(key: string): boolean {
  return key.length > 2 && key.charCodeAt(0) === 60 && key !== OPAQUE_MARK;
}

function keyAt(words: readonly ClaimWord[], position: number): string {
  return position < 0 ? SENTENCE_START : position >= words.length ? SENTENCE_END : words[position]!.key;
}

/** The first and last start of a word gram of `size`: grams may hang over either end by one boundary mark. */
function gramStarts(size: number, wordCount: number): [from: number, to: number] {
  return size === 1 ? [0, wordCount - 1] : [-1, wordCount - size + 1];
}

/** The code unit at `index` of `^chars$`. */
function framedCode(chars: string, index: number): number {
  return index === 0 ? FRAME_START : index === chars.length + 1 ? FRAME_END : chars.charCodeAt(index - 1);
}

/**
 * Calls `visit` once per feature occurrence of the sentence, with its bucket
 * and the range of words (inclusive) it was built from (for a pair, all the
 * words from one to the other). The features, in this order, are named:
 * - `w1:KEY`, `w2:KEY KEY`, `w3:KEY KEY KEY`, with `<s>` and `</s>` at the ends;
 * - `p:KEY<ENTITY` and `p:ENTITY>KEY` for each word up to four words before
 *   or after a name;
 * - `c:GRAM` (`c!:GRAM` for a negated word) for each character 3-, 4- and
 *   5-gram of `^word$`, by start, shortest first.
 * A feature's bucket is the FNV-1a hash of its name ({@link bucketOf}),
 * worked out character by character here, so scoring a sentence builds no
 * strings; {@link featureNames} lists the same names, for tests and for
 * reading a trained model.
 */
export function forEachFeature(words: readonly ClaimWord[], visit: (bucket: number, firstWord: number, lastWord: number) => void): void {
  const mask = FEATURE_BUCKETS - 1;
  const count = words.length;
  for (let size = 1; size <= 3; size++) {
    const [from, to] = gramStarts(size, count);
    for (let start = from; start <= to; start++) {
      let hash = WORD_GRAM_HASHES[size - 1]!;
      for (let k = 0; k < size; k++) hash = fnv(k > 0 ? Math.imul(hash ^ SPACE, FNV_PRIME) : hash, keyAt(words, start + k));
      visit((hash >>> 0) & mask, Math.max(0, start), Math.min(count - 1, start + size - 1));
    }
  }
  for (let p = 0; p < count; p++) {
    const name = words[p]!.key;
    if (!isEntityKey(name)) continue;
    for (let q = Math.max(0, p - PAIR_WINDOW); q <= Math.min(count - 1, p + PAIR_WINDOW); q++) {
      const other = words[q]!.key;
      if (q === p || other === CLAUSE_MARK) continue;
      const hash = q < p ? fnv(fnv(fnv(PAIR_HASH, other), '<'), name) : fnv(fnv(fnv(PAIR_HASH, name), '>'), other);
      visit((hash >>> 0) & mask, Math.min(p, q), Math.max(p, q));
    }
  }
  for (let position = 0; position < count; position++) {
    const word = words[position]!;
    const chars = word.chars;
    const framedLength = chars.length + 2;
    if (chars.length === 0) continue;
    for (let start = 0; start + CHAR_GRAM_MIN <= framedLength; start++) {
      // The 4- and 5-gram at a start extend its 3-gram by one character each.
      let hash = word.negated ? NEGATED_CHAR_GRAM_HASH : CHAR_GRAM_HASH;
      const end = Math.min(framedLength, start + CHAR_GRAM_MAX);
      for (let index = start; index < end; index++) {
        hash = Math.imul(hash ^ framedCode(chars, index), FNV_PRIME);
        if (index >= start + CHAR_GRAM_MIN - 1) visit((hash >>> 0) & mask, position, position);
      }
    }
  }
}

/** The names of a sentence's features, in {@link forEachFeature}'s order (see there). */
export function featureNames(words: readonly ClaimWord[]): string[] {
  const names: string[] = [];
  const count = words.length;
  for (let size = 1; size <= 3; size++) {
    const [from, to] = gramStarts(size, count);
    for (let start = from; start <= to; start++) {
      const keys: string[] = [];
      for (let k = 0; k < size; k++) keys.push(keyAt(words, start + k));
      names.push(WORD_GRAM_PREFIXES[size - 1] + keys.join(' '));
    }
  }
  for (let p = 0; p < count; p++) {
    const name = words[p]!.key;
    if (!isEntityKey(name)) continue;
    for (let q = Math.max(0, p - PAIR_WINDOW); q <= Math.min(count - 1, p + PAIR_WINDOW); q++) {
      const other = words[q]!.key;
      if (q === p || other === CLAUSE_MARK) continue;
      names.push(q < p ? `${PAIR_PREFIX}${other}<${name}` : `${PAIR_PREFIX}${name}>${other}`);
    }
  }
  for (const word of words) {
    if (word.chars.length === 0) continue;
    const framed = `^${word.chars}$`;
    const prefix = word.negated ? NEGATED_CHAR_GRAM_PREFIX : CHAR_GRAM_PREFIX;
    for (let start = 0; start + CHAR_GRAM_MIN <= framed.length; start++) {
      for (let end = start + CHAR_GRAM_MIN; end <= Math.min(framed.length, start + CHAR_GRAM_MAX); end++)
        names.push(prefix + framed.slice(start, end));
    }
  }
  return names;
}

/**
 * Every word that names an OpenAI model, product or API for the cheap test
 * of whether the model runs on a sentence at all. A finite list (not
 * {@link isOpenAIModelToken}'s pattern) because the engine's word filter,
 * which skips whole paragraphs without tokenizing them, must know every word
 * that can wake the model. Spelling variants: "gpt-5" and "gpt5", with the
 * usual size suffixes, and provider-prefixed ids such as "openai.gpt-4o".
 */
export const OPENAI_MENTION_WORDS: ReadonlySet<string> = (() => {
  const words = new Set([
    'openai',
    'chatgpt',
    'chat-gpt',
    'gpt',
    'gpts',
    'gpt-series',
    'dall-e',
    'dall-e-2',
    'dall-e-3',
    'sora',
    'whisper',
    'codex',
    'gpt-image-1',
    'gpt-oss',
  ]);
  const models: string[] = [];
  for (const version of ['3.5', '4', '4o', '4.1', '4.5', '5', '5.1', '5.2', '5.5', '6']) {
    for (const suffix of ['', '-mini', '-nano', '-pro', '-turbo', '-codex'])
      models.push(`gpt-${version}${suffix}`, `gpt${version}${suffix}`);
  }
  for (const series of ['o1', 'o3', 'o4']) for (const suffix of ['', '-mini', '-pro', '-preview']) models.push(series + suffix);
  models.push('chatgpt-4o');
  for (const model of models) words.add(model).add(`openai.${model}`);
  return words;
})();

/** True when some token of the sentence is one of {@link OPENAI_MENTION_WORDS}. */
export function namesOpenAI(tokens: readonly ClaimToken[]): boolean {
  for (const token of tokens) if (OPENAI_MENTION_WORDS.has(token.lower)) return true;
  return false;
}
