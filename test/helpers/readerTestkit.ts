/**
 * Shared checks for the prose readers (`server/src/engine/prose/<kind>/`):
 * what a reader extracts, read back the way the matcher reads it, and the
 * structural promises every reader makes (blocks tile the text from line
 * starts, restarting at a block start yields the same blocks, a block never
 * depends on text after it).
 */
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine/api';
import type { CommentSpan, ProseBlock, ProseUnit } from '../../server/src/engine/prose/prose';
import { applySuppressions, type LineLookup } from '../../server/src/engine/document/suppressions';
import { tokenizeUnit } from '../../server/src/engine/text/tokenize';
import { seededRandom } from './seededRandom';

/** A reader: the signature every `scan...Blocks` function has. */
export type Reader = (text: string, from?: number) => Generator<ProseBlock>;

export function blocksOf(reader: Reader, text: string, from = 0): ProseBlock[] {
  return [...reader(text, from)];
}

/** A unit as the matcher would read it: glued segments joined, others space-separated, opaque ones as `#`. */
export function readUnit(text: string, unit: ProseUnit): string {
  let out = '';
  for (const segment of unit.segments) {
    if (out.length > 0 && !segment.glued) out += ' ';
    out += segment.opaque ? '#' : text.slice(segment.start, segment.end);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Every unit of the document, read. */
export function prose(reader: Reader, text: string): string[] {
  return blocksOf(reader, text).flatMap((block) => block.units.map((unit) => readUnit(text, unit)));
}

/**
 * Every unit's words as the engine's tokenizer finds them, each written
 * `word@offset` (opaque words as `#@offset`): the exact source ranges
 * findings would get.
 */
export function words(reader: Reader, text: string): string[][] {
  return blocksOf(reader, text).flatMap((block) =>
    block.units.map((unit) => {
      const found: string[] = [];
      tokenizeUnit(text, unit, (sentence) => {
        for (const token of sentence.tokens) found.push(`${token.opaque ? '#' : token.text}@${token.start}`);
      });
      return found;
    }),
  );
}

/** Every comment: its source and its body. */
export function commentsOf(reader: Reader, text: string): { source: string; body: string }[] {
  return blocksOf(reader, text).flatMap((block) =>
    block.comments.map((comment) => ({ source: text.slice(comment.start, comment.end), body: comment.body })),
  );
}

/** The source of each block. */
export function cuts(reader: Reader, text: string): string[] {
  return blocksOf(reader, text).map((block) => text.slice(block.start, block.end));
}

function isLineStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const c = text.charCodeAt(pos - 1);
  return c === 10 || (c === 13 && text.charCodeAt(pos) !== 10);
}

/**
 * Structural promises: blocks tile the text from `from`, start at line
 * starts, hold their units, comments and segments; prose segments stay on
 * one line; no two segments overlap; units are in source order.
 */
export function checkInvariants(text: string, list: readonly ProseBlock[], from = 0): void {
  let pos = from;
  for (const block of list) {
    assert.equal(block.start, pos, 'blocks tile the document');
    assert.ok(block.end > block.start, 'blocks are not empty');
    assert.ok(isLineStart(text, block.start), `block starts at a line start (${block.start})`);
    const spans: [number, number][] = [];
    let unitStart = -1;
    for (const unit of block.units) {
      assert.ok(unit.segments.length > 0, 'units have segments');
      assert.ok(unit.segments[0]!.start >= unitStart, 'units are in source order');
      unitStart = unit.segments[0]!.start;
      let last = block.start;
      for (const segment of unit.segments) {
        assert.ok(segment.start >= last, `segments are ordered (${segment.start} >= ${last})`);
        assert.ok(segment.end > segment.start, 'segments are not empty');
        assert.ok(segment.start >= block.start && segment.end <= block.end, 'segments lie inside their block');
        if (!segment.opaque) assert.doesNotMatch(text.slice(segment.start, segment.end), /[\r\n]/, 'prose segments stay on one line');
        spans.push([segment.start, segment.end]);
        last = segment.end;
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++)
      assert.ok(spans[i]![0] >= spans[i - 1]![1], `segments do not overlap (${JSON.stringify(spans[i - 1])} ${JSON.stringify(spans[i])})`);
    for (const comment of block.comments) {
      assert.ok(comment.start >= block.start && comment.end <= block.end && comment.end > comment.start, 'comments lie inside their block');
    }
    pos = block.end;
  }
  assert.equal(pos, Math.max(from, text.length), 'the last block ends at the end');
}

/** Restarting at every block start yields the same blocks as the full scan from there. */
export function checkRestarts(reader: Reader, text: string): void {
  const full = blocksOf(reader, text);
  checkInvariants(text, full);
  for (let i = 0; i < full.length; i++) {
    const again = blocksOf(reader, text, full[i]!.start);
    assert.deepEqual(again, full.slice(i), `restart at block ${i} (offset ${full[i]!.start}) of ${JSON.stringify(text.slice(0, 400))}`);
  }
}

/**
 * A block never depends on text after it: scanning a prefix that ends at a
 * line start yields, for every block that ends before the prefix does, the
 * block the whole text has there. (An incremental re-check scans a window
 * and trusts the blocks that end before its last one.)
 */
export function checkPrefixes(reader: Reader, text: string): void {
  const full = blocksOf(reader, text);
  for (let end = text.indexOf('\n') + 1; end > 0 && end < text.length; end = text.indexOf('\n', end) + 1) {
    const partial = blocksOf(reader, text.slice(0, end));
    for (let i = 0; i < partial.length && partial[i]!.end < end; i++) {
      assert.deepEqual(partial[i], full[i], `block ${i} of the prefix ending at ${end} of ${JSON.stringify(text.slice(0, 400))}`);
    }
  }
}

/** Random documents made of `pieces`: the reader never throws, and keeps all its promises. */
export function checkRandomDocuments(reader: Reader, pieces: readonly string[], count: number, seed = 7, length = 60): void {
  const rnd = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    let text = '';
    const n = Math.floor(rnd() * length);
    for (let j = 0; j < n; j++) text += pieces[Math.floor(rnd() * pieces.length)];
    checkRestarts(reader, text);
    checkPrefixes(reader, text);
  }
}

/**
 * The occurrences (`word@offset`) of `word` that survive the document's
 * suppression comments, as the engine applies them: each occurrence is made
 * a finding of rule `rule`, then the reader's comments are applied.
 */
export function unsuppressed(reader: Reader, text: string, word: string, rule = 'demo-rule'): string[] {
  const findings: Finding[] = [];
  const comments: CommentSpan[] = [];
  for (const block of reader(text, 0)) {
    comments.push(...block.comments);
    for (const unit of block.units) {
      tokenizeUnit(text, unit, (sentence) => {
        for (const token of sentence.tokens) {
          if (token.lower !== word.toLowerCase()) continue;
          const range = { start: token.start, end: token.end };
          findings.push({
            ruleId: rule,
            category: 'demo',
            severity: 'warning',
            message: 'demo',
            range,
            matchedText: token.text,
            sentence: '',
            fixes: [],
          });
        }
      });
    }
  }
  const lines: LineLookup = {
    lineStart: (offset) => text.lastIndexOf('\n', offset - 1) + 1,
    nextNonBlankLine: (offset) => {
      for (let start = text.indexOf('\n', offset) + 1; start > 0 && start < text.length;) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        if (text.slice(start, end).trim().length > 0) return { start, end };
        start = end + 1;
      }
      return undefined;
    },
  };
  const result = applySuppressions(lines, 'file', findings, comments, () => ({ line: 0, column: 0 }));
  return result.findings.map((finding) => `${finding.matchedText}@${finding.range.start}`);
}

/**
 * `word@offset` for each of `expected`, found in `text` one after another
 * (each search starts after the previous find): a readable way to write the
 * exact offsets a test expects. `#` stands for an opaque word at the offset
 * of the text given after it (`#<code>`).
 */
export function located(text: string, ...expected: string[]): string[] {
  let from = 0;
  return expected.map((item) => {
    const opaque = item.startsWith('#') && item.length > 1;
    const needle = opaque ? item.slice(1) : item;
    const at = text.indexOf(needle, from);
    assert.ok(at >= 0, `${needle} occurs in the text after offset ${from}`);
    from = at + needle.length;
    return `${opaque ? '#' : needle}@${at}`;
  });
}
