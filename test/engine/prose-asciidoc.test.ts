import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanAsciiDocBlocks } from '../../server/src/engine/prose/asciidoc';
import { blocksOf, checkRandomDocuments, commentsOf, cuts, located, prose, unsuppressed, words } from '../helpers/readerTestkit';

const adoc = scanAsciiDocBlocks;

describe('AsciiDoc prose', () => {
  it('reads paragraphs with inline formatting removed, with exact word offsets', () => {
    const text = 'This is *bold*, _emphasis_, **un**constrained and #marked# text.\nIt goes on.';
    assert.deepEqual(prose(adoc, text), ['This is bold, emphasis, unconstrained and marked text. It goes on.']);
    assert.deepEqual(words(adoc, text)[0], [
      ...located(text, 'This', 'is', 'bold', 'emphasis'),
      // one word across the unconstrained marks, from its first to its last letter
      `unconstrained@${text.indexOf('un**')}`,
      ...located(text, 'and', 'marked', 'text', 'It', 'goes', 'on'),
    ]);
  });

  it('leaves constrained marks inside words alone', () => {
    assert.deepEqual(prose(adoc, 'snake_case_name and 2*3*4 stay as they are.'), ['snake_case_name and 2*3*4 stay as they are.']);
  });

  it('reads code, passthroughs, attribute references, URLs and opaque macros as one word each', () => {
    const text = 'Run `npm i` or +raw+ or ++x++ with {product} at https://x.io/a. Press kbd:[Ctrl+C] and see image:a.png[Alt].';
    assert.deepEqual(prose(adoc, text), ['Run # or # or # with # at #. Press # and see #.']);
  });

  it('keeps the text of links and cross references, not their targets or attributes', () => {
    const text = 'See link:https://a.b/c[the guide, window=_blank], https://x.y[our site^], <<intro,the intro>> and <<other>>.';
    assert.deepEqual(prose(adoc, text), ['See the guide, our site, the intro and #.']);
    assert.deepEqual(words(adoc, text)[0].slice(1, 3), located(text, 'the', 'guide'));
  });

  it('makes footnote text a unit of its own', () => {
    const text = 'A claim.footnote:[The source of it.] More.';
    assert.deepEqual(prose(adoc, text), ['A claim.# More.', 'The source of it.']);
  });

  it('reads section titles, block titles, admonitions, list items and description lists', () => {
    const text =
      '== Section *title*\n\n.Block title\n[NOTE]\n====\nInside the example.\n====\n\nTIP: A tip here.\n\n' +
      '* First item\n  continued\n* [x] Done item\n. Ordered\n\nTerm:: Its definition\nOther::\n  Next line definition\n';
    assert.deepEqual(prose(adoc, text), [
      'Section title',
      'Block title',
      'Inside the example.',
      'A tip here.',
      'First item continued',
      'Done item',
      'Ordered',
      'Term',
      'Its definition',
      'Other',
      'Next line definition',
    ]);
  });

  it('skips attributes, the header lines, listing, literal, passthrough, fenced and comment blocks', () => {
    const text =
      '= Title\nAda Lovelace <ada@x.y>\nv1.0\n:toc: left\n\n:description: calls on\n\n[source,ruby]\n----\ncalls on\n----\n\n' +
      '....\ncalls on\n....\n\n++++\n<p>calls on</p>\n++++\n\n```js\ncalls on\n```\n\n[source]\ncalls on\n\n  indented calls on\n\n' +
      '////\ncalls on\n////\n\n// calls on\n\nLast.';
    assert.deepEqual(prose(adoc, text), ['Title', 'Last.']);
  });

  it('reads table cells as units, except literal and monospace cells', () => {
    const text =
      '|===\n|Head one |Head two\n\n|Cell *one*\n|Cell two\n2+a|Spanning cell\nm|mono cell\n|===\n\n[format=csv]\n,===\nA,B\n,===';
    assert.deepEqual(prose(adoc, text), ['Head one', 'Head two', 'Cell one', 'Cell two', 'Spanning cell', 'A', 'B']);
  });

  it('runs the content of a delimited block to the first line equal to its delimiter', () => {
    const text = '====\nOne\n----\n====\nAfter this\n----\n';
    // the example block ends at its first closing line, as in Asciidoctor; the listing inside it is cut short
    assert.deepEqual(cuts(adoc, text), ['====\nOne\n----\n====\n', 'After this\n', '----\n']);
    assert.deepEqual(prose(adoc, text), ['One', 'After this']);
    // a line with an underline of about its length is a section title
    assert.deepEqual(cuts(adoc, 'Title\n-----\nText.'), ['Title\n-----\n', 'Text.']);
  });

  it('runs an unclosed delimited block to the end of the document', () => {
    assert.deepEqual(cuts(adoc, 'Para.\n\n----\ncode\n\nmore code\n'), ['Para.\n\n', '----\ncode\n\nmore code\n']);
    assert.deepEqual(prose(adoc, 'Para.\n\n----\ncode\n\nmore code\n'), ['Para.']);
  });

  it('reports line and block comments, and applies suppression directives', () => {
    const text =
      'First calls.\n\n// termguard-disable-next-line demo-rule\nSecond calls.\n\n////\ntermguard-disable-next-line\n////\nThird calls.\n\nFourth calls.';
    assert.deepEqual(commentsOf(adoc, text), [
      { source: '// termguard-disable-next-line demo-rule', body: 'termguard-disable-next-line demo-rule' },
      { source: '////\ntermguard-disable-next-line\n////', body: 'termguard-disable-next-line' },
    ]);
    const all = located(text, 'calls', 'calls', 'calls', 'calls');
    assert.deepEqual(unsuppressed(adoc, text, 'calls'), [all[0], all[3]]);
  });

  it('leaves a line comment inside a paragraph out of the prose', () => {
    assert.deepEqual(prose(adoc, 'One line\n// a note\ntwo line'), ['One line two line']);
  });

  it('cuts blocks with their attribute lines, titles and trailing blank lines', () => {
    const text = '\n\nIntro.\n\n.Title\n[source]\n----\nx\n----\n\n\n* a\n* b\n';
    assert.deepEqual(cuts(adoc, text), ['\n\n', 'Intro.\n\n', '.Title\n[source]\n----\nx\n----\n\n\n', '* a\n', '* b\n']);
    assert.deepEqual(blocksOf(adoc, ''), []);
  });

  it('keeps the reader promises on random documents', () => {
    const pieces = [
      'word',
      'two words',
      ' ',
      '\n',
      '\n',
      '\n\n',
      '*',
      '**',
      '_',
      '`',
      '+',
      '#',
      '^',
      '~',
      '{attr}',
      '[source]',
      '.Title',
      ':name: value',
      '== ',
      '= ',
      '----',
      '....',
      '====',
      '////',
      '|===',
      '|',
      'a|',
      '--',
      '// c',
      '* ',
      '. ',
      'Term:: ',
      'NOTE: ',
      '  ',
      'link:u[t]',
      'https://x.y',
      '<<a,b>>',
      'footnote:[f]',
      '\\',
      '[',
      ']',
      '((',
      '))',
      '+\n',
      '\r\n',
    ];
    checkRandomDocuments(adoc, pieces, 400);
  });

  it('reads large and hostile inputs in one pass', { timeout: 60_000 }, () => {
    for (const text of [
      '*a '.repeat(200_000),
      '`'.repeat(500_000),
      '[['.repeat(200_000),
      'link:x['.repeat(100_000),
      '====\n'.repeat(100_000),
      '* a\n'.repeat(200_000),
      '{'.repeat(300_000),
    ]) {
      let end = 0;
      for (const block of adoc(text)) end = block.end;
      assert.equal(end, text.length);
    }
  });
});
