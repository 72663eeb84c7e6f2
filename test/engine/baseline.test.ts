import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine/api';
import {
  BaselineIndex,
  createBaseline,
  parseBaseline,
  stringifyBaseline,
  toBaselineFileKey,
} from '../../server/src/engine/document/baseline';

function finding(start: number, matchedText: string, sentence: string, ruleId = 'rule'): Finding {
  return { ruleId, category: 'c', severity: 'error', message: 'm', range: { start, end: start + 1 }, matchedText, sentence, fixes: [] };
}

test('baseline counts findings per key and round-trips through JSON', () => {
  const baseline = createBaseline([
    { file: 'docs\\a.md', findings: [finding(0, 'x', 'S one.'), finding(9, 'x', 'S one.'), finding(20, 'y', 'S two.')] },
    { file: './b.md', findings: [finding(0, 'x', 'S one.')] },
  ]);
  assert.deepEqual(
    baseline.entries.map((entry) => [entry.file, entry.matchedText, entry.count]),
    [
      ['b.md', 'x', 1],
      ['docs/a.md', 'x', 2],
      ['docs/a.md', 'y', 1],
    ],
  );
  const parsed = parseBaseline(stringifyBaseline(baseline), 'baseline.json');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.baseline, baseline);
});

test('split: recorded occurrences are baselined, extra ones are fresh; line moves do not matter', () => {
  const index = new BaselineIndex(createBaseline([{ file: 'a.md', findings: [finding(0, 'x', 'S one.'), finding(5, 'x', 'S one.')] }]));
  const moved = [finding(100, 'x', 'S one.'), finding(200, 'x', 'S one.'), finding(300, 'x', 'S one.'), finding(400, 'x', 'Other.')];
  const { fresh, baselined } = index.split('a.md', moved);
  assert.equal(baselined.length, 2);
  assert.deepEqual(
    fresh.map((f) => f.range.start),
    [300, 400],
  );
  // Stateless between calls.
  assert.equal(index.split('a.md', moved).baselined.length, 2);
  // Other files are not covered.
  assert.equal(index.split('b.md', moved).baselined.length, 0);
  const marked = index.mark('a.md', moved);
  assert.deepEqual(
    marked.map((f) => [f.severity, f.baselined ?? false]),
    [
      ['hint', true],
      ['hint', true],
      ['error', false],
      ['error', false],
    ],
  );
});

test('parseBaseline reports broken files without throwing', () => {
  assert.equal(parseBaseline('{', 'b.json').problems.length, 1);
  assert.equal(parseBaseline('[]', 'b.json').problems.length, 1);
  assert.equal(parseBaseline('{"version":2,"entries":[]}', 'b.json').problems.length, 1);
  const bad = parseBaseline(
    '{\n"version":1,\n"entries":[\n{"ruleId":"r","file":"a","matchedText":"x","sentence":"s","count":0}]}',
    'b.json',
  );
  assert.equal(bad.problems[0]!.line, 3);
  assert.equal(toBaselineFileKey('.\\x\\y.md'), 'x/y.md');
});
