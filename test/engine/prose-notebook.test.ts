import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanNotebookBlocks } from '../../server/src/engine/prose/notebook';
import { blocksOf, checkInvariants, commentsOf, located, prose, unsuppressed, words } from '../helpers/readerTestkit';
import { seededRandom } from '../helpers/seededRandom';

const notebook = scanNotebookBlocks;

/** A notebook's JSON, as Jupyter writes it (sources as arrays of lines). */
function ipynb(cells: { type: string; source: string[]; outputs?: string[]; language?: string }[], language = 'python'): string {
  return JSON.stringify(
    {
      cells: cells.map((cell) => ({
        cell_type: cell.type,
        metadata: cell.language ? { vscode: { languageId: cell.language } } : {},
        source: cell.source,
        ...(cell.type === 'code'
          ? { execution_count: 1, outputs: (cell.outputs ?? []).map((text) => ({ output_type: 'stream', name: 'stdout', text: [text] })) }
          : {}),
      })),
      metadata: { kernelspec: { display_name: 'Kernel', language, name: 'kernel' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

describe('Jupyter notebook prose', () => {
  it('reads Markdown cells with the Markdown reader, mapping words back into the JSON source', () => {
    const text = ipynb([{ type: 'markdown', source: ['# The agent\n', '\n', 'It calls **on** the `model` here.\n'] }]);
    assert.deepEqual(prose(notebook, text), ['The agent', 'It calls on the # here.']);
    assert.deepEqual(words(notebook, text)[1], located(text, 'It', 'calls', 'on', 'the', '#`model`', 'here'));
  });

  it('maps JSON escapes exactly: an escaped quote is the quote, \\t separates, \\u escapes read as their character', () => {
    const text = ipynb([{ type: 'markdown', source: ['Say "hi"\tnow caf\u00e9.\n'] }]).replace('caf\u00e9', 'caf\\u00e9');
    assert.deepEqual(words(notebook, text)[0], [
      `Say@${text.indexOf('Say')}`,
      `hi@${text.indexOf('hi\\"')}`,
      `now@${text.indexOf('now')}`,
      `caf@${text.indexOf('caf')}`,
      `#@${text.indexOf('\\u00e9')}`,
    ]);
  });

  it('reads code cells with the code reader in the notebook language, and skips outputs and raw cells', () => {
    const text = ipynb([
      {
        type: 'code',
        source: ['# A comment here.\n', 'print("Hello there, friend.")\n', 'x = "user_id"'],
        outputs: ['Output text is not prose.\n'],
      },
      { type: 'raw', source: ['raw text is not prose'] },
      { type: 'code', source: ['// A cell in another language.\n', 'const m = "A message for you.";'], language: 'typescript' },
    ]);
    assert.deepEqual(prose(notebook, text), [
      'A comment here.',
      'Hello there, friend.',
      'A cell in another language.',
      'A message for you.',
    ]);
  });

  it('uses the kernel language for code cells', () => {
    const text = ipynb([{ type: 'code', source: ['// A JavaScript comment.\n', '# not a comment in JavaScript\n'] }], 'javascript');
    assert.deepEqual(prose(notebook, text), ['A JavaScript comment.']);
  });

  it('applies suppression comments written in cells to the next line of the cell', () => {
    const text = ipynb([
      {
        type: 'markdown',
        source: [
          'The agent calls here.\n',
          '<!-- termguard-disable-next-line demo-rule -->\n',
          'The agent calls again.\n',
          'The agent calls once more.\n',
        ],
      },
      { type: 'code', source: ['# termguard-disable-next-line\n', 'x = "The agent calls in code."\n'] },
    ]);
    assert.deepEqual(
      commentsOf(notebook, text).map((c) => c.body),
      ['termguard-disable-next-line demo-rule', 'termguard-disable-next-line'],
    );
    const all = located(text, 'calls', 'calls', 'calls', 'calls');
    assert.deepEqual(unsuppressed(notebook, text, 'calls'), [all[0], all[2]]);
  });

  it('reads a cell source written as one string', () => {
    const text = '{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "One line.\\nTwo lines."}], "metadata": {}}';
    assert.deepEqual(prose(notebook, text), ['One line. Two lines.']);
  });

  it('yields one block for the whole notebook, and never throws on text that is not a notebook', () => {
    const text = ipynb([{ type: 'markdown', source: ['Hello.'] }]);
    const list = blocksOf(notebook, text);
    assert.equal(list.length, 1);
    checkInvariants(text, list);
    assert.deepEqual(blocksOf(notebook, text, 5), [{ start: 5, end: text.length, units: [], comments: [] }]);
    assert.deepEqual(blocksOf(notebook, ''), []);
    const rnd = seededRandom(5);
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      '"cells"',
      '"source"',
      '"cell_type"',
      '"markdown"',
      '"code"',
      ':',
      ',',
      '"',
      '\\',
      '\\n',
      '\\u00',
      'text',
      ' ',
      '\n',
    ];
    for (let i = 0; i < 500; i++) {
      let doc = '';
      for (let j = Math.floor(rnd() * 80); j > 0; j--) doc += pieces[Math.floor(rnd() * pieces.length)];
      checkInvariants(doc, blocksOf(notebook, doc));
    }
    for (let cut = 0; cut < text.length; cut += 7) checkInvariants(text.slice(0, cut), blocksOf(notebook, text.slice(0, cut)));
  });
});
