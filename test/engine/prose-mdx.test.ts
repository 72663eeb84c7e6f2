import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanMdxBlocks } from '../../server/src/engine/prose/mdx';
import { blocksOf, checkRandomDocuments, commentsOf, cuts, located, prose, unsuppressed, words } from '../helpers/readerTestkit';

const mdx = scanMdxBlocks;

describe('MDX prose', () => {
  it('reads the Markdown around ESM, with exact word offsets', () => {
    const text =
      "import { Callout } from './components'\nexport const meta = {\n  title: 'Not prose here',\n}\n\n# The agent calls\n\nIt calls **on** the model.";
    assert.deepEqual(prose(mdx, text), ['The agent calls', 'It calls on the model.']);
    assert.deepEqual(words(mdx, text)[1], located(text, 'It', 'calls', 'on', 'the', 'model'));
  });

  it('reads JSX text children as Markdown, and visible props, not other props', () => {
    const text =
      '<Callout type="info" title="A visible title" className="flex items-center">\n  The agent **calls** on the model.\n</Callout>\n\n<Chart data={[1, 2]} alt="Chart of sales" />';
    assert.deepEqual(prose(mdx, text), ['A visible title', 'The agent calls on the model.', 'Chart of sales']);
  });

  it('joins words across inline tags and reads an expression as one word', () => {
    const text = 'Try <b>en</b>abled mode with {count} items and <Kbd>Ctrl</Kbd> keys.';
    assert.deepEqual(prose(mdx, text), ['Try en abled mode with # items and Ctrl keys.'.replace('en abled', 'enabled')]);
    assert.deepEqual(words(mdx, text).flat().slice(0, 5), [
      ...located(text, 'Try'),
      `enabled@${text.indexOf('en</b>')}`,
      ...located(text, 'mode', 'with'),
      `#@${text.indexOf('{count}')}`,
    ]);
  });

  it('reports {/* */} comments, and applies suppression directives written in them', () => {
    const text =
      'The agent calls here.\n\n{/* termguard-disable-next-line demo-rule */}\nThe agent calls again.\n\nThe agent calls once more.';
    assert.deepEqual(commentsOf(mdx, text), [
      { source: '{/* termguard-disable-next-line demo-rule */}', body: 'termguard-disable-next-line demo-rule' },
    ]);
    const all = located(text, 'calls', 'calls', 'calls');
    assert.deepEqual(unsuppressed(mdx, text, 'calls'), [all[0], all[2]]);
  });

  it('does not look into fenced code or code spans', () => {
    const text = '```jsx\n<Button title="Not read" />\n{expression}\n```\n\nUse `<Tag title="x">` and `{x}` here.';
    assert.deepEqual(prose(mdx, text), ['Use # and # here.']);
  });

  it('reads on after a syntax error: an unclosed tag or expression hides only the rest of its paragraph', () => {
    const text = 'A broken <Tag with no end\nnext line\n\nand { an open brace\n\nThe rest <b>still</b> reads.';
    assert.deepEqual(prose(mdx, text), ['A broken', 'and', 'The rest still reads.']);
  });

  it('cuts the blocks the Markdown reader cuts', () => {
    const text = 'import X from "x"\n\n# Title\n\nPara {x}\nmore.\n\n<Note>\n  Inside.\n</Note>\n';
    assert.deepEqual(cuts(mdx, text), ['import X from "x"\n\n', '# Title\n\n', 'Para {x}\nmore.\n\n', '<Note>\n  Inside.\n</Note>\n']);
    assert.deepEqual(blocksOf(mdx, ''), []);
  });

  it('keeps the reader promises on random documents', () => {
    const pieces = [
      'word',
      'two words',
      ' ',
      '\n',
      '\n',
      '\n\n',
      '<b>',
      '</b>',
      '<Note title="t">',
      '</Note>',
      '<X />',
      '{',
      '}',
      '{x}',
      '{/* c */}',
      'import a from "b"\n',
      'export const x = 1\n',
      '```',
      '`',
      '# ',
      '- ',
      '> ',
      '**',
      '"',
      '<',
      '>',
      '\\',
      '    ',
    ];
    checkRandomDocuments(mdx, pieces, 300);
  });

  it('reads large and hostile inputs in one pass', { timeout: 60_000 }, () => {
    for (const text of [
      '<a '.repeat(100_000),
      '{'.repeat(200_000),
      '<b>x</b>'.repeat(100_000),
      'import x\n'.repeat(100_000),
      '{"'.repeat(100_000),
    ]) {
      let end = 0;
      for (const block of mdx(text)) end = block.end;
      assert.equal(end, text.length);
    }
  });
});
