/**
 * The words a pattern cannot match without, and which of them to index a
 * pattern by: the rarest, so a sentence wakes only the patterns it might
 * match.
 */
import { wordForms } from '../morphology/wordForms';
import { EVERYDAY_WORDS, FUNCTION_WORDS } from '../text/englishWords';
import type { PatternNode, SetResolver } from './parsePattern';

/** Set members' required words, shared by every pattern that refers to the same set. */
const memo = new WeakMap<readonly PatternNode[], ReadonlySet<string> | null>();

/**
 * The words a pattern cannot match without: a list of key sets such that
 * every match contains a word from each set. A sentence missing any of them
 * is skipped without running the pattern, which is what keeps checking fast
 * when patterns begin with everyday words ("on", "use", "to").
 */
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
 * Words of the prose these packs check that are as common there as everyday
 * English words (text/englishWords.ts): a required set containing one of
 * them is a poor trigger too.
 */
const EVERYDAY_PRODUCT_WORDS = new Set(
  (
    'model models service services platform platforms api apis ai app apps user users request requests query prompt ' +
    'agent agents connector connectors plugin plugins integration integrations assistant assistants runtime runtimes ' +
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
      else if (EVERYDAY_WORDS.has(key) || EVERYDAY_PRODUCT_WORDS.has(key)) everyday++;
      else others++;
    }
    score = functionWords * 100_000 + (tags > 0 ? tags + (everyday + others) / 100 : everyday * 1000 + others);
    frequencyCache.set(keys, score);
  }
  return score;
}
