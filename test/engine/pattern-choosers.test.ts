/**
 * A rule of one pattern is woken through a lighter chooser than a rule of
 * several (it keeps only the numbers of the word sets its pattern needs):
 * both must report the same matches for every sentence. A pattern of one
 * plain word skips the general parser and must read exactly as it would.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createEngine } from '../../server/src/engine/index';
import { parsePattern } from '../../server/src/engine/patterns/parsePattern';

const PATTERN = '(alpha|alphas) *2 =beta [gamma] delta';

function rule(id: string, patterns: readonly string[]): string[] {
  return [
    `  - id: choosers/${id}`,
    '    category: scale',
    '    severity: warning',
    '    message: "avoid {match}"',
    '    reason: chooser test',
    `    patterns: [${patterns.map((pattern) => JSON.stringify(pattern)).join(', ')}]`,
    '    examples: { bad: [], good: [] }',
  ];
}

// "one" has the pattern alone; "several" has it beside a pattern that needs a word no sentence here has.
const pack = ['pack: choosers', 'rules:', ...rule('one', [PATTERN]), ...rule('several', [PATTERN, 'omega =beta'])].join('\n') + '\n';
const engine = createEngine([{ file: 'choosers.termguard.yaml', text: pack }]);

function matches(sentence: string, id: string): string[] {
  return engine
    .check(sentence, 'plaintext')
    .findings.filter((finding) => finding.ruleId === `choosers/${id}`)
    .map((finding) => `${finding.range.start}-${finding.range.end}`);
}

describe('pattern choosers', () => {
  it('a one-pattern rule reports a sentence with every word its pattern needs, and not one missing any', () => {
    assert.deepEqual(matches('The alpha then beta delta.', 'one'), ['4-25']);
    assert.deepEqual(matches('The alpha then beta.', 'one'), []);
    assert.deepEqual(matches('Then beta delta.', 'one'), []);
  });

  it('a rule of one pattern and a rule of several report the same matches for any sentence', () => {
    const word = fc.constantFrom('alpha', 'alphas', 'beta', 'Beta', 'gamma', 'delta', 'the', 'and', '.', ',');
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), (sentences) => {
        const text = sentences.map((words) => words.join(' ')).join('. ');
        assert.deepEqual(matches(text, 'one'), matches(text, 'several'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('patterns of one plain word', () => {
  it('read as the parser reads the same word inside a group (only the column differs)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/);
    fc.assert(
      fc.property(fc.constantFrom('', '=', '^', '~'), word, (mark, text) => {
        const general = parsePattern(`(${mark}${text})`);
        assert.equal(general.type, 'word');
        assert.deepEqual(parsePattern(`${mark}${text}`), { ...general, column: 0 });
      }),
      { numRuns: 500 },
    );
  });
});
