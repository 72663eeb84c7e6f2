import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine/api';
import { applyEdits, EditConflictError, selectFixes } from '../../server/src/engine/fixes/applyEdits';

test('applies edits given in any order, keeping everything else', () => {
  const text = 'one two three';
  const result = applyEdits(text, [
    { range: { start: 8, end: 13 }, newText: '3' },
    { range: { start: 0, end: 3 }, newText: '1' },
    { range: { start: 4, end: 4 }, newText: '+' },
  ]);
  assert.equal(result, '1 +two 3');
  assert.equal(applyEdits(text, []), text);
});

test('refuses overlapping or out-of-range edits', () => {
  assert.throws(
    () =>
      applyEdits('abcdef', [
        { range: { start: 0, end: 3 }, newText: '' },
        { range: { start: 2, end: 4 }, newText: '' },
      ]),
    EditConflictError,
  );
  assert.throws(() => applyEdits('abc', [{ range: { start: 2, end: 9 }, newText: '' }]), EditConflictError);
});

function finding(start: number, end: number, newText?: string): Finding {
  return {
    ruleId: 'r',
    category: 'c',
    severity: 'error',
    message: 'm',
    range: { start, end },
    matchedText: 'x',
    sentence: 's',
    fixes:
      newText === undefined
        ? []
        : [
            { title: 't', edits: [{ range: { start, end }, newText }] },
            { title: 'second', edits: [{ range: { start, end }, newText: 'NOPE' }] },
          ],
  };
}

test('selectFixes takes the first fix of each finding and defers overlapping ones', () => {
  const selection = selectFixes([finding(10, 15, 'b'), finding(0, 5, 'a'), finding(3, 8, 'c'), finding(20, 22)]);
  assert.equal(selection.applied, 2);
  assert.deepEqual(
    selection.edits.map((edit) => edit.newText),
    ['a', 'b'],
  );
  assert.equal(selection.deferred.length, 1);
  assert.equal(selection.deferred[0]!.range.start, 3);
});
