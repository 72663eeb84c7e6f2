import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanNotebookBlocks } from '../../server/src/engine/prose/notebook';
import {
  blocksOf,
  checkInvariants,
  checkRestarts,
  commentsOf,
  located,
  prose,
  readUnit,
  unsuppressed,
  words,
} from '../helpers/readerTestkit';
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

/** Every block a scan from block `i`'s start, given its context, yields: the incremental checker's restart. */
function checkContextRestarts(text: string): void {
  const full = blocksOf(notebook, text);
  checkInvariants(text, full);
  full.forEach((block, i) => {
    assert.deepEqual([...notebook(text, block.start, block.context)], full.slice(i), `restart at block ${i} of ${JSON.stringify(text)}`);
  });
}

describe('Jupyter notebook blocks', () => {
  const cells = [
    { type: 'markdown', source: ['First cell.\n'] },
    { type: 'code', source: ['# A comment.\n', '// Not one in Python.\n'] },
    { type: 'markdown', source: ['Last cell.'] },
  ];

  it('yields a block per cell: the first also holds the members before the cells, the last those after them', () => {
    const text = ipynb(cells);
    const list = blocksOf(notebook, text);
    assert.equal(list.length, 3);
    checkInvariants(text, list);
    const cellStarts = [...text.matchAll(/^ {2}\{/gm)].map((match) => match.index);
    assert.deepEqual(
      list.map((block) => block.start),
      [0, ...cellStarts.slice(1)],
    );
    assert.deepEqual(
      list.map((block) => block.units.map((unit) => text.slice(unit.segments[0]!.start, unit.segments.at(-1)!.end))),
      [['First cell.'], ['A comment.'], ['Last cell.']],
    );
    assert.match(text.slice(list[2]!.start, list[2]!.end), /"kernelspec"/);
  });

  it('carries the notebook language in every block, so a restart at a cell reads code in it without the rest of the text', () => {
    const text = ipynb(cells, 'javascript');
    const list = blocksOf(notebook, text);
    assert.deepEqual(new Set(list.map((block) => block.context)).size, 1);
    // Only the text of the code cell's block: the metadata that names JavaScript is not in it.
    const alone = ' '.repeat(list[1]!.start) + text.slice(list[1]!.start, list[2]!.start);
    const restarted = [...notebook(alone, list[1]!.start, list[1]!.context)];
    assert.deepEqual(
      restarted[0]!.units.map((unit) => readUnit(alone, unit)),
      ['Not one in Python.'],
    );
    assert.equal(prose(notebook, text)[1], 'Not one in Python.');
  });

  it('reports the language a block declares, so a changed declaration shows as a changed context', () => {
    const text = ipynb(cells, 'python');
    const list = blocksOf(notebook, text);
    const edited = text.replace('"language": "python"', '"language": "javascript"');
    const last = [...notebook(edited, list[2]!.start, list[2]!.context)];
    assert.notEqual(last[0]!.context, list[2]!.context);
    assert.equal(last[0]!.context, blocksOf(notebook, edited)[2]!.context);
  });

  it('restarts at every block start, with or without its context, in every layout a notebook may be written in', () => {
    const compact = JSON.stringify({ cells: cells.map((cell) => ({ cell_type: cell.type, source: cell.source })), metadata: {} });
    const layouts = [
      ipynb(cells),
      ipynb(cells).replace(/\n/g, '\r\n'),
      `\n\n${ipynb(cells)}`,
      compact,
      compact.replace(/\},\{/g, '},\n{'),
      compact.replace(/\},\{/g, '}\n,{'),
      ipynb(cells).replace(/\n {2}\},\n {2}\{/, '\n  }, {'),
      // The metadata first: then the first block declares the language.
      JSON.stringify({ metadata: { kernelspec: { language: 'javascript' } }, cells: JSON.parse(ipynb(cells)).cells }, null, 1),
      // Two metadata members: the first one wins, as in a whole read.
      ipynb(cells).replace('{\n "cells"', '{\n "metadata": {"kernelspec": {"language": "javascript"}},\n "cells"'),
      // Blank lines and cells that are not objects between cells.
      ipynb(cells).replace(/\n {2}\},\n/g, '\n  },\n\n  1,\n'),
    ];
    for (const text of layouts) {
      checkRestarts(notebook, text);
      checkContextRestarts(text);
    }
    assert.equal(prose(notebook, layouts[7]!)[1], 'Not one in Python.');
    assert.equal(prose(notebook, layouts[8]!)[1], 'Not one in Python.');
  });

  it('reads a half-typed or broken notebook as far as it can, and keeps every promise there', () => {
    const text = ipynb(cells);
    for (let cut = 0; cut <= text.length; cut++) checkContextRestarts(text.slice(0, cut));
    // A stray brace ends the cells array where it stands: the cells before it are still read.
    const broken = text.replace('"source": [\n    "Last', '}}"source": [\n    "Last');
    checkContextRestarts(broken);
    assert.deepEqual(prose(notebook, broken), ['First cell.', 'A comment.']);
    const rnd = seededRandom(9);
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      '"cells": [',
      '"metadata": {}',
      '{"cell_type": "markdown", "source": ["Text."]}',
      ',',
      '\n',
      '"',
      ':',
    ];
    for (let i = 0; i < 500; i++) {
      let doc = '{"cells": [';
      for (let j = Math.floor(rnd() * 30); j > 0; j--) doc += pieces[Math.floor(rnd() * pieces.length)];
      checkContextRestarts(doc);
      checkRestarts(notebook, doc);
    }
  });
});
