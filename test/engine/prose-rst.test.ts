import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanRstBlocks } from '../../server/src/engine/prose/rst';
import { blocksOf, checkRandomDocuments, commentsOf, cuts, located, prose, unsuppressed, words } from '../helpers/readerTestkit';

const rst = scanRstBlocks;

describe('reStructuredText prose', () => {
  it('reads paragraphs with emphasis kept and markup removed, with exact word offsets', () => {
    const text = 'This is *emphasis* and **strong** text,\nover two lines.';
    assert.deepEqual(prose(rst, text), ['This is emphasis and strong text, over two lines.']);
    assert.deepEqual(words(rst, text)[0], located(text, 'This', 'is', 'emphasis', 'and', 'strong', 'text', 'over', 'two', 'lines'));
  });

  it('reads roles by what they show: prose roles as prose, code roles and literals as one word', () => {
    const text = 'Use :code:`x.y()`, ``literal``, `default`, :emphasis:`kept words`, :func:`calls_on` and :sub:`low`.';
    assert.deepEqual(prose(rst, text), ['Use #, #, #, kept words, # and low.']);
    assert.deepEqual(words(rst, text)[0].slice(4, 6), located(text, 'kept', 'words'));
  });

  it('keeps the text of hyperlink and titled cross references, not their targets', () => {
    const text = 'See the `guide <https://a.b>`_, `Other`__, name_, :ref:`the intro <intro>`, :doc:`setup` and https://x.y/z.';
    assert.deepEqual(prose(rst, text), ['See the guide, Other, name, the intro, # and #.']);
  });

  it('reads substitutions, footnote and citation references as one word each', () => {
    assert.deepEqual(prose(rst, 'The |product| works [1]_ well [CIT2002]_.'), ['The # works # well #.']);
  });

  it('reads section titles, lists, fields, definitions, line blocks and block quotes', () => {
    const text =
      '=====\nTitle\n=====\n\nSection\n-------\n\n- First item\n  continued\n- Second\n\n  Its second paragraph.\n\n#. Auto\n\n' +
      ':param x: The value.\n\nterm : classifier\n   The definition.\n\n| Line one\n| Line two\n\n   Quoted text.\n\n   -- Someone\n';
    assert.deepEqual(prose(rst, text), [
      'Title',
      'Section',
      'First item continued',
      'Second',
      'Its second paragraph.',
      'Auto',
      'The value.',
      'term : classifier',
      'The definition.',
      'Line one Line two',
      'Quoted text.',
      '-- Someone',
    ]);
  });

  it('skips literal blocks after ::, keeping one colon of Text::', () => {
    const text = 'Example::\n\n    calls on\n\nAfter ::\n\n    calls on\n\n::\n\n    calls on\n\nQuoted::\n\n> calls on\n> more\n\nEnd.';
    assert.deepEqual(prose(rst, text), ['Example:', 'After', 'Quoted:', 'End.']);
  });

  it('skips code directives, doctests, targets and comments, and reads admonitions and prose options', () => {
    const text =
      '.. code-block:: python\n   :caption: Calling the agent\n\n   calls_on()\n\n>>> calls on\nresult\n\n.. _target: https://x.y\n\n' +
      '.. note:: Note text.\n\n   More note.\n\n.. versionadded:: 2.0 New reader.\n\n.. image:: a.png\n   :alt: The diagram\n   :width: 200\n\n' +
      '.. admonition:: Custom title\n\n   Body.\n\n.. py:function:: calls_on(x)\n\n   Calls on x.\n\n.. autofunction:: calls_on\n';
    assert.deepEqual(prose(rst, text), [
      'Calling the agent',
      'Note text.',
      'More note.',
      'New reader.',
      'The diagram',
      'Custom title',
      'Body.',
      'Calls on x.',
    ]);
  });

  it('reads grid and simple table cells as units', () => {
    const grid =
      '+----------+----------+\n| Cell one | Cell two |\n| more     |          |\n+==========+==========+\n| Spanning cell       |\n+---------------------+\n';
    assert.deepEqual(prose(rst, grid), ['Cell one more', 'Cell two', 'Spanning cell']);
    const simple = '=====  =========\nA      B header\n=====  =========\na one  b one\n       b more\n=====  =========\n\nAfter.';
    assert.deepEqual(prose(rst, simple), ['A', 'B header', 'a one', 'b one b more', 'After.']);
  });

  it('reports comments, and applies suppression directives written as comments', () => {
    const text =
      'First calls.\n\n.. termguard-disable-next-line demo-rule\n\nSecond calls.\n\nThird calls.\n\n..\n   An empty comment\n   with a body.\n';
    assert.deepEqual(commentsOf(rst, text), [
      { source: '.. termguard-disable-next-line demo-rule', body: 'termguard-disable-next-line demo-rule' },
      { source: '..\n   An empty comment\n   with a body.', body: 'An empty comment\n   with a body.' },
    ]);
    const all = located(text, 'calls', 'calls', 'calls');
    assert.deepEqual(unsuppressed(rst, text, 'calls'), [all[0], all[2]]);
  });

  it('cuts a block at each column-0 line after a blank or indented line, keeping indented lines with the line above', () => {
    const text = 'Para::\n\n  literal\n\nterm\n  def\nnext\n\n=====\n  Inset title\n=====\n\nEnd';
    assert.deepEqual(cuts(rst, text), ['Para::\n\n  literal\n\n', 'term\n  def\n', 'next\n\n', '=====\n  Inset title\n=====\n\n', 'End']);
    assert.deepEqual(prose(rst, text), ['Para:', 'term', 'def', 'next', 'Inset title', 'End']);
    assert.deepEqual(blocksOf(rst, ''), []);
  });

  it('keeps the reader promises on random documents', () => {
    const pieces = [
      'word',
      'two words',
      ' ',
      '   ',
      '\n',
      '\n',
      '\n\n',
      '*',
      '**',
      '`',
      '``',
      ':code:',
      ':emphasis:',
      '_',
      '__',
      '|',
      '[1]_',
      '::',
      '.. ',
      '.. note:: ',
      '.. code-block:: py',
      ':param x: ',
      '- ',
      '1. ',
      '#. ',
      '=====',
      '-----',
      '+----+----+',
      '| a  | b  |',
      '=====  =====',
      '>>> ',
      '\\',
      '<https://x>',
      '\t',
      '\r\n',
    ];
    checkRandomDocuments(rst, pieces, 400);
  });

  it('reads large and hostile inputs in one pass', { timeout: 60_000 }, () => {
    for (const text of [
      '*a '.repeat(200_000),
      '`'.repeat(500_000),
      ':x:`'.repeat(100_000),
      '- '.repeat(100_000) + 'x',
      '  a\n'.repeat(200_000),
      '.. x::\n'.repeat(100_000),
    ]) {
      let end = 0;
      for (const block of rst(text)) end = block.end;
      assert.equal(end, text.length);
    }
  });
});
