import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanHtmlBlocks, scanSvelteBlocks, scanVueBlocks } from '../../server/src/engine/prose/html';
import {
  blocksOf,
  checkInvariants,
  checkRandomDocuments,
  checkRestarts,
  commentsOf,
  cuts,
  located,
  prose,
  unsuppressed,
  words,
} from '../helpers/readerTestkit';

const html = scanHtmlBlocks;

describe('HTML prose', () => {
  it('makes a unit of each block element, joining the words around inline elements', () => {
    const text =
      '<ul>\n  <li>The <b>agent</b> calls <a href="/x">on</a> it.</li>\n  <li>Second <em>item</em></li>\n</ul>\n<p>A para<i>graph</i>.</p>';
    assert.deepEqual(words(html, text), [
      located(text, 'The', 'agent', 'calls', 'on', 'it'),
      located(text, 'Second', 'item'),
      // intraword markup keeps one word, from its first to its last character
      [`A@${text.indexOf('A para')}`, `paragraph@${text.indexOf('para<')}`],
    ]);
    assert.deepEqual(prose(html, text), ['The agent calls on it.', 'Second item', 'A paragraph.']);
  });

  it('ends units at every element that is not inline, including unknown ones', () => {
    const text = '<div>Title<section>Body text</section>Tail</div><my-card>Card</my-card><td>x</td><td>y</td>';
    assert.deepEqual(prose(html, text), ['Title', 'Body text', 'Tail', 'Card', 'x', 'y']);
  });

  it('ends a unit at a blank line, and keeps line breaks as spaces', () => {
    const text = '<p>First line\nsecond line\n\nThird</p>';
    assert.deepEqual(prose(html, text), ['First line second line', 'Third']);
    assert.deepEqual(words(html, text)[0], located(text, 'First', 'line', 'second', 'line'));
  });

  it('skips scripts, styles, pre, template, textarea and comments', () => {
    const text =
      '<script>var calls = "on";</script><style>p { color: red }</style>\n<pre>calls on\n\nmore</pre>' +
      '<template><p>hidden</p></template><textarea>typed</textarea><!-- calls on --><p>Shown</p>';
    assert.deepEqual(prose(html, text), ['Shown']);
  });

  it('reads inline code, kbd, samp, var and images as one opaque word each', () => {
    const text = '<p>Run <code>npm i</code>, press <kbd>Ctrl</kbd> and see <img src="x.png" alt="the icon"> here.</p>';
    assert.deepEqual(words(html, text), [
      located(text, 'Run', '#npm i', 'press', '#Ctrl', 'and', 'see', '#<img', 'here'),
      located(text, 'the', 'icon'),
    ]);
  });

  it('ends an unclosed inline code element at the closing tag of its block', () => {
    const text = '<p>Use <code>x</p><p>Next para</p>';
    assert.deepEqual(prose(html, text), ['Use #', 'Next para']);
  });

  it('reads alt, title, aria-label, placeholder, labels and the meta description as prose, other attributes not', () => {
    const text =
      '<head><title>Page &amp; title</title><meta name="description" content="About the page">' +
      '<meta name="viewport" content="width=device-width"><meta content="Shared text" property="og:description"></head>' +
      '<p><a href="/calls-on" class="x" title="Link title" data-x="no">L</a></p><p><button aria-label="Close dialog">X</button></p>' +
      '<p><input placeholder="Your name"></p><p><input type="submit" value="Send now"></p><p><input type="text" value="typed"></p>' +
      '<select><option label="First choice" value="1">One</option></select>';
    assert.deepEqual(prose(html, text), [
      'Page & title',
      'About the page',
      'Shared text',
      'Link title',
      'L',
      'Close dialog',
      'X',
      '#',
      'Your name',
      '#',
      'Send now',
      '#',
      'First choice',
      'One',
    ]);
  });

  it('maps character references to exact ranges: spaces separate, punctuation reads as punctuation, letters stand for a word', () => {
    const text = '<p>Tom&nbsp;&amp;&nbsp;Jerry say&hellip; caf&eacute; AT&amp;T su&shy;per</p>';
    assert.deepEqual(words(html, text), [
      [
        `Tom@3`,
        `Jerry@${text.indexOf('Jerry')}`,
        `say@${text.indexOf('say')}`,
        `caf@${text.indexOf('caf')}`,
        `#@${text.indexOf('&eacute;')}`,
        `AT@${text.indexOf('AT')}`,
        `T@${text.indexOf('T su')}`,
        // a soft hyphen keeps the word whole: it spans the reference
        `super@${text.indexOf('su&')}`,
      ],
    ]);
    // the ellipsis ends the sentence, as the character would
    const unit = blocksOf(html, text)[0]!.units[0]!;
    assert.ok(
      unit.segments.some((s) => text.slice(s.start, s.end) === ';'),
      'the ellipsis reads as its `;`',
    );
  });

  it('maps character references in attribute values', () => {
    const text = '<img alt="Tom &amp; Jerry&rsquo;s&#32;show">';
    assert.deepEqual(words(html, text)[1], [
      ...located(text, 'Tom', 'Jerry'),
      `s@${text.indexOf(';s') + 1}`,
      `show@${text.indexOf('show')}`,
    ]);
  });

  it('reports comments with their bodies, for suppression directives', () => {
    const text = '<p>a</p>\n<!-- termguard-disable-next-line demo-rule -->\n<p>calls</p>\n<p>calls</p>\n<!--x-->';
    assert.deepEqual(commentsOf(html, text), [
      { source: '<!-- termguard-disable-next-line demo-rule -->', body: 'termguard-disable-next-line demo-rule' },
      { source: '<!--x-->', body: 'x' },
    ]);
    assert.deepEqual(unsuppressed(html, text, 'calls'), [`calls@${text.lastIndexOf('calls')}`]);
  });

  it('applies disable and enable comments to the text between them', () => {
    const text = '<p>calls</p>\n<!-- termguard-disable -->\n<p>calls <b>calls</b></p>\n<!-- termguard-enable -->\n<p>calls</p>';
    const all = located(text, 'calls', 'calls', 'calls', 'calls');
    assert.deepEqual(unsuppressed(html, text, 'calls'), [all[0], all[3]]);
  });

  it('cuts blocks at line starts where nothing is open', () => {
    const text = '<ul>\n  <li>One</li>\n  <li>Two\n  more</li>\n</ul>\n<pre>\ncode\n\n</pre>\n<p>x</p>';
    assert.deepEqual(cuts(html, text), [
      '<ul>\n',
      '  <li>One</li>\n',
      '  <li>Two\n  more</li>\n',
      '</ul>\n',
      '<pre>\ncode\n\n</pre>\n',
      '<p>x</p>',
    ]);
  });

  it('runs an unclosed comment, raw-text element or skipped element to the end of the document', () => {
    assert.deepEqual(prose(html, '<p>a</p>\n<!-- open\n<p>b</p>'), ['a']);
    assert.deepEqual(prose(html, '<p>a</p>\n<script>\n<p>b</p>'), ['a']);
    assert.deepEqual(prose(html, '<p>a</p>\n<pre>\n\n<p>b</p>'), ['a']);
    assert.deepEqual(cuts(html, '<p>a</p>\n<pre>\n\n<p>b</p>\n'), ['<p>a</p>\n', '<pre>\n\n<p>b</p>\n']);
  });

  it('never throws on malformed markup and keeps its text', () => {
    const cases = [
      '<',
      '<<p>>',
      '</>',
      '<p title="open',
      '<b><i>x</b>y</i>',
      'a & b &unknown; &#xZZ; &#99999999;',
      '<![CDATA[x]]>',
      '<?php echo 1 ?>',
      '<!doctype',
      '</p></div>text',
      '<p\n\nalt="x">y',
    ];
    for (const text of cases) checkRestarts(html, text);
    assert.deepEqual(prose(html, 'a & b &unknown; c'), ['a & b &unknown; c']);
    assert.deepEqual(prose(html, '</p></div>text'), ['text']);
  });

  it('handles the empty document, a byte-order mark and CRLF line ends', () => {
    assert.deepEqual(blocksOf(html, ''), []);
    assert.deepEqual(words(html, '\uFEFF<p>Hi</p>'), [['Hi@4']]);
    const text = '<p>One</p>\r\n<p>Two</p>\r\n';
    assert.deepEqual(cuts(html, text), ['<p>One</p>\r\n', '<p>Two</p>\r\n']);
    checkInvariants(text, blocksOf(html, text));
  });

  it('yields the same blocks when restarted at any block start, and no block depends on the text after it', () => {
    const pieces = [
      '<p>',
      '</p>',
      '<li>',
      '</li>',
      '<b>',
      '</b>',
      '<a href="x">',
      '</a>',
      '<code>',
      '</code>',
      '<pre>',
      '</pre>',
      '<script>',
      '</script>',
      '<!--',
      '-->',
      '<img alt="alt text">',
      '<br>',
      '&amp;',
      '&nbsp;',
      '&eacute;',
      '&hellip;',
      '&',
      '<',
      '>',
      '"',
      'word',
      'two words',
      ' ',
      '  ',
      '\n',
      '\n',
      '\n\n',
      '\r\n',
      '<div title="t &amp; u">',
      '</div>',
      '<title>',
      '</title>',
      '<template>',
      '</template>',
      '<kbd>',
    ];
    checkRandomDocuments(html, pieces, 400);
  });

  it('reads large and hostile inputs in one pass', { timeout: 60_000 }, () => {
    for (const text of [
      '<p>'.repeat(200_000),
      '<'.repeat(500_000),
      '&'.repeat(500_000),
      '<!--'.repeat(200_000),
      '<a b="'.repeat(100_000),
      'word\n'.repeat(200_000),
      '<code>'.repeat(100_000),
    ]) {
      let end = 0;
      for (const block of html(text)) end = block.end;
      assert.equal(end, text.length);
    }
  });
});

describe('Vue and Svelte component prose', () => {
  it('reads the text of a Vue template, with interpolations as opaque words and scripts skipped', () => {
    const text =
      '<template>\n  <div :title="bound" title="Static title">\n    Hello {{ user.name }}, you have {{ n }} items.\n' +
      '    <MyButton label="Save it" description="Saves the draft" :label="x">Save</MyButton>\n  </div>\n</template>\n' +
      '<script>\nexport default { data: () => ({ a: "<p>calls on</p>" }) }\n</script>\n<i18n>{ "en": { "x": "calls on" } }</i18n>\n<style>p{}</style>';
    assert.deepEqual(prose(scanVueBlocks, text), ['Static title', 'Hello #, you have # items.', 'Save it', 'Saves the draft', 'Save']);
    assert.deepEqual(words(scanVueBlocks, text)[1], located(text, 'Hello', '#{{ user.name }}', 'you', 'have', '#{{ n }}', 'items'));
  });

  it('reads the markup of a Svelte component, with block tags ending units', () => {
    const text =
      '<script>let a = "calls on";</script>\n{#if user}\n  <p title="Hi {name}!">Hello {user.name}, welcome {"}"} back.</p>\n{:else}\n  <p>Log in</p>\n{/if}';
    assert.deepEqual(prose(scanSvelteBlocks, text), ['Hi #!', 'Hello #, welcome # back.', 'Log in']);
  });

  it('ends a stray opening brace at the next tag', () => {
    assert.deepEqual(prose(scanSvelteBlocks, '<p>a { stray\nmore <b>x</b> y</p>'), ['a # x y']);
    assert.deepEqual(prose(scanVueBlocks, '<p>a {{ stray <b>x</b> y</p>'), ['a # x y']);
  });

  it('keeps the reader promises on random components', () => {
    const pieces = [
      '<template>',
      '</template>',
      '<p>',
      '</p>',
      '{{',
      '}}',
      '{',
      '}',
      '{#if x}',
      '{/if}',
      'word',
      ' ',
      '\n',
      '\n\n',
      '<b>',
      '</b>',
      '"',
      "'",
      '<script>',
      '</script>',
    ];
    checkRandomDocuments(scanVueBlocks, pieces, 200, 11);
    checkRandomDocuments(scanSvelteBlocks, pieces, 200, 12);
  });
});
