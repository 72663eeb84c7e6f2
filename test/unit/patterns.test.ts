import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../server/src/engine/index';
import { wordForms } from '../../server/src/engine/morphology/wordForms';
import { parsePattern, PatternSyntaxError } from '../../server/src/engine/patterns/parsePattern';

function packWith(patterns: string[], sets = ''): string {
  return `pack: t
${sets}rules:
  - id: t/rule
    category: test
    severity: error
    message: "found {match}"
    reason: test
    patterns: ${JSON.stringify(patterns)}
    examples: { bad: [], good: [] }
`;
}

function matches(patterns: string[], text: string, sets = ''): string[] {
  const engine = createEngine([{ file: 't.termguard.yaml', text: packWith(patterns, sets) }]);
  assert.deepEqual(engine.problems.filter((p) => p.severity === 'error'), []);
  return engine.check(text, 'plaintext').findings.map((finding) => text.slice(finding.range.start, finding.range.end));
}

describe('word forms come from the lemma', () => {
  it('inflects verbs, including irregular ones', () => {
    for (const form of ['enable', 'enables', 'enabled', 'enabling']) assert.ok(wordForms('enable').forms.has(form), form);
    for (const form of ['give', 'gives', 'gave', 'given', 'giving']) assert.ok(wordForms('give').forms.has(form), form);
    for (const form of ['run', 'runs', 'ran', 'running']) assert.ok(wordForms('run').forms.has(form), form);
  });
  it('pluralises nouns', () => {
    assert.ok(wordForms('model').forms.has('models'));
    assert.ok(wordForms('query').forms.has('queries'));
  });
  it('does not inflect closed-class words or words with digits', () => {
    assert.deepEqual([...wordForms('on').forms], ['on']);
    assert.deepEqual([...wordForms('gpt-4o').forms], ['gpt-4o']);
  });
});

describe('the pattern language', () => {
  it('matches every inflection of a plain word', () => {
    assert.deepEqual(matches(['call on'], 'He calls on it. She called on it. They are calling on it. Call on me.'), ['calls on', 'called on', 'calling on', 'Call on']);
  });
  it('matches alternatives and optional words', () => {
    assert.deepEqual(matches(['(give|offer) [direct] access'], 'It offers direct access and gives access.'), ['offers direct access', 'gives access']);
  });
  it('bounds gaps', () => {
    assert.deepEqual(matches(['enable *2 access'], 'enables secure access; enables very secure access; enables very very secure access'), ['enables secure access', 'enables very secure access']);
  });
  it('lets gaps skip punctuation but not adjacent words', () => {
    assert.deepEqual(matches(['enable *2 access'], 'It enables secure, governed access.'), ['enables secure, governed access']);
    assert.deepEqual(matches(['call on'], 'He calls, on the other hand.'), []);
  });
  it('resolves word sets, with multi-word members', () => {
    const sets = 'sets:\n  fruit: [apple, "passion fruit", "=kiwi"]\n';
    assert.deepEqual(matches(['eat @fruit'], 'We eat apples. We ate passion fruit. We eat kiwis.', sets), ['eat apples', 'ate passion fruit']);
  });
  it('honours exact case and mis-casing per word', () => {
    assert.deepEqual(matches(['^Bedrock'], 'Bedrock and bedrock.'), ['Bedrock']);
    assert.deepEqual(matches(['~ChatGPT'], 'ChatGPT, Chatgpt, CHATGPT.'), ['Chatgpt', 'CHATGPT']);
  });
  it('underlines only the focus', () => {
    assert.deepEqual(matches(['{call on} @who'], 'They call on Alice.', 'sets:\n  who: [Alice]\n'), ['call on']);
  });
  it('prefers the longest match', () => {
    assert.deepEqual(matches(['enable access', 'enable access to data'], 'It enables access to data.'), ['enables access to data']);
  });
  it('rejects malformed patterns with a column', () => {
    const cases: [string, number][] = [['foo (bar', 4], ['foo *', 4], ['foo *12', 4], ['@', 0], ['a } b', 2], ['[maybe]', 0], ['{a} {b}', 4], ['a % b', 2]];
    for (const [pattern, column] of cases) {
      assert.throws(() => parsePattern(pattern), (error: unknown) => error instanceof PatternSyntaxError && error.column === column, pattern);
    }
  });
});

describe('matching cannot hang', () => {
  it('stays linear on 100 KB of near-matching words for the worst patterns', () => {
    const sets = `sets:\n  s: ["a a a a a a a a b", "a *9 a *9 a *9 c", "${'[a] '.repeat(30)}d"]\n`;
    const patterns = ['a *9 a *9 a *9 a *9 b', '@s *9 @s *9 e', '(a|a a|a a a) *9 (a|a a) *9 f', `${'[a] '.repeat(40)}g`];
    const engine = createEngine([{ file: 't.termguard.yaml', text: packWith(patterns, sets) }]);
    assert.deepEqual(engine.problems.filter((p) => p.severity === 'error'), []);
    const text = 'a '.repeat(50_000);
    const started = performance.now();
    const result = engine.check(text, 'plaintext');
    const elapsed = performance.now() - started;
    assert.equal(result.findings.length, 0);
    assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
  });
});
