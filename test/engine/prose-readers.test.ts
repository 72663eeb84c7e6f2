/**
 * The document-reader contract (engine/prose/reader.ts), checked for every
 * registered reader on the same documents: a new reader is held to it by
 * registering. Also the registry, and how the incremental checker relies on
 * `opensUnclosedPreamble`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateMarkdown } from '../../bench/proseExtraction';
import type { CheckResult, DocumentKind } from '../../server/src/engine/index';
import { markdownReader } from '../../server/src/engine/prose/markdown/markdownReader';
import { plainTextReader } from '../../server/src/engine/prose/plaintext/plainTextReader';
import type { ProseBlock } from '../../server/src/engine/prose/prose';
import type { DocumentReader } from '../../server/src/engine/prose/reader';
import { allDocumentKinds, allReaders, readerFor } from '../../server/src/engine/prose/readers';
import { seededRandom } from '../helpers/seededRandom';
import { builtinEngine } from '../helpers/builtinEngine';

/** Documents every reader must cope with: each format's own syntax is plain text to the others. */
const DOCUMENTS = [
  '',
  'x',
  '\n\n\n',
  '\uFEFFfirst\n\nsecond',
  'One paragraph\nover two lines.\n\nAnother one.\n',
  'a\r\nb\r\n\r\nc\rd\r\re',
  '---\ntitle: x\n---\n\n# Heading\n\nText with *emphasis*, `code`, [a link](http://x.y) and <!-- a comment -->.\n',
  '> quoted\n> > deeper\n\n- item\n  - nested\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode\n```\n',
  '<div>\n<!-- termguard-disable -->\n</div>\n\n<!--\nmulti\nline\n-->\nafter',
  '\t\tindented\n    more\n\n  \n',
  generateMarkdown(20_000, 3),
];

function randomDocument(rnd: () => number): string {
  const pieces = [
    'word ',
    'two words',
    '\n',
    '\n\n',
    '\r\n',
    '> ',
    '- ',
    '# ',
    '`',
    '*',
    '[',
    '](u)',
    '<!--',
    '-->',
    '---\n',
    '|',
    '\t',
    ' ',
    'é',
  ];
  let out = '';
  for (let i = 0, n = Math.floor(rnd() * 60); i < n; i++) out += pieces[Math.floor(rnd() * pieces.length)];
  return out;
}

function isLineStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const c = text.charCodeAt(pos - 1);
  return c === 10 || (c === 13 && text.charCodeAt(pos) !== 10);
}

/** Guarantees 1, 2 and 5 of the contract: exact ranges, tiling, comments inside their blocks. */
function checkBlocks(reader: DocumentReader, text: string, list: readonly ProseBlock[], from: number): void {
  let pos = from;
  for (const block of list) {
    assert.equal(block.start, pos, `${reader.kind}: blocks tile the text`);
    assert.ok(block.end > block.start, `${reader.kind}: blocks are not empty`);
    assert.ok(isLineStart(text, block.start), `${reader.kind}: a block starts at a line start (${block.start})`);
    let last = block.start;
    for (const unit of block.units) {
      assert.ok(unit.segments.length > 0, `${reader.kind}: units have segments`);
      for (const segment of unit.segments) {
        assert.ok(
          segment.start >= last && segment.end > segment.start && segment.end <= block.end,
          `${reader.kind}: segments are ordered, non-empty and inside their block`,
        );
        if (!segment.opaque)
          assert.doesNotMatch(text.slice(segment.start, segment.end), /[\r\n]/, `${reader.kind}: prose segments hold no line ending`);
        last = segment.end;
      }
    }
    for (const comment of block.comments) {
      assert.ok(
        comment.start >= block.start && comment.end <= block.end && comment.start < comment.end,
        `${reader.kind}: comments lie inside their block`,
      );
      assert.equal(comment.body, comment.body.trim(), `${reader.kind}: comment bodies are trimmed`);
    }
    pos = block.end;
  }
  assert.equal(pos, Math.max(from, text.length), `${reader.kind}: the last block ends at the end`);
}

/** Guarantee 3: restarting at any block start, given its context, yields the same blocks as the full scan. */
function checkRestarts(reader: DocumentReader, text: string, samples = Infinity): void {
  const full = [...reader.scanBlocks(text)];
  checkBlocks(reader, text, full, 0);
  const step = Math.max(1, Math.floor(full.length / samples));
  for (let i = 0; i < full.length; i += step) {
    assert.deepEqual(
      [...reader.scanBlocks(text, full[i]!.start, full[i]!.context)],
      full.slice(i),
      `${reader.kind}: restart at block ${i} of ${JSON.stringify(text.slice(0, 200))}`,
    );
  }
}

describe('the document-reader registry', () => {
  it('has a reader for every kind, which says it reads that kind', () => {
    const kinds = allDocumentKinds();
    assert.ok(kinds.includes('html') && kinds.includes('python'), 'the registry holds the new kinds');
    for (const kind of kinds) assert.equal(readerFor(kind).kind, kind);
    assert.deepEqual(
      allReaders()
        .map((reader) => reader.kind)
        .sort(),
      [...kinds].sort(),
    );
    assert.equal(readerFor('markdown'), markdownReader);
    assert.equal(readerFor('plaintext'), plainTextReader);
  });

  it('reads a kind it does not know as plain text, without throwing', () => {
    assert.equal(readerFor('klingon' as DocumentKind), plainTextReader);
    assert.equal(readerFor('constructor' as DocumentKind), plainTextReader);
  });
});

describe('every reader keeps the contract', () => {
  for (const reader of allReaders()) {
    it(`${reader.kind}: tiles, keeps exact ranges and restarts at every block start`, () => {
      for (const text of DOCUMENTS) checkRestarts(reader, text, 50);
      const rnd = seededRandom(31);
      for (let i = 0; i < 300; i++) checkRestarts(reader, randomDocument(rnd));
    });

    it(`${reader.kind}: reads a blank line as a block of its own, so a window scanned behind one opens no preamble`, () => {
      for (const text of DOCUMENTS) {
        const list = [...reader.scanBlocks(`\n${text}`)];
        if (text.length > 0 && !/^[ \t]*(\r\n|\n|\r)/.test(text))
          assert.equal(list[0]?.end, 1, `${reader.kind}: ${JSON.stringify(text.slice(0, 40))}`);
      }
    });

    it(`${reader.kind}: reports a comment written in its comment syntax with its body, or none if it has no comments`, () => {
      const syntax = reader.commentSyntax;
      if (!syntax) {
        for (const text of DOCUMENTS) for (const block of reader.scanBlocks(text)) assert.deepEqual(block.comments, []);
        return;
      }
      const text = `Before.\n\n${syntax.open} termguard-disable-next-line memo/x ${syntax.close}\nAfter.\n`;
      const comments = [...reader.scanBlocks(text)].flatMap((block) => block.comments);
      assert.deepEqual(
        comments.map((comment) => comment.body),
        ['termguard-disable-next-line memo/x'],
      );
    });
  }
});

describe('markdown preamble (front matter) for incremental re-checks', () => {
  it('says when the top of a document opens front matter that is not closed yet', () => {
    const opens = (text: string): boolean => markdownReader.opensUnclosedPreamble!(text);
    assert.equal(opens('---\n'), true);
    assert.equal(opens('---'), true);
    assert.equal(opens('---\ntitle: x\n'), true);
    assert.equal(opens('\uFEFF---\ntitle: x\n'), true);
    assert.equal(opens('---\ntitle: x\n---\n'), false);
    assert.equal(opens('---\ntitle: x\n...'), false);
    assert.equal(opens('title: x\n'), false);
    assert.equal(opens(' ---\n'), false);
    assert.equal(opens(''), false);
  });

  function summary(result: CheckResult): string[] {
    return result.findings.map((finding) => `${finding.range.start}-${finding.range.end} ${finding.ruleId}`);
  }

  it('re-checks from the top when a line typed far below closes front matter after a byte-order mark', () => {
    const engine = builtinEngine();
    let text = '\uFEFF---\ndescription: The SRE enables access to ChatGPT.\n\nnotes: more\n\nsummary: last\n';
    const session = engine.openDocument(text, 'markdown');
    assert.deepEqual(summary(session.result()), summary(engine.check(text, 'markdown')));
    const edit = { range: { start: text.length, end: text.length }, newText: '---\n' };
    session.update([edit]);
    text += edit.newText;
    assert.deepEqual(summary(session.result()), summary(engine.check(text, 'markdown')));
  });

  it('re-checks from the top when an edit below decides whether the top is front matter', () => {
    const engine = builtinEngine();
    const claim = 'The SRE enables access to ChatGPT.';
    const cases: [string, string, string][] = [
      // a line of prose typed into front matter makes it a thematic break and paragraphs
      [`---\ntitle: x\nsummary: ${claim}\n---\n\nBody.\n`, 'title: x\n', 'This is prose.\n'],
      // a closing line typed under YAML-looking paragraphs makes them front matter
      [`---\nkey: a\n\n# comment\n\n- item\nc: ${claim}\nnot yaml\n\nBody.\n`, '- item\nc: The SRE enables access to ChatGPT.\n', '---\n'],
      // an opening --- over prose stays a thematic break, however far below a closing line is typed
      [`---\n\n${claim}\n\n${'Filler paragraph.\n\n'.repeat(20)}`, 'Filler paragraph.\n\n'.repeat(20), '---\n'],
    ];
    for (const [text, after, insert] of cases) {
      const at = text.indexOf(after) + after.length;
      const session = engine.openDocument(text, 'markdown');
      session.update([{ range: { start: at, end: at }, newText: insert }]);
      const edited = text.slice(0, at) + insert + text.slice(at);
      assert.deepEqual(summary(session.result()), summary(engine.check(edited, 'markdown')), JSON.stringify(edited));
      session.update([{ range: { start: at, end: at + insert.length }, newText: '' }]);
      assert.deepEqual(summary(session.result()), summary(engine.check(text, 'markdown')), JSON.stringify(text));
    }
  });

  it('gives the same result as a full check after random edits near front matter', () => {
    const engine = builtinEngine();
    const snippets = [
      '---\n',
      '...\n',
      'key: value\n',
      '  nested: 1\n',
      '- item\n',
      '# comment\n',
      '\n',
      'The SRE enables access to ChatGPT.\n',
      'prose line\n',
      '\uFEFF',
      'x',
    ];
    const rnd = seededRandom(2024);
    for (let round = 0; round < 40; round++) {
      let text = '---\ntitle: x\n---\n\nThe SRE enables access to ChatGPT.\n\nEnd.\n';
      const session = engine.openDocument(text, 'markdown');
      for (let step = 0; step < 30; step++) {
        const start = Math.floor(rnd() * (text.length + 1));
        const end = Math.min(text.length, start + (rnd() < 0.6 ? 0 : Math.floor(rnd() * 12)));
        const newText = rnd() < 0.25 ? '' : snippets[Math.floor(rnd() * snippets.length)]!;
        session.update([{ range: { start, end }, newText }]);
        text = text.slice(0, start) + newText + text.slice(end);
        assert.deepEqual(
          summary(session.result()),
          summary(engine.check(text, 'markdown')),
          `round ${round}, step ${step}: ${JSON.stringify(text)}`,
        );
      }
    }
  });

  it('does not re-check from the top for an edit below the line that decides there is no front matter', () => {
    const engine = builtinEngine();
    const text = `---\n\nThe SRE enables access to ChatGPT.\n\n${'Filler paragraph.\n\n'.repeat(20)}`;
    const session = engine.openDocument(text, 'markdown');
    assert.equal(session.result().findings.length, 1);
    const splice = session.applyEdits([{ range: { start: text.length, end: text.length }, newText: 'More.\n' }]);
    assert.equal(splice?.start, 1, 'the finding above the edit is kept, not re-checked');
  });
});
