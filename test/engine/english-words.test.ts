/**
 * The engine's English word lists (text/englishWords.ts): each is written the
 * way tokens are looked up (lower case, one token, no duplicates), holds the
 * words its readers rely on, and keeps apart what must stay apart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as englishWords from '../../server/src/engine/text/englishWords';
import {
  ABBREVIATIONS,
  BARE_NEGATIVE_CONTRACTIONS,
  BE_FORMS,
  CLAUSE_STARTS,
  CLAUSE_WORDS_AFTER_BREAK,
  COORDINATORS,
  DEFINITE_DETERMINERS,
  ENGLISH_WORD_LISTS,
  EVERYDAY_WORDS,
  FALSITY_WORDS,
  FUNCTION_WORDS,
  HAVE_FORMS,
  MODALS,
  NEGATING_WORDS,
  NOUN_INTRODUCERS,
  PHRASAL_PARTICLES,
  PLURAL_SUBJECT_WORDS,
  REFERRING_PRONOUNS,
  RELATIVE_PRONOUNS,
  RELATIVE_STARTS,
  SENTENCE_NEGATORS,
  SUBORDINATE_STARTS,
  VERB_NEGATORS,
} from '../../server/src/engine/text/englishWords';
import { tokenizeUnit } from '../../server/src/engine/text/tokenize';

const sorted = (words: Iterable<string>): string[] => [...words].sort();
const missing = (words: Iterable<string>, from: ReadonlySet<string>): string[] => [...words].filter((word) => !from.has(word));
const shared = (a: Iterable<string>, b: ReadonlySet<string>): string[] => [...a].filter((word) => b.has(word));

function lowerTokens(text: string): string[] {
  const tokens: string[] = [];
  tokenizeUnit(text, { segments: [{ start: 0, end: text.length }] }, (sentence) =>
    tokens.push(...sentence.tokens.map((token) => token.lower)),
  );
  return tokens;
}

test('every exported list is recorded as written under its own name, and only those', () => {
  const exported = Object.entries(englishWords)
    .filter(([, value]) => value instanceof Set || Array.isArray(value))
    .map(([name]) => name);
  assert.deepEqual(sorted(ENGLISH_WORD_LISTS.keys()), sorted(exported));
  for (const name of exported) {
    const value = (englishWords as unknown as Record<string, Iterable<string>>)[name]!;
    assert.deepEqual(sorted(new Set(value)), sorted(new Set(ENGLISH_WORD_LISTS.get(name))), name);
  }
});

test('every list is lower case, one word per entry, without duplicates', () => {
  for (const [name, words] of ENGLISH_WORD_LISTS) {
    assert.ok(words.length > 0, `${name} is empty`);
    for (const word of words) {
      assert.equal(word, word.toLowerCase(), `${name}: "${word}" is not lower case`);
      assert.match(word, /^[a-z.'-]+$/, `${name}: "${word}"`);
    }
    const duplicates = words.filter((word, i) => words.indexOf(word) !== i);
    assert.deepEqual(duplicates, [], `${name} has duplicates`);
  }
});

test('every entry is a token as the tokenizer writes it, so a lookup of token.lower can find it', () => {
  // "'ve" stays glued to its word ("we've" is one token), so HAVE_FORMS's "'ve" never matches; harmless, kept as it was.
  // The fix slots' contracted forms ("'ll", "'d", "'re", "'m") are read from the source text, not from tokens.
  const neverAToken = new Set(["'ve", "'ll", "'d", "'re", "'m"]);
  for (const [name, words] of ENGLISH_WORD_LISTS) {
    for (const word of words) {
      if (neverAToken.has(word)) continue;
      // A clitic is a token only after its word ("it's" -> it + 's).
      const tokens = word.startsWith("'") ? lowerTokens(`it${word} here`).slice(1) : lowerTokens(`We saw ${word} here`).slice(2);
      assert.equal(tokens[0], word, `${name}: "${word}" reads as ${JSON.stringify(tokens)}`);
    }
  }
});

test('the negators: the core words, the narrower lists inside the broad one, and no "without" after a verb', () => {
  assert.deepEqual(
    missing(['not', 'no', 'never', 'neither', 'nor', 'cannot', 'without', 'none', 'nothing', 'nobody', 'nowhere'], NEGATING_WORDS),
    [],
  );
  assert.deepEqual(missing(SENTENCE_NEGATORS, NEGATING_WORDS), []);
  assert.deepEqual(missing(VERB_NEGATORS, NEGATING_WORDS), []);
  assert.deepEqual(sorted(VERB_NEGATORS), ['cannot', 'never', 'not']);
  // "on AWS without extra setup" still makes the claim.
  assert.ok(!VERB_NEGATORS.has('without'));
  for (const word of BARE_NEGATIVE_CONTRACTIONS) assert.match(word, /^[a-z]+nt$/, word);
  assert.deepEqual(shared(BARE_NEGATIVE_CONTRACTIONS, NEGATING_WORDS), []);
  assert.deepEqual(missing(['false', 'untrue', 'incorrect'], FALSITY_WORDS), []);
});

test('the verbs: modals take a base form, forms of have a participle, and no word asks for both', () => {
  assert.deepEqual(
    missing(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'to', 'do', 'does', 'did'], MODALS),
    [],
  );
  assert.deepEqual(sorted(BE_FORMS), ['are', 'is', 'was', 'were']);
  assert.deepEqual(missing(['has', 'have', 'had'], HAVE_FORMS), []);
  assert.deepEqual(shared(MODALS, HAVE_FORMS), []);
  assert.deepEqual(shared(MODALS, BE_FORMS), []);
});

test('the clause words: "and" and "or" never open a subordinate clause, and the wider lists hold the narrower', () => {
  assert.deepEqual(sorted(COORDINATORS), ['and', 'nor', 'or']);
  assert.deepEqual(shared(COORDINATORS, SUBORDINATE_STARTS), []);
  assert.deepEqual(missing(CLAUSE_STARTS, CLAUSE_WORDS_AFTER_BREAK), []);
  assert.deepEqual(missing(RELATIVE_PRONOUNS, RELATIVE_STARTS), []);
  assert.deepEqual(shared(RELATIVE_STARTS, CLAUSE_STARTS), []);
});

test('the pronouns and determiners', () => {
  // The rule reference lists these, in this order, as the pronouns an OpenAI reference can be.
  assert.deepEqual([...REFERRING_PRONOUNS], ['it', 'them', 'they', 'which', 'that', 'who']);
  assert.deepEqual(missing(RELATIVE_PRONOUNS, REFERRING_PRONOUNS), []);
  assert.deepEqual(missing(DEFINITE_DETERMINERS, NOUN_INTRODUCERS), []);
  assert.deepEqual(missing(['a', 'an', 'the', 'of', 'to'], NOUN_INTRODUCERS), []);
  assert.deepEqual(missing(['we', 'they', 'these', 'those'], PLURAL_SUBJECT_WORDS), []);
  assert.deepEqual(shared(['it', 'he', 'she', 'this', 'that'], PLURAL_SUBJECT_WORDS), []);
});

test('the abbreviations are written without their full stop, as the tokenizer cuts them', () => {
  assert.deepEqual(missing(['e.g', 'i.e', 'etc', 'vs', 'dr', 'u.s'], ABBREVIATIONS), []);
  for (const word of ABBREVIATIONS) assert.ok(!word.endsWith('.'), word);
  let sentences = 0;
  const text = 'See e.g. the guide by Dr. Lee. It helps.';
  tokenizeUnit(text, { segments: [{ start: 0, end: text.length }] }, () => sentences++);
  assert.equal(sentences, 2);
});

test('the frequency lists: every function word is an everyday word, and the particles keep their listed order', () => {
  assert.deepEqual(missing(FUNCTION_WORDS, EVERYDAY_WORDS), []);
  assert.ok(EVERYDAY_WORDS.size > 250, `${EVERYDAY_WORDS.size} everyday words`);
  assert.deepEqual(PHRASAL_PARTICLES.slice(0, 3), ['on', 'upon', 'out']);
});

test("the claim model's negators and clause openers are the rule set's, with what the model adds", () => {
  assert.deepEqual(
    sorted(englishWords.CLAIM_NEGATORS),
    sorted(new Set([...englishWords.SENTENCE_NEGATORS, ...englishWords.VERB_NEGATORS, 'nor', 'without'])),
  );
  assert.deepEqual(sorted(englishWords.CLAIM_CLAUSE_OPENERS), sorted(new Set([...englishWords.CLAUSE_STARTS, 'which', 'that', 'who'])));
});
