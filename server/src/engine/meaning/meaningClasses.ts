/**
 * Meaning classes: what a pattern's `%name` stands for. Two kinds:
 *
 * - Word classes derived from WordNet by tools/derive-meaning-classes.ts.
 *   Verb classes (`%contact`, `%send`, `%grant`, `%host`, `%use`): any
 *   inflection of any member, optionally followed by a particle ("hands
 *   off", "reaches out", "calls on"), so a rule says what it means once
 *   instead of listing verbs. Derived from them, noun classes
 *   (`%contact-noun`: call, invocation; singular or plural) and adjective
 *   classes (`%host-able`: deployable, available; as written), so a rule
 *   can read "the invocation of GPT-5" or "GPT-5 is deployable in AWS".
 * - Recognisers that the sentence reader applies to tokens: `%openai-name`
 *   (an OpenAI model or product name in any spelling),
 *   `%openai-reference` (a pronoun referring back to one), `%aws-region`
 *   (an AWS region code) and `%aws-name` ("Amazon Web Services").
 */
import { wordForms } from '../morphology/wordForms';
import type { PatternNode } from '../patterns/parsePattern';
import { TAG_AWS_NAME, TAG_AWS_REGION, TAG_OPENAI_NAME, TAG_OPENAI_REFERENCE } from '../reading/tags';
import { PHRASAL_PARTICLES, REFERRING_PRONOUNS } from '../text/englishWords';
import generated from './meaningClasses.generated.json';

/** A class as `termguard explain class:NAME` shows it. */
export interface MeaningClassInfo {
  readonly name: string;
  readonly meaning: string;
  /** Members (for recognisers: a description of what they recognise). */
  readonly members: readonly string[];
  /** Where the members come from. */
  readonly source: string;
  readonly pruned: Readonly<Record<string, string>>;
  readonly added: Readonly<Record<string, string>>;
}

interface GeneratedClass {
  readonly kind: 'verb' | 'noun' | 'adjective';
  readonly meaning: string;
  readonly seeds: readonly string[];
  readonly members: readonly string[];
  readonly added: Readonly<Record<string, string>>;
  readonly pruned: Readonly<Record<string, string>>;
}

const WORD_CLASSES = (generated as { classes: Record<string, GeneratedClass> }).classes;

const RECOGNISERS: Record<string, { meaning: string; members: string[]; pattern: () => PatternNode }> = {
  'openai-name': {
    meaning: 'an OpenAI model or product name, in any spelling',
    members: [
      'gpt + optional separator + version and suffixes: gpt5, GPT 5, gpt-4.1, GPT-4o-mini, gpt-image-1',
      'ChatGPT in any spelling: chatgpt, chatgpt-5, chat-gpt (and the gpt of chat gpt)',
      'o + digit, any case: o3, O4-MINI, o4 mini',
      '4o, 4o-mini',
      'provider-prefixed ids: openai.gpt-5, openai/gpt-5',
    ],
    pattern: () => tagWord(TAG_OPENAI_NAME),
  },
  'openai-reference': {
    meaning:
      'a pronoun (it, them, they, which, that, who) that refers back to an OpenAI model or product in the same or the previous sentence',
    members: [...REFERRING_PRONOUNS],
    pattern: () => tagWord(TAG_OPENAI_REFERENCE),
  },
  'aws-region': {
    meaning: 'an AWS region code',
    members: ['area, optional "gov", direction and number: us-east-1, eu-west-2, ap-southeast-1, us-gov-west-1'],
    pattern: () => tagWord(TAG_AWS_REGION),
  },
  'aws-name': {
    meaning: 'the full name "Amazon Web Services", read as one word',
    members: ['Amazon Web Services, in any case, written as three words'],
    pattern: () => tagWord(TAG_AWS_NAME),
  },
};

function exactWord(text: string): PatternNode {
  return { type: 'word', mode: 'exact', text, column: 0 };
}

function tagWord(tag: string): PatternNode {
  return { type: 'word', mode: 'exact', text: tag, column: 0 };
}

/** Parsed members, built once and shared by every pack (the compiler caches per member array). */
const resolved = new Map<string, PatternNode[]>();

/**
 * The members of a class reference as the compiler inlines them: `name` is
 * the part after `%`. Internal helper names (`name:words`, `:particle`) hold
 * the plain-word parts so the compiler can merge them into one test.
 */
export function meaningClassMembers(name: string): PatternNode[] | undefined {
  const cached = resolved.get(name);
  if (cached) return cached;
  let members: PatternNode[] | undefined;
  if (name === ':particle') {
    members = PHRASAL_PARTICLES.map((text) => ({ type: 'word', mode: 'exact', text, column: 0 }));
  } else if (name.endsWith(':words') && WORD_CLASSES[name.slice(0, -6)]?.kind === 'verb') {
    // Single words as flat exact forms, so the compiler merges them into one test.
    members = WORD_CLASSES[name.slice(0, -6)]!.members.flatMap((member) =>
      member.includes(' ') ? [memberPattern(member)] : verbForms(member).map(exactWord),
    );
  } else if (WORD_CLASSES[name]?.kind === 'noun' || WORD_CLASSES[name]?.kind === 'adjective') {
    members = wordClassNodes(WORD_CLASSES[name]!);
  } else if (WORD_CLASSES[name]) {
    members = [
      {
        type: 'sequence',
        items: [
          { type: 'set', name: `%${name}:words`, column: 0 },
          { type: 'optional', body: { type: 'set', name: '%:particle', column: 0 } },
        ],
      },
    ];
  } else if (RECOGNISERS[name]) {
    members = [RECOGNISERS[name]!.pattern()];
  }
  if (members) resolved.set(name, members);
  return members;
}

/** A noun or adjective class: its single words as one node of many keys (thousands of nouns cost one node), its phrases as sequences. */
function wordClassNodes(word: GeneratedClass): PatternNode[] {
  const single = new Set<string>();
  const phrases: PatternNode[] = [];
  for (const member of word.members) {
    for (const form of word.kind === 'noun' ? nounForms(member) : [member]) {
      if (form.includes(' ')) phrases.push(wordsPattern(form));
      else single.add(form);
    }
  }
  return single.size > 0 ? [{ type: 'words', keys: single }, ...phrases] : phrases;
}

/** A member written as one or more words, each matched exactly. */
function wordsPattern(member: string): PatternNode {
  const words = member.split(' ');
  return words.length === 1 ? exactWord(words[0]!) : { type: 'sequence', items: words.map(exactWord) };
}

/** A noun member and its plural by the spelling rules (query -> queries, api call -> api calls, salesman -> salesmen). */
function nounForms(member: string): string[] {
  // String tests rather than expressions: a class of thousands of nouns is built when an engine starts.
  const last = member.charAt(member.length - 1);
  const beforeLast = member.charAt(member.length - 2);
  const sibilant = last === 's' || last === 'x' || last === 'z' || (last === 'h' && (beforeLast === 'c' || beforeLast === 's'));
  const consonantY = last === 'y' && !'aeiou'.includes(beforeLast);
  const plural = sibilant ? member + 'es' : consonantY ? member.slice(0, -1) + 'ies' : member + 's';
  // "-man" nouns usually take "-men"; "human" does not, so both are kept.
  return member.endsWith('man') ? [member, plural, member.slice(0, -3) + 'men'] : [member, plural];
}

/** Adverbs that may stand inside a phrasal member ("talks directly to", "hands it straight off"). */
const INNER_ADVERBS = [
  'directly',
  'straight',
  'also',
  'then',
  'only',
  'always',
  'just',
  'now',
  'automatically',
  'securely',
  'quickly',
  'immediately',
  'first',
  'seamlessly',
  'natively',
  'easily',
  'instantly',
  'simply',
  'regularly',
  'constantly',
  'continuously',
  'frequently',
];

/** "hand off": the verb in any inflection, an optional adverb, the rest as written. */
function memberPattern(member: string): PatternNode {
  const [verb, ...rest] = member.split(' ');
  const forms: PatternNode = {
    type: 'alternatives',
    options: verbForms(verb!).map((text) => ({ type: 'word', mode: 'exact', text, column: 0 })),
  };
  if (rest.length === 0) return forms;
  const adverb: PatternNode = { type: 'optional', body: { type: 'alternatives', options: INNER_ADVERBS.map(exactWord) } };
  return { type: 'sequence', items: [forms, adverb, ...rest.map(exactWord)] };
}

/**
 * Every form of a member verb. The lexicon knows most verbs; for newer ones
 * it reads only as nouns ("ping": pings, pinging but not "pinged"), the
 * regular past is added, since every class member is a verb.
 */
function verbForms(verb: string): string[] {
  // "re-send", "pre-install": the forms of the verb, each with the prefix (the lexicon reads a hyphenated word as one form only).
  const prefix = /^(?:re|pre)-/.exec(verb)?.[0];
  if (prefix !== undefined) return verbForms(verb.slice(prefix.length)).map((form) => `${prefix}${form}`);
  const forms = new Set(wordForms(verb).forms);
  if (![...forms].some((form) => form !== verb && !form.endsWith('s') && !form.endsWith('ing'))) {
    forms.add(
      verb.endsWith('e')
        ? `${verb}d`
        : /[^aeiou][aeiou][bdgmnpt]$/.test(verb) && verb.length <= 4
          ? `${verb}${verb.at(-1)}ed`
          : `${verb}ed`,
    );
  }
  return [...forms].sort();
}

/**
 * Every name a pattern's `%` reference can resolve to, helper names
 * included, as the word-set resolver needs them (keys keep their `%`).
 */
export function meaningClassDefinitions(): Map<string, PatternNode[]> {
  // Only verb classes have a `:words` helper: conjugating the thousands of nouns of `%person` would slow every engine start.
  const verbClasses = Object.keys(WORD_CLASSES).filter((name) => WORD_CLASSES[name]!.kind === 'verb');
  const names = [...meaningClassNames(), ...verbClasses.map((name) => `${name}:words`), ':particle'];
  return new Map(names.map((name) => [`%${name}`, meaningClassMembers(name)!]));
}

/** The names of every class, for messages and completion. */
export function meaningClassNames(): string[] {
  return [...Object.keys(WORD_CLASSES), ...Object.keys(RECOGNISERS)].sort();
}

/** A class's description, members and provenance, or undefined for an unknown name. */
export function meaningClassInfo(name: string): MeaningClassInfo | undefined {
  const word = WORD_CLASSES[name];
  if (word) {
    const matching =
      word.kind === 'verb'
        ? `every inflection, optionally followed by one of: ${PHRASAL_PARTICLES.join(', ')}`
        : word.kind === 'noun'
          ? 'singular or plural'
          : 'as written';
    return {
      name,
      meaning: word.meaning,
      members: word.members,
      source: `WordNet 3.1, from ${word.kind === 'verb' ? `the senses ${word.seeds.join(', ')}` : word.seeds.join(', ')}; ${matching}`,
      pruned: word.pruned,
      added: word.added,
    };
  }
  const recogniser = RECOGNISERS[name];
  if (recogniser)
    return {
      name,
      meaning: recogniser.meaning,
      members: recogniser.members,
      source: 'built-in recogniser of the sentence reader',
      pruned: {},
      added: {},
    };
  return undefined;
}
