import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { generateMarkdown } from '../../bench/proseExtraction';
import { scanMarkdownBlocks } from '../../server/src/engine/prose/markdown/markdownReader';
import type { ProseBlock, ProseUnit } from '../../server/src/engine/prose/prose';
import { seededRandom } from '../helpers/seededRandom';
import { readerWords } from '../helpers/markdownConformance';

function blocks(text: string, from = 0): ProseBlock[] {
  return [...scanMarkdownBlocks(text, from)];
}

/** A unit as the matcher would read it: glued segments joined, others space-separated, opaque ones as `#`. */
function read(text: string, unit: ProseUnit): string {
  let out = '';
  for (const segment of unit.segments) {
    if (out.length > 0 && !segment.glued) out += ' ';
    out += segment.opaque ? '#' : text.slice(segment.start, segment.end);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Scans `text` in a worker thread; rejects when the scan takes longer than `guardMs` (a hang guard, not a speed test). */
function scanInWorker(text: string, guardMs: number): Promise<number> {
  // The worker loads the TypeScript worker file through tsx, as the tests themselves are loaded.
  const bootstrap = `require('tsx/cjs/api').require(${JSON.stringify(join(__dirname, '../helpers/markdownScanWorker.ts'))}, ${JSON.stringify(__filename)});`;
  const worker = new Worker(bootstrap, { eval: true, workerData: text });
  return new Promise<number>((resolve, reject) => {
    const guard = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the scan did not finish within ${guardMs / 1000} s`));
    }, guardMs);
    worker.once('message', (count: number) => {
      clearTimeout(guard);
      void worker.terminate();
      resolve(count);
    });
    worker.once('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
  });
}

/** Every unit of the document, read. */
function prose(text: string): string[] {
  return blocks(text).flatMap((block) => block.units.map((unit) => read(text, unit)));
}

/** The raw source slices of every segment of every unit. */
function slices(text: string): string[][] {
  return blocks(text).flatMap((block) => block.units.map((unit) => unit.segments.map((s) => text.slice(s.start, s.end))));
}

function comments(text: string): { text: string; body: string }[] {
  return blocks(text).flatMap((block) => block.comments.map((c) => ({ text: text.slice(c.start, c.end), body: c.body })));
}

/** The source slice of each block. */
function cuts(text: string): string[] {
  return blocks(text).map((block) => text.slice(block.start, block.end));
}

function isLineStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const c = text.charCodeAt(pos - 1);
  return c === 10 || (c === 13 && text.charCodeAt(pos) !== 10);
}

/** Structural invariants that every scan must satisfy. */
function checkInvariants(text: string, list: ProseBlock[], from = 0): void {
  let pos = from;
  for (const block of list) {
    assert.equal(block.start, pos, 'blocks tile the document');
    assert.ok(block.end > block.start, 'blocks are not empty');
    assert.ok(isLineStart(text, block.start), `block starts at a line start (${block.start})`);
    let last = block.start;
    for (const unit of block.units) {
      assert.ok(unit.segments.length > 0, 'units have segments');
      for (const segment of unit.segments) {
        assert.ok(segment.start >= last, `segments are ordered (${segment.start} >= ${last})`);
        assert.ok(segment.end > segment.start, 'segments are not empty');
        assert.ok(segment.end <= block.end, 'segments lie inside their block');
        if (!segment.opaque) assert.doesNotMatch(text.slice(segment.start, segment.end), /[\r\n]/, 'prose segments stay on one line');
        last = segment.end;
      }
    }
    for (const comment of block.comments) {
      assert.ok(comment.start >= block.start && comment.end <= block.end, 'comments lie inside their block');
      assert.ok(text.startsWith('<!--', comment.start), 'comments start with <!--');
      assert.ok(text.slice(comment.start, comment.end).endsWith('>'), 'comments end with >');
    }
    pos = block.end;
  }
  assert.equal(pos, Math.max(from, text.length > 0 ? text.length : 0), 'the last block ends at the end');
}

/** Restarting at (up to `samples`) block starts yields the same blocks as the full scan. */
function checkRestarts(text: string, samples = Infinity): void {
  const full = blocks(text);
  checkInvariants(text, full);
  const step = Math.max(1, Math.floor(full.length / samples));
  for (let i = 0; i < full.length; i += step) {
    const again = blocks(text, full[i].start);
    assert.deepEqual(again, full.slice(i), `restart at block ${i} (offset ${full[i].start}) of ${JSON.stringify(text.slice(0, 300))}`);
  }
}

const PIECES = [
  '> ',
  '>',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '10. ',
  '   ',
  '    ',
  '\t',
  '# ',
  '## ',
  '#',
  '|',
  ' | ',
  '---',
  '***',
  '===',
  '```',
  '~~~',
  '```js',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<script>',
  '</script>',
  '<?',
  '?>',
  '<!X',
  '<a href="x">',
  '<b>',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](u)',
  '][r]',
  '[ ] ',
  '[x] ',
  '`',
  '``',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '\\',
  '\\\n',
  ' ',
  '  ',
  'word',
  'words',
  'foo bar',
  'snake_case',
  'http://x.y/z',
  'www.a.b',
  '<http://a.b>',
  '<m@x.y>',
  ':',
  '"',
  "'",
  '[r]: /u "t"',
  '[^1]',
  '[^1]: ',
  '|---|---|',
  '| a | b |',
  '\n',
  '\n',
  '\n',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  'é',
  '—',
];

function randomDoc(rnd: () => number, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += PIECES[Math.floor(rnd() * PIECES.length)];
  return out;
}

describe('markdown block structure', () => {
  it('cuts paragraphs, headings, lists, quotes, code and breaks into top-level blocks', () => {
    const text = '# Title\n\nFirst para\ncontinues.\n\n- a\n- b\n\n  more b\n\n> quote\nlazy\n\n```\ncode\n```\n***\nlast';
    assert.deepEqual(cuts(text), [
      '# Title\n\n',
      'First para\ncontinues.\n\n',
      '- a\n- b\n\n  more b\n\n',
      '> quote\nlazy\n\n',
      '```\ncode\n```\n',
      '***\n',
      'last',
    ]);
  });

  it('keeps a whole list, with nested lists, quotes, code and lazy lines, as one block', () => {
    const text = '- one\n  - nested\n    - deeper\nlazy line\n\n  > quote in item\n\n      code in item\n- two\n\npara\nnext';
    assert.deepEqual(cuts(text), [
      '- one\n  - nested\n    - deeper\nlazy line\n\n  > quote in item\n\n      code in item\n- two\n\n',
      'para\nnext',
    ]);
  });

  it('starts a new block when the list kind changes', () => {
    assert.deepEqual(cuts('- a\n* b\n+ c\n1. d\n2. e\n1) f'), ['- a\n', '* b\n', '+ c\n', '1. d\n2. e\n', '1) f']);
  });

  it('keeps a whole block quote, with nesting and lazy lines, as one block', () => {
    assert.deepEqual(cuts('> a\n> > b\n> > > c\nlazy\n>\n> d\n\n> e'), ['> a\n> > b\n> > > c\nlazy\n>\n> d\n\n', '> e']);
  });

  it('gives leading blank lines a block of their own and trailing ones to the block before', () => {
    assert.deepEqual(cuts('\n \n\t\npara\n\n\n'), ['\n \n\t\n', 'para\n\n\n']);
    assert.deepEqual(blocks('\n\n')[0].units, []);
  });

  it('handles the empty document and documents without a final newline', () => {
    assert.deepEqual(blocks(''), []);
    assert.deepEqual(cuts('x'), ['x']);
    assert.deepEqual(prose('x'), ['x']);
  });

  it('treats YAML front matter at offset 0 as one block without prose', () => {
    const text = '---\ntitle: Seamless\nlist: [a, b]\n---\n\n# Heading\n';
    const list = blocks(text);
    assert.deepEqual(cuts(text), ['---\ntitle: Seamless\nlist: [a, b]\n---\n\n', '# Heading\n']);
    assert.deepEqual(list[0].units, []);
    assert.deepEqual(prose('---\na: b\n...\nText'), ['Text']);
  });

  it('does not take a thematic break for front matter elsewhere or without a closing line', () => {
    assert.deepEqual(prose('para\n\n---\ntitle: x\n---\n'), ['para', 'title: x']);
    assert.deepEqual(prose('---\nnot closed'), ['not closed']);
  });

  it('ends a paragraph at an interrupting block but not at a lazy-looking line', () => {
    assert.deepEqual(cuts('para\n# heading\npara\n> quote'), ['para\n', '# heading\n', 'para\n', '> quote']);
    assert.deepEqual(cuts('para\n2. not a list\n    not code'), ['para\n2. not a list\n    not code']);
    assert.deepEqual(cuts('para\n1. a list\n- another'), ['para\n', '1. a list\n', '- another']);
    // an empty item cannot interrupt a paragraph; a lone `-` underlines a setext heading
    assert.deepEqual(cuts('para\n*\nmore'), ['para\n*\nmore']);
    assert.deepEqual(cuts('para\n-\nmore'), ['para\n-\n', 'more']);
  });

  it('skips a byte-order mark at the start but keeps it in the first block', () => {
    assert.deepEqual(cuts('\uFEFF# Head\ntext'), ['\uFEFF# Head\n', 'text']);
    assert.deepEqual(prose('\uFEFF# Head\ntext'), ['Head', 'text']);
    assert.deepEqual(prose('\uFEFF---\na: b\n---\ntext'), ['text']);
    assert.deepEqual(cuts('\uFEFF'), ['\uFEFF']);
    checkRestarts('\uFEFF\n\n- a\n\nb');
  });

  it('supports \\r\\n and \\r line endings', () => {
    assert.deepEqual(cuts('a\r\nb\r\n\r\n# h\r\n'), ['a\r\nb\r\n\r\n', '# h\r\n']);
    assert.deepEqual(cuts('a\rb\r\r- x\r- y'), ['a\rb\r\r', '- x\r- y']);
    assert.deepEqual(prose('a *b*\r\nc\r\r> q\r> r'), ['a b c', 'q r']);
    assert.deepEqual(slices('a\r\nb'), [['a', 'b']]);
  });

  it('expands tabs to tab stops of four for indentation', () => {
    assert.deepEqual(prose('-\tfoo\n\n\tbar'), ['foo', 'bar']);
    assert.deepEqual(prose('>\tquoted'), ['quoted']);
    assert.deepEqual(prose('-\t\tcode in item'), []);
    assert.deepEqual(prose('\tcode'), []);
  });
});

describe('markdown prose', () => {
  it('reads paragraphs across line breaks as one unit', () => {
    assert.deepEqual(prose('We enable\nseamless  sync.'), ['We enable seamless sync.']);
    assert.deepEqual(slices('We enable\n   seamless sync.  \nend'), [['We enable', 'seamless sync.', 'end']]);
  });

  it('reads ATX and setext headings without their markers', () => {
    assert.deepEqual(slices('## Seamless sync ##\n#\tTabbed #\n# Trailing#hash\n#NotHeading'), [
      ['Seamless sync'],
      ['Tabbed'],
      ['Trailing#hash'],
      ['#NotHeading'],
    ]);
    assert.deepEqual(prose('Best in\nclass\n===\nSub *title*\n---'), ['Best in class', 'Sub title']);
    assert.deepEqual(prose('####### seven'), ['####### seven']);
    assert.deepEqual(prose('# ###'), []);
  });

  it('excludes list markers and reads items as units', () => {
    assert.deepEqual(slices('- one\n* two\n+ three\n1. four\n10) five'), [['one'], ['two'], ['three'], ['four'], ['five']]);
    assert.deepEqual(prose('- an item\n  continued\nlazily'), ['an item continued lazily']);
  });

  it('excludes GFM task-list markers', () => {
    assert.deepEqual(slices('- [ ] open task\n- [x] done task\n* [X] also'), [['open task'], ['done task'], ['also']]);
    assert.deepEqual(prose('- [ ]\n- [link](u)'), ['link']);
  });

  it('excludes block-quote markers at any depth and reads a phrase across them', () => {
    assert.deepEqual(slices('> best in\n> class'), [['best in', 'class']]);
    assert.deepEqual(prose('> > > deep\n> > > quote'), ['deep quote']);
    assert.deepEqual(prose('>>>no space\n>>>here'), ['no space here']);
    assert.deepEqual(prose('- > quoted\n  > item'), ['quoted item']);
  });

  it('makes each table cell a unit and skips the delimiter row', () => {
    const text = '| Name | Claim |\n|:-----|------:|\n| Sync | *seamless* sync |\nrow without pipes\n\nafter';
    assert.deepEqual(slices(text), [['Name'], ['Claim'], ['Sync'], ['seamless', ' sync'], ['row without pipes'], ['after']]);
    assert.deepEqual(prose('a | b\n--|--\nc | d | extra'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(slices('| a \\| b |\n|---|'), [['a ', '| b']]);
  });

  it('starts a table inside a paragraph at its header row and inside containers', () => {
    assert.deepEqual(cuts('intro\na | b\n- | -\nc | d'), ['intro\n', 'a | b\n- | -\nc | d']);
    assert.deepEqual(prose('> x | y\n> -|-\n> z\n\n- | p | q |\n  |---|---|\n  | r | s |'), ['x', 'y', 'z', 'p', 'q', 'r', 's']);
    assert.deepEqual(prose('a | b\n--|--|--'), ['a | b --|--|--']);
    assert.deepEqual(prose('Title\n---'), ['Title']);
  });

  it('ends a table at a blank line or another block', () => {
    assert.deepEqual(cuts('|a|\n|-|\n|b|\n> q'), ['|a|\n|-|\n|b|\n', '> q']);
    assert.deepEqual(prose('|a|\n|-|\n|b|\n\nc'), ['a', 'b', 'c']);
  });

  it('removes emphasis, strong and strikethrough markers but keeps their text', () => {
    assert.deepEqual(prose('a *b* **c** ***d*** _e_ __f__ ~~g~~'), ['a b c d e f g']);
    assert.deepEqual(slices('**best** in *class*'), [['best', ' in ', 'class']]);
  });

  it('glues segments split by intraword emphasis', () => {
    const text = 'en**able**d and re*use*';
    const [unit] = blocks(text)[0].units;
    assert.deepEqual(
      unit.segments.map((s) => [text.slice(s.start, s.end), !!s.glued]),
      [
        ['en', false],
        ['able', true],
        ['d and re', true],
        ['use', true],
      ],
    );
    assert.deepEqual(prose(text), ['enabled and reuse']);
  });

  it('does not glue across whitespace, line breaks or quote markers', () => {
    const text = '> a **b**\n> *c*';
    const [unit] = blocks(text)[0].units;
    assert.deepEqual(
      unit.segments.map((s) => !!s.glued),
      [false, false, false],
    );
  });

  it('keeps `_` inside words and `*` between spaces as text', () => {
    assert.deepEqual(slices('call on_error with snake_case_name'), [['call on_error with snake_case_name']]);
    assert.deepEqual(slices('2 * 3 * 4 and a ** b'), [['2 * 3 * 4 and a ** b']]);
    assert.deepEqual(prose('__init__ and _x_'), ['init and x']);
    assert.deepEqual(prose('~one~ ~~~three~~~'), ['~one~ ~~~three~~~']);
  });

  it('keeps link text and drops link targets and titles', () => {
    assert.deepEqual(slices('[seamless sync](https://x.y "Title") here'), [['seamless sync', ' here']]);
    assert.deepEqual(prose("[full][ref] [collapsed][] [shortcut] [a](<u v> 't') [b](u (t))"), ['full collapsed shortcut a b']);
    assert.deepEqual(prose('[multi\nline](u\n"title\nmore") after'), ['multi line after']);
    assert.deepEqual(prose('[a [b] c](url)'), ['a b c']);
    // links cannot contain links: the inner one wins and the outer brackets stay text
    assert.deepEqual(prose('[outer [inner](x) text](y)'), ['[outer inner text](y)']);
    assert.deepEqual(prose('[a](b c d) [e](f'), ['a(b c d) e(f']);
    assert.deepEqual(prose('x]y [ z'), ['x]y [ z']);
  });

  it('treats images, code spans, autolinks, bare URLs and inline HTML as opaque words', () => {
    assert.deepEqual(prose('see ![alt *text*](i.png "t") now'), ['see # now']);
    assert.deepEqual(prose('![ref image][r] and ![short]'), ['# and #']);
    assert.deepEqual(prose('calls `x` on `` a ` b `` it'), ['calls # on # it']);
    assert.deepEqual(prose('<https://x.y/z> and <me@example.com>'), ['# and #']);
    assert.deepEqual(prose('at https://x.y/a?b=c, www.example.com. and http://q.r/(s)'), ['at #, #. and #']);
    assert.deepEqual(prose('a <b>bold</b> <img src="x" alt=\'y\' /> <?pi?> <!DOCTYPE x> <![CDATA[ d ]]> z'), ['a #bold# # # # # z']);
    assert.deepEqual(prose('<span\nclass="x">tag over lines</span>'), ['#tag over lines#']);
    assert.deepEqual(prose('see [^note] here'), ['see # here']);
  });

  it('covers the whole opaque construct with one segment', () => {
    const text = 'x `a b` y';
    const segment = blocks(text)[0].units[0].segments[1];
    assert.deepEqual([text.slice(segment.start, segment.end), segment.opaque], ['`a b`', true]);
    const quoted = '> a `code\n> span` b';
    const opaque = blocks(quoted)[0].units[0].segments.find((s) => s.opaque);
    assert.equal(quoted.slice(opaque?.start, opaque?.end), '`code\n> span`');
  });

  it('leaves unmatched backticks, brackets and angle brackets as text', () => {
    assert.deepEqual(prose('a ``b` c'), ['a ``b` c']);
    assert.deepEqual(prose('a < b > c and <notatag'), ['a < b > c and <notatag']);
    assert.deepEqual(prose('http:// and www. alone'), ['http:// and www. alone']);
    assert.deepEqual(prose('xhttp://a.b and awww.c.d'), ['xhttp://a.b and awww.c.d']);
  });

  it('drops escape backslashes and hard-break backslashes but keeps the escaped characters', () => {
    assert.deepEqual(slices('\\*not emphasis\\* a\\\\b'), [['*not emphasis', '* a', '\\b']]);
    assert.deepEqual(slices('hard\\\nbreak'), [['hard', 'break']]);
    assert.deepEqual(slices('ends with\\'), [['ends with\\']]);
    assert.deepEqual(prose('\\`not code\\` &amp; &copy;'), ['`not code` &amp; &copy;']);
  });

  it('ignores fenced code of any length, with info strings, and unclosed fences to the end of their container', () => {
    assert.deepEqual(prose('```js\nseamless\n```\n~~~~ yaml\nx\n~~~\n~~~~\nafter'), ['after']);
    assert.deepEqual(prose('````\n```\nstill code\n````\ntext'), ['text']);
    assert.deepEqual(prose('- ```\n  unclosed\n- item\n\n> ~~~\n> unclosed\n\noutside'), ['item', 'outside']);
    assert.deepEqual(prose('``` not`fence\ntext'), ['``` not`fence text']);
    assert.deepEqual(prose('para\n```\ncode'), ['para']);
  });

  it('ignores indented code, but not indented paragraph continuations', () => {
    assert.deepEqual(prose('    code\n\n\tcode\n\npara\n    continued'), ['para continued']);
    assert.deepEqual(prose('- item\n\n      code in item\n  para in item'), ['item', 'para in item']);
  });

  it('ignores link reference definitions', () => {
    assert.deepEqual(prose('[ref]: https://x.y "Title"\n[other]:\n  <u v>\n  \'t\'\nText after'), ['Text after']);
    assert.deepEqual(prose('[ref]: /u\n"title"'), []);
    assert.deepEqual(prose('[ref]: /u "bad" extra'), ['ref: /u "bad" extra']);
    assert.deepEqual(prose('[^1]: Footnote *text*.'), ['Footnote text.']);
  });

  it('ignores HTML blocks and thematic breaks', () => {
    assert.deepEqual(prose('<div>\nseamless\n</div>\n\n---\n* * *\n_ _ _\n\ntext'), ['text']);
    assert.deepEqual(prose('<script>\nx\n\ny\n</script>\ntext'), ['text']);
    assert.deepEqual(prose('<custom-tag a="b">\nhidden\n\nshown'), ['shown']);
    assert.deepEqual(prose('para\n<custom-tag>\nstill para'), ['para # still para']);
  });
});

describe('markdown comments', () => {
  it('reports block-level HTML comments, one-line and multi-line', () => {
    const text = '<!-- termguard-disable rule -->\ntext\n\n<!--\n  multi\n  line\n-->\n';
    assert.deepEqual(comments(text), [
      { text: '<!-- termguard-disable rule -->', body: 'termguard-disable rule' },
      { text: '<!--\n  multi\n  line\n-->', body: 'multi\n  line' },
    ]);
    assert.deepEqual(prose(text), ['text']);
  });

  it('reports inline comments and removes them from prose without an opaque word', () => {
    const text = 'best <!-- ok --> in class and fo<!-- x -->o';
    assert.deepEqual(comments(text), [
      { text: '<!-- ok -->', body: 'ok' },
      { text: '<!-- x -->', body: 'x' },
    ]);
    assert.deepEqual(prose(text), ['best in class and foo']);
  });

  it('reports multi-line inline comments, inside containers too', () => {
    assert.deepEqual(comments('a <!-- one\ntwo --> b'), [{ text: '<!-- one\ntwo -->', body: 'one\ntwo' }]);
    assert.deepEqual(comments('> a <!-- one\n> two --> b'), [{ text: '<!-- one\n> two -->', body: 'one\ntwo' }]);
    assert.deepEqual(comments('> <!-- block\n> comment -->'), [{ text: '<!-- block\n> comment -->', body: 'block\ncomment' }]);
  });

  it('reports comments inside HTML blocks, list items and headings, and the short forms', () => {
    assert.deepEqual(
      comments('<div>\n<!-- in div -->\n</div>\n\n- item <!-- in item -->\n\n# Head <!-- in heading -->\n\n<!--> <!---> x'),
      [
        { text: '<!-- in div -->', body: 'in div' },
        { text: '<!-- in item -->', body: 'in item' },
        { text: '<!-- in heading -->', body: 'in heading' },
        { text: '<!-->', body: '' },
        { text: '<!--->', body: '' },
      ],
    );
  });

  it('does not report comments in code or unclosed comments', () => {
    assert.deepEqual(comments('`<!-- x -->`\n\n```\n<!-- y -->\n```\n\n    <!-- z -->\n\n<!-- open\n\ntext'), []);
    assert.deepEqual(comments('a <!-- open\n\nb'), []);
    assert.deepEqual(prose('a <!-- open\n\nb'), ['a <!-- open', 'b']);
  });
});

describe('markdown words where CommonMark differs from a quick reading', () => {
  it('reads a link reference definition whose label or title spans several lines as a definition, not prose', () => {
    assert.deepEqual(prose("[foo]: /url '\ntitle\nline1\nline2\n'\n\nafter"), ['after']);
    assert.deepEqual(prose('[\nfoo\n]: /url\nbar'), ['bar']);
    assert.deepEqual(prose('[Foo\n  bar]: /url\n\n[Baz][Foo bar]'), ['Baz']);
    assert.deepEqual(prose('[a]: /u "one\ntwo"\n[b]: /v\ntext'), ['text']);
    // a title that does not end its line: no definition when it starts on the destination's line ...
    assert.deepEqual(prose('[foo]: /url "title\nmore" extra'), ['foo: /url "title more" extra']);
    // ... and a definition without a title when it starts on a line of its own
    assert.deepEqual(prose('[foo]: /url\n"title\nmore" extra\nnext'), ['"title more" extra next']);
  });

  it('keeps words apart across literal brackets and asterisks', () => {
    assert.deepEqual(readerWords('ChatGPT[1] is cited.'), ['ChatGPT', '1', 'is', 'cited']);
    assert.deepEqual(readerWords('5*ChatGPT and GPT-4'), ['5', 'ChatGPT', 'and', 'GPT-4']);
    assert.deepEqual(prose('5*ChatGPT'), ['5*ChatGPT']);
    assert.deepEqual(readerWords('[ChatGPT]Enterprise'), ['ChatGPT', 'Enterprise']);
    // real emphasis and real links still join a word, as they render
    assert.deepEqual(readerWords('en**able**d, re*use* and [Chat](u)GPT'), ['enabled', 'reuse', 'and', 'ChatGPT']);
  });

  it('pairs emphasis delimiters as CommonMark does, leaving unpaired ones as text', () => {
    assert.deepEqual(readerWords('_foo*'), ['_foo']);
    assert.deepEqual(readerWords('__foo_'), ['_foo']);
    assert.deepEqual(readerWords('*foo _bar* baz_'), ['foo', '_bar', 'baz_']);
    assert.deepEqual(readerWords('_foo [bar_](/url)'), ['_foo', 'bar_']);
    assert.deepEqual(readerWords('foo******bar*********baz'), ['foobar', 'baz']);
    assert.deepEqual(readerWords('*a***b*'), ['a', 'b']);
  });

  it('pairs delimiters in linear time on hostile input', async () => {
    for (const unit of ['*a**', '_a__b', '***a*', '[*a]', '*a [b', '**a*b', '~~a~', 'a*b_c**d__']) {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      checkInvariants(text, blocks(text));
    }
    // Closers that find no opener among many openers of another kind: a scan that searched
    // all of them for every closer would run for minutes, and the guard stops it.
    assert.equal(await scanInWorker('_a '.repeat(150_000) + 'b* '.repeat(150_000), 30_000), 1);
  });

  it('takes an opening --- for front matter only when the lines up to the closing line are YAML keys, or none', () => {
    assert.deepEqual(prose('---\nFoo\n---\nBar\n---\nBaz\n'), ['Foo', 'Bar', 'Baz']);
    assert.deepEqual(prose('---\nThis is not YAML.\n---\nText'), ['This is not YAML.', 'Text']);
    assert.deepEqual(prose('---\ntitle: Seamless\ntags: [a, b]\n---\nText'), ['Text']);
    assert.deepEqual(prose('---\n---\nText'), ['Text']);
    assert.deepEqual(prose('---\n# a comment\nlist:\n  - a\n- b\nsummary: >\n  folded\n  text\n"quoted key": v\n\nempty:\n...\nText'), [
      'Text',
    ]);
    assert.deepEqual(prose('---\nkey: value\nbut then a sentence\n---\nText'), ['key: value but then a sentence', 'Text']);
  });
});

describe('markdown restart property', () => {
  const samples = [
    '# T\n\npara\n\n- a\n  - b\n\n  c\n- d\n\n> q\n> > r\nlazy\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode\n\n```\n\n    ind\n\n<div>\n\nx',
    '---\nfm: 1\n---\n\n\npara\n===\n\n[r]: /u\n\n<!-- c -->\n\n1. x\n\n   y\n2. z\n\n* * *\n- [ ] t',
    '- a\n---\n- b\n\n***\n> x\n- y\n\n1) q\n\n2) r\n\n3. s',
    '```\nunclosed\n\n# not heading',
    '> ```\n> code\n\n# heading',
    '<!-- multi\n\nline -->\n\ntext',
    'a\r\nb\r\n\r\n- c\r\n\r\n  d\r\n',
  ];
  for (const [i, text] of samples.entries()) {
    it(`holds for sample ${i}`, () => checkRestarts(text));
  }

  it('holds for generated realistic documents', () => {
    for (let seed = 1; seed <= 8; seed++) checkRestarts(generateMarkdown(30_000, seed), 40);
  });

  it('holds for random Markdown-like documents', () => {
    const rnd = seededRandom(42);
    for (let i = 0; i < 400; i++) checkRestarts(randomDoc(rnd, 10 + Math.floor(rnd() * 120)));
  });

  it('holds for random documents made of whole lines', () => {
    const rnd = seededRandom(7);
    const lines = [
      '',
      '',
      'para',
      '> q',
      '>',
      '- a',
      '  b',
      '    c',
      '1. x',
      '   y',
      '```',
      '~~~',
      '# h',
      '---',
      '===',
      '|a|b|',
      '|-|-|',
      '<div>',
      '<!--',
      '-->',
      '[r]: /u',
      '- [ ] t',
      '  - n',
      '\tt',
      '> - q',
      '> > r',
      '***',
      '<!-- c -->',
      '* s',
    ];
    for (let i = 0; i < 400; i++) {
      const n = 2 + Math.floor(rnd() * 25);
      const parts: string[] = [];
      for (let j = 0; j < n; j++) parts.push(lines[Math.floor(rnd() * lines.length)]);
      checkRestarts(parts.join(rnd() < 0.2 ? '\r\n' : '\n'));
    }
  });
});

describe('markdown robustness', () => {
  const hostile: [string, string][] = [
    ['open brackets', '['.repeat(100_000)],
    ['close brackets', ']'.repeat(100_000)],
    ['bracket pairs', '[a]('.repeat(30_000)],
    ['link tails', '[a](b'.repeat(20_000)],
    ['unclosed titles', '[a](b "'.repeat(15_000)],
    ['image openers', '!['.repeat(50_000)],
    ['stars', '*'.repeat(100_000)],
    ['alternating stars', '*a'.repeat(50_000)],
    ['underscores', '_a_'.repeat(35_000)],
    ['backticks', '`'.repeat(100_000)],
    ['backtick runs', Array.from({ length: 3000 }, (_, i) => '`'.repeat((i % 300) + 1) + ' x ').join('')],
    ['nested quotes', '>'.repeat(100_000)],
    ['nested quote lines', ('>'.repeat(300) + ' a\n').repeat(300)],
    ['nested lists', '- '.repeat(50_000)],
    ['nested list lines', Array.from({ length: 1000 }, (_, i) => ' '.repeat(i * 2) + '- a').join('\n')],
    ['comment openers', '<!--'.repeat(25_000)],
    ['tag openers', '<a b="'.repeat(16_000)],
    ['tag attributes', '<a ' + 'b=c '.repeat(25_000)],
    ['declarations', '<!X'.repeat(33_000)],
    ['processing instructions', '<?'.repeat(50_000)],
    ['cdata', '<![CDATA['.repeat(11_000)],
    ['autolinks', '<http:'.repeat(16_000)],
    ['bare URLs', 'http://'.repeat(14_000)],
    ['www', 'www.'.repeat(25_000)],
    ['parens', 'http://x.y/' + ')'.repeat(100_000)],
    ['escapes', '\\'.repeat(100_000)],
    ['table pipes', '|'.repeat(100_000) + '\n|' + '-|'.repeat(50_000)],
    ['table rows', '|a|b|\n|-|-|\n' + '|x|y|\n'.repeat(20_000)],
    ['fences', '```\n'.repeat(25_000)],
    ['emphasis in table cells', '|' + '*a|'.repeat(30_000) + '\n|' + '-|'.repeat(30_000)],
    ['CR line endings', 'a *b*\r> c\r- d\r\r'.repeat(10_000)],
    ['CRLF line endings', 'a *b*\r\n> c\r\n- d\r\n\r\n'.repeat(8_000)],
    ['long line', 'word *em* `code` [link](u) '.repeat(20_000)],
    ['blank lines', '\n'.repeat(100_000)],
    ['spaces', ' '.repeat(100_000)],
    ['tabs', '\t'.repeat(100_000) + 'x'],
    ['link labels', '[a]['.repeat(25_000)],
    ['footnotes', '[^'.repeat(50_000)],
  ];
  for (const [name, text] of hostile) {
    // Speed on these inputs is measured by `npm run bench` (hostile Markdown rows); here only that the result is valid.
    it(`is valid on ${name} (${text.length} chars)`, () => {
      checkInvariants(text, blocks(text));
    });
  }

  it('never throws on random input', () => {
    const rnd = seededRandom(99);
    const alphabet = '\n\r\t >-*_+#`~|[]()!<>:/\\"\'=.1aé&;?';
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = Math.floor(rnd() * 400);
      for (let j = 0; j < n; j++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      checkInvariants(text, blocks(text));
    }
  });

  it('scans a 50 MB document to the end', () => {
    const text = generateMarkdown(50_000_000, 5);
    assert.equal(text.length, 50_000_000);
    let end = 0;
    let count = 0;
    for (const block of scanMarkdownBlocks(text)) {
      assert.equal(block.start, end);
      end = block.end;
      count++;
    }
    assert.equal(end, text.length);
    assert.ok(count > 10_000);
  });

  // That a restart costs only the blocks taken (laziness) is measured by `npm run bench`; here, that it starts where asked.
  it('restarts at a block start and yields the block the full scan yields there', () => {
    const text = generateMarkdown(2_000_000, 3) + '\r\nlast';
    const full = [...scanMarkdownBlocks(text)];
    const from = full[Math.floor(full.length / 2)]!;
    const restarted = scanMarkdownBlocks(text, from.start).next().value;
    assert.deepEqual(restarted, from);
  });

  it('gives interleaved scans of different documents their own results', () => {
    const a = generateMarkdown(5000, 1);
    const b = generateMarkdown(5000, 2);
    const expectedA = blocks(a);
    const expectedB = blocks(b);
    const ia = scanMarkdownBlocks(a);
    const ib = scanMarkdownBlocks(b);
    const gotA: ProseBlock[] = [];
    const gotB: ProseBlock[] = [];
    for (;;) {
      const x = ia.next();
      const y = ib.next();
      if (!x.done) gotA.push(x.value);
      if (!y.done) gotB.push(y.value);
      if (x.done && y.done) break;
    }
    assert.deepEqual(gotA, expectedA);
    assert.deepEqual(gotB, expectedB);
  });
});
