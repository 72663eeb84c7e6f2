/**
 * The MDX pre-scan: finds what MDX adds to Markdown (ESM `import`/`export`
 * statements, JSX tags, `{expressions}` and `{/* comments *\/}`) and masks
 * it in a copy of the text of the same length, so that the Markdown reader
 * can read the rest with every offset unchanged.
 *
 * ESM is masked with spaces (its lines become blank). JSX tags and
 * expressions are masked with `x` (line ends kept), so that the Markdown
 * reader sees them as part of the text around them: no mask ever makes a
 * blank line or a block start of its own, so no Markdown block starts inside
 * one. The masks are then taken out of the Markdown reader's segments.
 *
 * A tag or expression that does not close before a blank line is an MDX
 * syntax error: it is left as text, and the rest of the document is read on.
 * Fenced code and code spans are not looked into.
 */
import type { CommentSpan } from '../prose';
import { isBlank } from '../shared/unitBuilder';
import { VISIBLE_PROPS } from '../code/jsx';

/** A masked JSX tag: markup, the words on either side of it may join. */
export const MASK_TAG = 0;
/** A masked expression: stands for one word. */
export const MASK_EXPRESSION = 1;
/** A masked comment or ESM statement: nothing. */
export const MASK_NOTHING = 2;

export interface Prescan {
  /** The text with MDX constructs masked, as long as the text. */
  readonly masked: string;
  /** Masked ranges: start, end and kind triples, in source order. */
  readonly masks: readonly number[];
  /** The values of visible JSX props (`title="…"`), as `[start, end)` pairs. */
  readonly props: readonly number[];
  readonly comments: readonly CommentSpan[];
  /** Fenced code blocks, as `[start, end)` pairs: no block boundary is trusted inside one. */
  readonly fences: readonly number[];
}

const X_RUN = 'x'.repeat(4096);
const SPACE_RUN = ' '.repeat(4096);

const FENCE = /^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*[ \t]{0,3}(`{3,}|~{3,})/;

function isNameStart(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 36;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 58;
}

class MdxPrescan {
  private readonly chars: string[] = [];
  private copied: number;
  readonly masks: number[] = [];
  readonly props: number[] = [];
  readonly comments: CommentSpan[] = [];
  readonly fences: number[] = [];
  /** Work left on this line for searches that may fail (a `{` that never closes), which keeps hostile input linear. */
  private budget = 0;

  constructor(
    private readonly text: string,
    private readonly from: number,
  ) {
    this.chars.push(text.slice(0, from));
    this.copied = from;
  }

  /** Masks `[start, end)`: with `x` (line ends kept), or with spaces. */
  private mask(start: number, end: number, kind: number, fill: string): void {
    const text = this.text;
    if (start > this.copied) this.chars.push(text.slice(this.copied, start));
    const masked = text.slice(start, end);
    // Most masks are one line: a slice of a long run of the fill character costs no copy.
    const run = fill === 'x' ? X_RUN : SPACE_RUN;
    this.chars.push(
      masked.length <= run.length && masked.indexOf('\n') < 0 && masked.indexOf('\r') < 0
        ? run.slice(0, masked.length)
        : masked.replace(/[^\r\n]/g, fill),
    );
    this.copied = end;
    this.masks.push(start, end, kind);
  }

  masked(): string {
    this.chars.push(this.text.slice(this.copied));
    return this.chars.join('');
  }

  run(): void {
    const text = this.text;
    let pos = this.from;
    while (pos < text.length) {
      const lineEnd = lineEndOf(text, pos);
      // Each line's budget depends on the line alone, so that a scan restarted at a line start decides the same.
      this.budget = 8 * (lineEnd - pos) + 256;
      const fence = mayOpenFence(text, pos, lineEnd) ? FENCE.exec(text.slice(pos, lineEnd)) : null;
      if (fence) pos = this.fence(pos, fence[1]!);
      // ESM: `import` or `export` at the start of a line (decided on the line alone, so that restarts agree).
      else if (
        (text.startsWith('import', pos) || text.startsWith('export', pos)) &&
        /^(?:import|export)[\s{*]/.test(text.slice(pos, pos + 7))
      )
        pos = this.esm(pos);
      else pos = this.inline(pos, lineEnd);
    }
  }

  /** A fenced code block from its opening line at `pos`: left alone up to its closing fence. */
  private fence(pos: number, marker: string): number {
    const text = this.text;
    const start = pos;
    pos = nextLine(text, pos);
    while (pos < text.length) {
      const line = text.slice(pos, lineEndOf(text, pos));
      const closing = FENCE.exec(line);
      pos = nextLine(text, pos);
      if (closing && closing[1]![0] === marker[0] && closing[1]!.length >= marker.length && line.slice(closing[0].length).trim() === '')
        break;
    }
    this.fences.push(start, pos);
    return pos;
  }

  /** An ESM statement: its lines up to a blank line, masked with spaces. */
  private esm(pos: number): number {
    const text = this.text;
    let end = pos;
    while (end < text.length) {
      const lineEnd = lineEndOf(text, end);
      if (text.slice(end, lineEnd).trim() === '') break;
      end = nextLine(text, end);
    }
    this.mask(pos, end, MASK_NOTHING, ' ');
    return end;
  }

  /** The constructs on the line `[pos, lineEnd)` (a tag or expression may go on over the next lines). */
  private inline(pos: number, lineEnd: number): number {
    const text = this.text;
    let i = pos;
    while (i < lineEnd) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 96) i = codeSpanEnd(text, i, lineEnd);
      else if ((c === 60 && this.isTagStart(i)) || c === 123) {
        i = c === 60 ? this.tag(i) : this.expression(i);
        if (i > lineEnd) lineEnd = lineEndOf(text, i);
      } else i++;
    }
    return nextLine(text, lineEnd);
  }

  private isTagStart(i: number): boolean {
    const text = this.text;
    const next = text.charCodeAt(i + 1);
    if (next === 62 || next === 47) return true;
    if (!isNameStart(next)) return false;
    // `<https://x>` is an autolink, not a tag.
    let j = i + 1;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
    return !(text.charCodeAt(j - 1) === 58 || (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 47));
  }

  /**
   * A JSX tag from its `<` at `start`; returns where its mask ends. A tag
   * that breaks off (a character no tag holds, a blank line, the end) is an
   * MDX syntax error: it is masked up to there as nothing. Every decision is
   * made on the text read so far, so a scan of a prefix masks the same.
   */
  private tag(start: number): number {
    const text = this.text;
    let i = start + 1;
    if (text.charCodeAt(i) === 47) i++;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    const props: number[] = [];
    let prop = '';
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 62) {
        this.mask(start, i + 1, MASK_TAG, 'x');
        this.props.push(...props);
        return i + 1;
      }
      if ((c === 10 && blankLineFollows(text, i)) || --this.budget < 0) break;
      if (c === 34 || c === 39) {
        const close = this.stringEnd(i);
        if (close < 0) return this.broken(start, -close - 1);
        if (VISIBLE_PROPS.has(prop)) props.push(i + 1, close - 1);
        prop = '';
        i = close;
      } else if (c === 123) {
        const close = this.balancedEnd(i);
        if (close < 0) return this.broken(start, -close - 1);
        prop = '';
        i = close;
      } else if (isNameStart(c)) {
        const s = i;
        while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
        prop = text.slice(s, i);
      } else if (isBlank(c) || c === 61 || c === 47) i++;
      else break;
    }
    return this.broken(start, i);
  }

  /** Masks a construct that broke off at `at` as nothing; returns `at`. */
  private broken(start: number, at: number): number {
    if (at > start) this.mask(start, at, MASK_NOTHING, 'x');
    return Math.max(at, start + 1);
  }

  /** An expression from its `{` at `start` (a comment when it holds only one); returns where its mask ends. */
  private expression(start: number): number {
    const text = this.text;
    const end = this.balancedEnd(start);
    if (end < 0) return this.broken(start, -end - 1);
    const inner = text.slice(start + 1, end - 1);
    const comment = /^\s*\/\*([\s\S]*)\*\/\s*$/.exec(inner);
    if (comment) {
      this.comments.push({ start, end, body: comment[1]!.trim() });
      this.mask(start, end, MASK_NOTHING, 'x');
    } else this.mask(start, end, MASK_EXPRESSION, 'x');
    return end;
  }

  /** The end of the quoted prop value starting at `at`, or `-(where it broke off) - 1`. */
  private stringEnd(at: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let j = at + 1; j < text.length; j++) {
      if (--this.budget < 0) return -j - 1;
      const c = text.charCodeAt(j);
      if (c === quote) return j + 1;
      if (c === 10 && blankLineFollows(text, j)) return -j - 1;
    }
    return -text.length - 1;
  }

  /**
   * The end of the braced JavaScript expression starting at `start` (strings,
   * template literals and comments inside honoured), or `-(where it broke
   * off) - 1` when a blank line, the end or the line's budget comes first.
   */
  private balancedEnd(start: number): number {
    const text = this.text;
    let depth = 0;
    for (let j = start; j < text.length; j++) {
      if (--this.budget < 0) return -j - 1;
      const c = text.charCodeAt(j);
      if (c === 10 && blankLineFollows(text, j)) return -j - 1;
      if (c === 123) depth++;
      else if (c === 125) {
        if (--depth === 0) return j + 1;
      } else if (c === 34 || c === 39 || c === 96) {
        for (j++; j < text.length && text.charCodeAt(j) !== c; j++) {
          if (--this.budget < 0) return -j - 1;
          if (text.charCodeAt(j) === 92) j++;
          else if (text.charCodeAt(j) === 10 && (c !== 96 || blankLineFollows(text, j))) return -j - 1;
        }
      } else if (c === 47 && text.charCodeAt(j + 1) === 42) {
        for (j += 2; j < text.length && !(text.charCodeAt(j) === 42 && text.charCodeAt(j + 1) === 47); j++) {
          if (--this.budget < 0 || (text.charCodeAt(j) === 10 && blankLineFollows(text, j))) return -j - 1;
        }
        j++;
      }
    }
    return -text.length - 1;
  }
}

/** A cheap test before the fence pattern: a fence line holds three backticks or tildes. */
function mayOpenFence(text: string, pos: number, lineEnd: number): boolean {
  for (let i = pos; i + 2 < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if ((c === 96 || c === 126) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) return true;
  }
  return false;
}

function lineEndOf(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end < 0 ? text.length : end;
}

function nextLine(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end < 0 ? text.length : end + 1;
}

/** True when the line after the line end at `newline` is blank. */
function blankLineFollows(text: string, newline: number): boolean {
  let p = newline + 1;
  while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9 || text.charCodeAt(p) === 13)) p++;
  return p >= text.length || text.charCodeAt(p) === 10;
}

/** The end of the code span whose backtick run starts at `i` (on the same line), or the end of the run when unclosed. */
function codeSpanEnd(text: string, i: number, lineEnd: number): number {
  let run = i;
  while (run < lineEnd && text.charCodeAt(run) === 96) run++;
  const ticks = text.slice(i, run);
  for (let j = text.indexOf(ticks, run); j >= 0 && j < lineEnd; j = text.indexOf(ticks, j + ticks.length)) {
    let k = j + ticks.length;
    if (text.charCodeAt(j - 1) !== 96 && text.charCodeAt(k) !== 96) return k;
    while (text.charCodeAt(k) === 96) k++;
    j = k - ticks.length;
  }
  return run;
}

/** Pre-scans `text` from `from` (a line start). */
export function prescanMdx(text: string, from: number): Prescan {
  const scan = new MdxPrescan(text, from);
  scan.run();
  return { masked: scan.masked(), masks: scan.masks, props: scan.props, comments: scan.comments, fences: scan.fences };
}
