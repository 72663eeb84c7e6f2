/**
 * Git commit message prose extraction (`COMMIT_EDITMSG`, `git commit -e`).
 *
 * Prose is the subject and the body. Not prose: `#` comment lines (git strips
 * them; they may hold `# termguard-disable…` directives), everything from the
 * scissors line (`# ------------------------ >8 ------------------------`,
 * below which `git commit -v` shows the diff), and trailer paragraphs
 * (`Signed-off-by: …`).
 */
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { isBlankRange, lineEndAt, nextLineAt, skipBlanks, trimEnd } from '../shared/lines';
import { UnitBuilder } from '../shared/unitBuilder';

const SCISSORS = /^#\s*-+\s*>8\s*-+\s*$/;

/** A trailer line: a one-word key, a colon, then something. */
const TRAILER_LINE = /^[A-Za-z0-9][A-Za-z0-9-]*:\s/;

/** Keys that make a paragraph of trailer-shaped lines a trailer block (any `…-by` key too). */
const KNOWN_TRAILERS = new Set([
  'signed-off-by',
  'co-authored-by',
  'reviewed-by',
  'acked-by',
  'tested-by',
  'reported-by',
  'suggested-by',
  'helped-by',
  'cc',
  'fixes',
  'closes',
  'resolves',
  'refs',
  'see-also',
  'change-id',
  'bug',
  'link',
  'issue',
  'reviewed-on',
]);

/** A Conventional Commits type prefix (`feat(parser)!: `): markup, not prose. */
const CONVENTIONAL_PREFIX =
  /^(?:feat|fix|docs|style|refactor|perf|test|tests|build|ci|chore|revert|deps|release|security)(?:\([^)\n]*\))?!?:[ \t]+/;

/** A list item marker at the start of a line: `- `, `* `, `+ `, `1. `, `1) `. */
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;

function isComment(text: string, start: number): boolean {
  return text.charCodeAt(start) === 35;
}

function isScissors(text: string, start: number, end: number): boolean {
  return isComment(text, start) && SCISSORS.test(text.slice(start, end));
}

function commentOf(text: string, start: number, end: number): CommentSpan {
  return { start, end, body: text.slice(start + 1, end).trim() };
}

/** True when the paragraph's prose lines (`[start, end)` pairs, without indentation) are all trailers. */
function isTrailerParagraph(text: string, lines: readonly number[]): boolean {
  let known = false;
  for (let i = 0; i < lines.length; i += 2) {
    const start = lines[i]!;
    // An indented line continues the trailer above it.
    const before = text.charCodeAt(start - 1);
    if (i > 0 && (before === 32 || before === 9)) continue;
    const line = text.slice(start, lines[i + 1]);
    if (!TRAILER_LINE.test(line)) return false;
    const key = line.slice(0, line.indexOf(':')).toLowerCase();
    if (KNOWN_TRAILERS.has(key) || key.endsWith('-by')) known = true;
  }
  return known;
}

/** The paragraph's units: one per list item, the text before the first item as one more. */
function paragraphUnits(text: string, lines: readonly number[], units: ProseUnit[]): void {
  const unit = new UnitBuilder(text);
  for (let i = 0; i < lines.length; i += 2) {
    let start = lines[i]!;
    const end = lines[i + 1]!;
    const line = text.slice(start, end);
    const marker = LIST_MARKER.exec(line);
    if (marker) {
      unit.finish(units);
      start += marker[0].length;
    } else if (i === 0) {
      const prefix = CONVENTIONAL_PREFIX.exec(line);
      if (prefix) start += prefix[0].length;
    }
    unit.addText(start, end);
    unit.separate();
  }
  unit.finish(units);
}

/**
 * Cuts a commit message into blocks with their prose.
 *
 * Yields blocks that tile `text` from `from` to `text.length`. A block is a
 * paragraph (a run of lines that are neither blank nor comments; comment
 * lines inside it are left out, as git strips them) with the blank and
 * comment lines after it; leading blank and comment lines form a block of
 * their own, and the scissors line starts a last block that runs to the end
 * with no prose and no comments. A paragraph's unit is its text, split at
 * list items (`- `, `* `, `1. `); a paragraph of trailers (every line
 * `Key: value`, one key a known trailer such as `Signed-off-by`) has none.
 * A Conventional Commits prefix (`feat(scope): `) is not prose. Comment
 * lines are reported as comments, `#` left out of the body.
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan yields
 * from that point on. Never throws; runs in time linear in the length of the text.
 */
export function* scanGitCommitBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  let pos = from > 0 ? (from < len ? from : len) : 0;
  while (pos < len) {
    const start = pos;
    const comments: CommentSpan[] = [];
    /** The paragraph's prose lines as `[start, end)` pairs. */
    const lines: number[] = [];
    let inParagraph = true;
    let scissors = false;
    while (pos < len) {
      const end = lineEndAt(text, pos);
      if (isComment(text, pos)) {
        if (isScissors(text, pos, end)) {
          scissors = true;
          break;
        }
        comments.push(commentOf(text, pos, end));
      } else if (isBlankRange(text, pos, end)) {
        inParagraph = false;
      } else {
        // A prose line after blank lines starts the next block; so does one after the leading blank and comment lines.
        if (!inParagraph || (lines.length === 0 && pos > start)) break;
        lines.push(skipBlanks(text, pos, end), trimEnd(text, pos, end));
      }
      pos = nextLineAt(text, end);
    }
    if (pos > start) {
      const units: ProseUnit[] = [];
      if (lines.length > 0 && !isTrailerParagraph(text, lines)) paragraphUnits(text, lines, units);
      yield { start, end: pos, units, comments };
    }
    if (scissors) {
      yield { start: pos, end: len, units: [], comments: [] };
      return;
    }
  }
}
