import { wordForms } from '../morphology/wordForms';
import type { PatternNode, SetResolver } from './parsePattern';

/**
 * The words a pattern cannot match without: a list of key sets such that
 * every match contains a word from each set. A sentence missing any of them
 * is skipped without running the pattern, which is what keeps checking fast
 * when patterns begin with everyday words ("on", "use", "to").
 */
/** Set members' required words, shared by every pattern that refers to the same set. */
const memo = new WeakMap<readonly PatternNode[], ReadonlySet<string> | null>();

export function requiredWords(tree: PatternNode, resolveSet: SetResolver): ReadonlySet<string>[] {
  const keysOfWord = (node: Extract<PatternNode, { type: 'word' }>): ReadonlySet<string> =>
    node.mode === 'forms' ? wordForms(node.text).forms : new Set([node.text.toLowerCase()]);

  /** One key set that any match of `node` must hit, or undefined when none is guaranteed. */
  const anyOf = (options: readonly PatternNode[], stack: readonly string[]): ReadonlySet<string> | undefined => {
    const union = new Set<string>();
    for (const option of options) {
      // Plain words are the bulk of large word sets: add their keys without building a set per word.
      if (option.type === 'word' || option.type === 'words') {
        if (option.type === 'words') {
          if (option.keys.size > MAX_REQUIRED_KEYS) return undefined;
          for (const key of option.keys) union.add(key);
        } else if (option.mode === 'forms') {
          for (const key of wordForms(option.text).forms) union.add(key);
        } else {
          union.add(option.text.toLowerCase());
        }
        if (union.size > MAX_REQUIRED_KEYS) return undefined;
        continue;
      }
      const best = pickTrigger(walk(option, stack));
      if (!best || best.size > MAX_REQUIRED_KEYS) return undefined;
      for (const key of best) union.add(key);
    }
    // A set this large (every noun for a person) is a poor filter and costly to gather into every set that includes it.
    return union.size > MAX_REQUIRED_KEYS ? undefined : union;
  };

  const walk = (node: PatternNode, stack: readonly string[]): ReadonlySet<string>[] => {
    switch (node.type) {
      case 'word':
        return [keysOfWord(node)];
      case 'words':
        return node.keys.size > MAX_REQUIRED_KEYS ? [] : [node.keys];
      case 'gap':
      case 'optional':
        return [];
      case 'focus':
        return walk(node.body, stack);
      case 'sequence':
        return node.items.flatMap((item) => walk(item, stack));
      case 'alternatives': {
        const union = anyOf(node.options, stack);
        return union ? [union] : [];
      }
      case 'set': {
        const members = resolveSet(node.name);
        if (!members || stack.includes(node.name)) return [];
        if (!memo.has(members)) memo.set(members, anyOf(members, [...stack, node.name]) ?? null);
        const union = memo.get(members);
        return union ? [union] : [];
      }
    }
  };
  return walk(tree, []);
}

/** Past this many words a required set is not kept: any sentence of ordinary prose is likely to hold one. */
const MAX_REQUIRED_KEYS = 4096;

/**
 * Everyday English words: a required set containing one of them is a poor
 * trigger, because nearly every sentence would wake the pattern up.
 */
const EVERYDAY_WORDS = new Set(
  (
    'the a an and or but of to in on at by for with from into onto through via as is are was were be been being it its this that these those ' +
    'you your we our they their he she his her i my me us them not no can will would could should may might must do does did has have had ' +
    'there here now also just all any each every some more most other new use uses used using run runs ran running get gets got make makes made ' +
    'give gives gave offer offers offered provide provides provided list open add call calls called help let lets allow see go goes take ' +
    'access support include serve select pick choose launch live work works one two first time way people data team teams customer customers ' +
    "'s s available enabled enable enables direct full secure easy simple native instant immediate managed unified sent passed made issued " +
    'routed forwarded model models service services platform api apis ai app apps user users request requests call query prompt open ' +
    'without when while leaving ' +
    'where how what which who whom whose why whether then than so if because after before since until about over under up down out ' +
    'only very well much many such same own both few again once here just even still back after most often always never ' +
    'said say says know knows think thinks want wants need needs like look looks find finds found give keep keeps put puts set sets ' +
    'build builds built include includes included front entry point reach reaches reached reaching hand hands door doors gateway ' +
    'tap taps tapped tapping bundled baked unlock unlocks unlocked unlocking portal ' +
    // Product words of the domain's prose: common in the documents these packs check, so poor triggers.
    'agent agents platform platforms connector connectors plugin plugins integration integrations assistant assistants runtime runtimes ' +
    'workspace workspaces workflow workflows console consoles tool tools engine engines backend brain llm llms home place'
  ).split(' '),
);

/** Picks the required set least likely to occur in ordinary prose, to index a pattern by. */
export function pickTrigger(required: readonly ReadonlySet<string>[]): ReadonlySet<string> | undefined {
  let best: ReadonlySet<string> | undefined;
  let bestScore = Infinity;
  for (const keys of required) {
    const score = expectedFrequency(keys);
    if (score < bestScore) {
      bestScore = score;
      best = keys;
    }
  }
  return best;
}

/** The commonest function words, each far more frequent than any other everyday word. */
const FUNCTION_WORDS = new Set(
  'the of to and a an in is on for that with as by it be are from at or this was were not you we they his her its their your our'.split(
    ' ',
  ),
);

/** Large word sets are shared by many patterns; score each once. */
const frequencyCache = new WeakMap<ReadonlySet<string>, number>();

function expectedFrequency(keys: ReadonlySet<string>): number {
  let score = frequencyCache.get(keys);
  if (score === undefined) {
    // Rough relative frequencies: a function word ~100 000, another everyday word ~1000, anything else 1.
    // A tag (reading/tags.ts) marks a rare thing (an OpenAI name, a pronoun referring to one, an AWS
    // region): a set holding one is a set of such things, its other keys spellings of them ("chatgpt",
    // "gpt-4o", the "open" of "Open AI"), so they count as one rare name together.
    let tags = 0;
    let functionWords = 0;
    let everyday = 0;
    let others = 0;
    for (const key of keys) {
      if (key.charCodeAt(0) === 1) tags++;
      else if (FUNCTION_WORDS.has(key)) functionWords++;
      else if (EVERYDAY_WORDS.has(key)) everyday++;
      else others++;
    }
    score = functionWords * 100_000 + (tags > 0 ? tags + (everyday + others) / 100 : everyday * 1000 + others);
    frequencyCache.set(keys, score);
  }
  return score;
}
