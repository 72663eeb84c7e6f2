import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

test('LF, CRLF and lone CR each end one line', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
  assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(5), { line: 1, character: 2 }); // the \r of \r\n
  assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
  assert.deepEqual(index.positionAt(12), { line: 3, character: 2 });
  for (let offset = 0; offset <= text.length; offset++) {
    if (offset === 6) continue; // between \r and \n: maps back to the line end
    assert.equal(index.offsetAt(index.positionAt(offset)), offset, `round trip at ${offset}`);
  }
});

test('offsetAt clamps characters to the line content and lines to the text', () => {
  const index = new LineIndex('ab\r\ncd\n');
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
  assert.equal(index.offsetAt({ line: 2, character: 0 }), 7);
  assert.equal(index.offsetAt({ line: 9, character: 0 }), 7);
  assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  assert.equal(index.lineContentEnd(0), 2);
  assert.equal(index.lineStart(1), 4);
});

test('characters are UTF-16 code units', () => {
  const text = '😀 x\n😀y';
  const index = new LineIndex(text);
  assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 0, character: 3 });
  assert.deepEqual(index.positionAt(text.indexOf('y')), { line: 1, character: 2 });
});

test('empty text and trailing newline', () => {
  assert.equal(new LineIndex('').lineCount, 1);
  assert.deepEqual(new LineIndex('').positionAt(5), { line: 0, character: 0 });
  const index = new LineIndex('a\n');
  assert.equal(index.lineCount, 2);
  assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
});

test('a million lines: positions at the far end are right', () => {
  const text = 'word\n'.repeat(1_000_000);
  const index = new LineIndex(text);
  for (let i = 0; i < 100_000; i += 7919) assert.deepEqual(index.positionAt(i * 5 + 2), { line: i, character: 2 });
  assert.deepEqual(index.positionAt(text.length - 1), { line: 999_999, character: 4 });
});
