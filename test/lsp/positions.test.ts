/**
 * The server's incremental line table must map offsets exactly as the
 * engine's LineIndex does for the same text, after any sequence of edits.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/engine/index';
import { LineTable, toOffsetRange, toRange } from '../../server/src/lsp/positions';

function assertSameMapping(table: LineTable, text: string, context: string): void {
  const index = new LineIndex(text);
  assert.equal(table.lineCount, index.lineCount, `line count ${context}`);
  for (let offset = 0; offset <= text.length; offset++) {
    assert.deepEqual(table.positionAt(offset), index.positionAt(offset), `positionAt(${offset}) ${context}`);
  }
  for (let line = -1; line <= index.lineCount; line++) {
    for (const character of [0, 1, 3, 1000]) {
      assert.equal(table.offsetAt({ line, character }), index.offsetAt({ line, character }), `offsetAt(${line}:${character}) ${context}`);
    }
  }
}

describe('lsp positions: LineTable', () => {
  it('matches LineIndex on texts with every kind of line break', () => {
    for (const text of ['', 'a', '\n', '\r', '\r\n', 'a\r\nb\rc\nd', '\r\r\n\n\r', 'x\r', 'é😀\nb']) {
      assertSameMapping(new LineTable(text), text, JSON.stringify(text));
    }
  });

  it('stays equal to LineIndex through 3,000 random edits, including edits that split or join CRLF pairs', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', 'x\ny', '\r\r', '', 'long line of text '];
    let text = 'start\r\nsecond\rthird\n';
    const table = new LineTable(text);
    for (let i = 0; i < 3000; i++) {
      const start = random(text.length + 1);
      const end = Math.min(text.length, start + random(4));
      const newText = pieces[random(pieces.length)]!;
      text = text.slice(0, start) + newText + text.slice(end);
      table.applyEdit({ range: { start, end }, newText }, text);
      if (i % 100 === 0 || text.length < 40)
        assertSameMapping(table, text, `after edit ${i} (${start}-${end} → ${JSON.stringify(newText)})`);
    }
    assertSameMapping(table, text, 'at the end');
  });

  it('handles a paste of many lines', () => {
    const text = 'head\n';
    const table = new LineTable(text);
    const paste = 'line\n'.repeat(30_000);
    const next = text + paste;
    table.applyEdit({ range: { start: text.length, end: text.length }, newText: paste }, next);
    assert.equal(table.lineCount, new LineIndex(next).lineCount);
    assert.deepEqual(table.positionAt(next.length - 3), new LineIndex(next).positionAt(next.length - 3));
  });

  it('converts ranges both ways', () => {
    const table = new LineTable('ab\ncd\r\nef');
    const range = toRange(table, { start: 1, end: 8 });
    assert.deepEqual(range, { start: { line: 0, character: 1 }, end: { line: 2, character: 1 } });
    assert.deepEqual(toOffsetRange(table, range), { start: 1, end: 8 });
  });
});
