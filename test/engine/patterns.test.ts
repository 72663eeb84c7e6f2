import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../server/src/engine/index';
import { wordForms } from '../../server/src/engine/morphology/wordForms';
import { parsePattern, PatternSyntaxError } from '../../server/src/engine/patterns/parsePattern';
import { MATCHER_STEPS_PER_TRANSITION, patternCost, transitionCount } from '../../server/src/engine/patterns/patternCost';
import { matcherSteps } from '../../server/src/engine/patterns/runProgram';
import { resolveWordSets, type SetMember } from '../../server/src/engine/patterns/wordSets';
import { longestNonOverlapping } from '../../server/src/engine/rules/ruleSet';
import { load as yamlLoad } from 'js-yaml';

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
  assert.deepEqual(
    engine.problems.filter((p) => p.severity === 'error'),
    [],
  );
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
    assert.deepEqual(matches(['call on'], 'He calls on it. She called on it. They are calling on it. Call on me.'), [
      'calls on',
      'called on',
      'calling on',
      'Call on',
    ]);
  });
  it('matches alternatives and optional words', () => {
    assert.deepEqual(matches(['(give|offer) [direct] access'], 'It offers direct access and gives access.'), [
      'offers direct access',
      'gives access',
    ]);
  });
  it('bounds gaps', () => {
    assert.deepEqual(matches(['enable *2 access'], 'enables secure access; enables very secure access; enables very very secure access'), [
      'enables secure access',
      'enables very secure access',
    ]);
  });
  it('lets gaps skip punctuation but not adjacent words', () => {
    assert.deepEqual(matches(['enable *2 access'], 'It enables secure, governed access.'), ['enables secure, governed access']);
    assert.deepEqual(matches(['call on'], 'He calls, on the other hand.'), []);
  });
  it('resolves word sets, with multi-word members', () => {
    const sets = 'sets:\n  fruit: [apple, "passion fruit", "=kiwi"]\n';
    assert.deepEqual(matches(['eat @fruit'], 'We eat apples. We ate passion fruit. We eat kiwis.', sets), [
      'eat apples',
      'ate passion fruit',
    ]);
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
    const cases: [string, number][] = [
      ['foo (bar', 4],
      ['foo *', 4],
      ['foo *12', 4],
      ['@', 0],
      ['a } b', 2],
      ['[maybe]', 0],
      ['{a} {b}', 4],
      ['a % b', 2],
    ];
    for (const [pattern, column] of cases) {
      assert.throws(
        () => parsePattern(pattern),
        (error: unknown) => error instanceof PatternSyntaxError && error.column === column,
        pattern,
      );
    }
  });
});

describe('matching cannot hang', () => {
  it('stays within its step bound on 100 KB of near-matching words for the worst patterns', () => {
    const sets = `sets:\n  s: ["a a a a a a a a b", "a *9 a *9 a *9 c", "${'[a] '.repeat(30)}d"]\n`;
    const patterns = ['a *9 a *9 a *9 a *9 b', '@s *9 @s *9 e', '(a|a a|a a a) *9 (a|a a) *9 f', `${'[a] '.repeat(40)}g`];
    const engine = createEngine([{ file: 't.termguard.yaml', text: packWith(patterns, sets) }]);
    assert.deepEqual(
      engine.problems.filter((p) => p.severity === 'error'),
      [],
    );
    // One sentence that has every word the patterns need, so each of them scans all of it.
    const text = `${'a '.repeat(50_000)}b e f g`;
    const before = matcherSteps();
    engine.check(text, 'plaintext');
    assertWithinBound(matcherSteps() - before, patterns, sets, 50_004);
  });

  it('refuses a pattern whose gaps add up to more than the limit, at the pattern', () => {
    const pattern = `a ${'*9 '.repeat(600)}b`;
    const problem = patternProblems([pattern]).find((p) => p.code === 'pattern-too-large');
    assert.ok(problem, 'a pattern-too-large problem');
    assert.equal(problem.line, 7);
    assert.match(problem.message, /gaps skip up to 5400 words.*at most 100/);
  });

  it('refuses a pattern with more word-to-word steps than the limit, at the pattern', () => {
    const problem = patternProblems([`${'[a] '.repeat(300)}b`]).find((p) => p.code === 'pattern-too-large');
    assert.ok(problem, 'a pattern-too-large problem');
    assert.equal(problem.line, 7);
    assert.match(problem.message, /too large to match quickly.*45452 word-to-word steps.*limit of 10000/);
  });

  it('bounds the steps per word for patterns just inside the limits, on text made to wake every thread', () => {
    const sets = `sets:\n  twice: ["a a", "a [a]", "[a] a", "a *1 a"]\n  many: ${JSON.stringify(Array.from({ length: 90 }, (_, i) => `${'a '.repeat(1 + (i % 7))}=z${i}`))}\n`;
    const patterns = [
      `${'[a] '.repeat(137)}b`,
      `a ${'*9 '.repeat(11)}b`,
      '@twice @twice @twice @twice *9 @twice @twice *9 b',
      '@many *1 @many b',
    ];
    const engine = createEngine([{ file: 't.termguard.yaml', text: packWith(patterns, sets) }]);
    assert.deepEqual(
      engine.problems.filter((p) => p.severity === 'error'),
      [],
    );
    const wordCount = 4000;
    const before = matcherSteps();
    // `z0` is there because a match of @many needs one of its `=zN` words: without it the sentence would be skipped.
    engine.check(`${'a '.repeat(wordCount)}b z0`, 'plaintext');
    assertWithinBound(matcherSteps() - before, patterns, sets, wordCount + 2);
  });

  it('scans for the words a rule needs once per sentence, however many matches the sentence has', () => {
    const text = packWith(['x y'], 'sets:\n  who: [alice]\n').replace(
      '    patterns:',
      '    conditions: { sentence-mentions: [who] }\n    patterns:',
    );
    const engine = createEngine([{ file: 't.termguard.yaml', text }]);
    const before = matcherSteps();
    assert.equal(engine.check(`${'x y '.repeat(5000)}alice`, 'plaintext').findings.length, 5000);
    assertWithinBound(matcherSteps() - before, ['x y', '@who'], 'sets:\n  who: [alice]\n', 10_001);
  });

  it('silences a rule in a sentence that names a member of an unless-sentence-mentions set, unless the sentence denies it', () => {
    const text = packWith(['call bob'], 'sets:\n  route: ["=through =alice"]\n').replace(
      '    patterns:',
      '    conditions: { unless-sentence-mentions: [route] }\n    patterns:',
    );
    const engine = createEngine([{ file: 't.termguard.yaml', text }]);
    assert.deepEqual(
      engine.problems.filter((problem) => problem.severity === 'error'),
      [],
    );
    const found = (sentence: string): number => engine.check(sentence, 'plaintext').findings.length;
    assert.equal(found('We call bob every day.'), 1);
    assert.equal(found('We call bob every day, through alice.'), 0);
    assert.equal(found('We call bob every day, not through alice.'), 1);
    assert.equal(found('Previously only through alice, we now call bob directly.'), 1);
    const before = matcherSteps();
    assert.equal(engine.check(`${'call bob '.repeat(3000)}through alice`, 'plaintext').findings.length, 0);
    // Worked out once per sentence, not once per match: far fewer steps than matches times words.
    assert.ok(matcherSteps() - before < 100_000, `took ${matcherSteps() - before} steps`);
  });

  it('reports an unknown set named by unless-sentence-mentions as a problem of the pack', () => {
    const text = packWith(['call bob']).replace('    patterns:', '    conditions: { unless-sentence-mentions: [nowhere] }\n    patterns:');
    const engine = createEngine([{ file: 't.termguard.yaml', text }]);
    assert.ok(
      engine.problems.some((problem) => problem.severity === 'error' && /nowhere/.test(problem.message)),
      JSON.stringify(engine.problems),
    );
  });

  it('keeps the leftmost longest of overlapping matches, reading each match a bounded number of times', () => {
    let reads = 0;
    const counted = (start: number, end: number) => ({
      get start() {
        reads++;
        return start;
      },
      get end() {
        reads++;
        return end;
      },
      focusStart: start,
      focusEnd: end,
    });
    const matches = [];
    for (let i = 0; i < 20_000; i++) matches.push(counted(i, i + 1 + (i % 3)));
    const kept = longestNonOverlapping(matches);
    assert.deepEqual(
      kept.slice(0, 4).map((match) => [match.start, match.end]),
      [
        [0, 1],
        [1, 3],
        [3, 4],
        [4, 6],
      ],
    );
    assert.ok(reads < 40 * matches.length * Math.log2(matches.length), `${reads} reads`);
  });
});

/** Asserts that `steps` stays within the matcher's bound for one scan of each of these patterns over `tokens` words. */
function assertWithinBound(steps: number, patterns: readonly string[], sets: string, tokens: number): void {
  const transitions = patterns.reduce((sum, pattern) => sum + transitionCount(patternCost(parsePattern(pattern), setsOf(sets).cost)), 0);
  const bound = (patterns.length + MATCHER_STEPS_PER_TRANSITION * transitions) * tokens;
  assert.ok(steps > 0 && steps <= bound, `${steps} steps for ${tokens} words; the bound is ${bound} (${transitions} transitions)`);
}

/** The word sets of a `sets:` block, resolved as the pack loader does. */
function setsOf(block: string) {
  const definitions = new Map<string, SetMember[]>();
  const data = (yamlLoad(`${block}`) ?? {}) as { sets?: Record<string, string[]> };
  for (const [name, members] of Object.entries(data.sets ?? {}))
    definitions.set(
      name,
      members.map((member, index) => ({ tree: parsePattern(member), index })),
    );
  return resolveWordSets(definitions);
}

function patternProblems(patterns: string[]) {
  return createEngine([{ file: 't.termguard.yaml', text: packWith(patterns) }]).problems;
}
