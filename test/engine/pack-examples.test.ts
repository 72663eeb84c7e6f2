import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/index';
import { builtinEngine } from '../helpers/builtinEngine';

describe('every example of every built-in rule', () => {
  const engine = builtinEngine();
  it('loads the built-in packs without problems', () => {
    assert.deepEqual(
      engine.problems.filter((problem) => problem.severity === 'error'),
      [],
    );
    assert.ok(engine.rules().length >= 6);
  });
  for (const result of engine.runExamples()) {
    it(`${result.ruleId} ${result.kind}: ${result.text}`, () => {
      assert.ok(result.passed, result.detail);
    });
  }
});

describe('fixes never produce a new finding of the same rule', () => {
  const engine = builtinEngine();
  for (const rule of engine.rules()) {
    for (const text of rule.examples.bad) {
      it(`${rule.id}: ${text}`, () => {
        const findings = engine.check(text, 'markdown').findings.filter((finding) => finding.ruleId === rule.id);
        for (const finding of findings) {
          for (const fix of finding.fixes) {
            const fixed = applyEdits(text, fix.edits);
            const after = engine.check(fixed, 'markdown').findings.filter((other) => other.ruleId === rule.id);
            const edit = fix.edits[0]!;
            const newEnd = edit.range.start + edit.newText.length;
            const overlapping = after.filter((other) => other.range.start < newEnd && other.range.end > edit.range.start);
            assert.deepEqual(
              overlapping.map((other) => other.matchedText),
              [],
              `"${fixed}"`,
            );
            assert.ok(after.length < findings.length, `"${fixed}" still has ${after.length} finding(s)`);
          }
        }
      });
    }
  }
});
