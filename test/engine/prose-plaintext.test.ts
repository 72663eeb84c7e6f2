import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanPlainTextBlocks } from '../../server/src/engine/prose/plaintext/plainTextReader';
import type { ProseBlock } from '../../server/src/engine/prose/prose';
import { seededRandom } from '../helpers/seededRandom';

function blocks(text: string, from = 0): ProseBlock[] {
  return [...scanPlainTextBlocks(text, from)];
}

function cuts(text: string): string[] {
  return blocks(text).map((block) => text.slice(block.start, block.end));
}

/** Each block's units as lists of segment texts. */
function lines(text: string): string[][][] {
  return blocks(text).map((block) => block.units.map((unit) => unit.segments.map((s) => text.slice(s.start, s.end))));
}

describe('plain-text prose', () => {
  it('makes one block and one unit per paragraph, with each line a segment', () => {
    const text = 'First line\nsecond line\n\nNext paragraph\n';
    assert.deepEqual(cuts(text), ['First line\nsecond line\n\n', 'Next paragraph\n']);
    assert.deepEqual(lines(text), [[['First line', 'second line']], [['Next paragraph']]]);
  });

  it('trims line whitespace and treats whitespace-only lines as blank', () => {
    const text = '  indented  \n\tline\t\n   \t\nafter';
    assert.deepEqual(cuts(text), ['  indented  \n\tline\t\n   \t\n', 'after']);
    assert.deepEqual(lines(text), [[['indented', 'line']], [['after']]]);
  });

  it('reads e-mail quotation markers as markup, and a line of only markers as blank', () => {
    const text = '> The SRE calls\n>> on ChatGPT for each task.\n> >\n> Next quoted paragraph\n';
    assert.deepEqual(cuts(text), ['> The SRE calls\n>> on ChatGPT for each task.\n> >\n', '> Next quoted paragraph\n']);
    assert.deepEqual(lines(text), [[['The SRE calls', 'on ChatGPT for each task.']], [['Next quoted paragraph']]]);
  });

  it('keeps Markdown-looking text as prose and reports no comments', () => {
    const text = '# not a heading\n- not a list *x* <!-- not a comment -->';
    assert.deepEqual(lines(text), [[['# not a heading', '- not a list *x* <!-- not a comment -->']]]);
    assert.deepEqual(blocks(text)[0].comments, []);
    assert.ok(blocks(text)[0].units[0].segments.every((s) => !s.glued && !s.opaque));
  });

  it('gives leading blank lines a block of their own and trailing ones to the last paragraph', () => {
    const text = '\n\n  \npara\n\n\n';
    assert.deepEqual(cuts(text), ['\n\n  \n', 'para\n\n\n']);
    assert.deepEqual(blocks(text)[0].units, []);
    assert.deepEqual(cuts('\n \n'), ['\n \n']);
  });

  it('handles the empty document and a document without a final newline', () => {
    assert.deepEqual(blocks(''), []);
    assert.deepEqual(lines('x'), [[['x']]]);
  });

  it('does not read a byte-order mark as part of the first word', () => {
    assert.deepEqual(lines('\uFEFFHello\nworld'), [[['Hello', 'world']]]);
  });

  it('supports \\n, \\r\\n and \\r line endings', () => {
    const text = 'a\r\nb\r\n\r\nc\rd\r\re\nf';
    assert.deepEqual(cuts(text), ['a\r\nb\r\n\r\n', 'c\rd\r\r', 'e\nf']);
    assert.deepEqual(lines(text), [[['a', 'b']], [['c', 'd']], [['e', 'f']]]);
  });

  it('yields the same blocks when restarted at any block start', () => {
    const rnd = seededRandom(3);
    const pieces = ['word', ' ', '  ', '\t', '\n', '\n', '\n\n', '\r\n', '\r', 'x y', 'é'];
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = Math.floor(rnd() * 60);
      for (let j = 0; j < n; j++) text += pieces[Math.floor(rnd() * pieces.length)];
      const full = blocks(text);
      let pos = 0;
      for (const block of full) {
        assert.equal(block.start, pos);
        assert.ok(block.end > block.start);
        pos = block.end;
      }
      assert.equal(pos, text.length);
      for (let k = 0; k < full.length; k++) assert.deepEqual(blocks(text, full[k].start), full.slice(k));
    }
  });

  // Throughput is the benchmark's business (npm run bench); here only that hostile large inputs are read to the end.
  it('reads large and degenerate inputs to the end', () => {
    for (const text of [
      'a'.repeat(5_000_000),
      '\n'.repeat(5_000_000),
      'a\n'.repeat(2_000_000),
      'a\n\n'.repeat(1_000_000),
      '\r'.repeat(1_000_000),
    ]) {
      let end = 0;
      for (const block of scanPlainTextBlocks(text)) end = block.end;
      assert.equal(end, text.length);
    }
  });
});
