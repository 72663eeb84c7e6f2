/**
 * MDX prose extraction: Markdown with ESM, JSX and expressions.
 *
 * The MDX constructs are masked (see `prescan.ts`) and the Markdown reader
 * reads the masked text, whose offsets are those of the source; the masks
 * are then taken out of its segments: a JSX tag joins the words on either
 * side of it (`<b>en</b>abled` is one word, as in HTML), an `{expression}`
 * stands for one word, ESM and `{/* comments *\/}` for nothing.
 *
 * Prose: the Markdown prose, the text children of JSX elements (read as
 * Markdown, as MDX does) and the values of visible props (`title`, `alt`,
 * `label`, `description`, `aria-label`, `placeholder`). Comments, both
 * `{/* termguard-disable-next-line *\/}` and `<!-- … -->`, are reported.
 */
import { scanMarkdownBlocks } from '../markdown/markdownReader';
import type { CommentSpan, ProseBlock, ProseSegment, ProseUnit } from '../prose';
import { UnitBuilder } from '../shared/unitBuilder';
import { MASK_EXPRESSION, prescanMdx, type Prescan } from './prescan';

/** Takes the masks out of a unit the Markdown reader found in the masked text. */
function unmask(text: string, unit: ProseUnit, masks: readonly number[], units: ProseUnit[]): void {
  const builder = new UnitBuilder(text);
  for (const segment of unit.segments) addSegment(segment, masks, builder);
  builder.finish(units);
}

/** The index (a multiple of 3) of the first mask that ends after `pos`. */
function firstMaskAfter(masks: readonly number[], pos: number): number {
  let low = 0;
  let high = masks.length / 3;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (masks[mid * 3 + 1]! <= pos) low = mid + 1;
    else high = mid;
  }
  return low * 3;
}

function addSegment(segment: ProseSegment, masks: readonly number[], builder: UnitBuilder): void {
  if (!segment.glued) builder.separate();
  if (segment.opaque) {
    builder.addOpaque(segment.start, segment.end);
    return;
  }
  let pos = segment.start;
  for (let i = firstMaskAfter(masks, pos); i < masks.length && masks[i]! < segment.end; i += 3) {
    const start = Math.max(masks[i]!, pos);
    const end = Math.min(masks[i + 1]!, segment.end);
    if (start > pos) builder.addText(pos, start);
    // A tag is markup with no width: the text on either side joins when nothing else separates it.
    if (masks[i + 2] === MASK_EXPRESSION) builder.addOpaque(start, end);
    pos = end;
  }
  if (pos < segment.end) builder.addText(pos, segment.end);
}

/** Answers, for increasing positions, whether a fenced code block (as the pre-scan saw them) holds the position. */
function fenceTest(scan: Prescan): (pos: number) => boolean {
  const fences = scan.fences;
  let i = 0;
  return (pos) => {
    while (i < fences.length && fences[i + 1]! <= pos) i += 2;
    return i < fences.length && fences[i]! < pos;
  };
}

/**
 * Cuts an MDX document into blocks with their prose.
 *
 * Yields blocks that tile `text` from `from` to `text.length`: the Markdown
 * reader's blocks of the masked text (joined where one would start inside
 * a fenced code block as the pre-scan saw it). A JSX tag or expression that
 * does not close before a blank line is a syntax error and is read as text;
 * the rest of the document is read on.
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan
 * yields from that point on. Never throws; linear in the length of the text.
 */
export function* scanMdxBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  const start = from > 0 ? (from < len ? from : len) : 0;
  if (start >= len) return;
  const scan = prescanMdx(text, start);
  const insideFence = fenceTest(scan);
  let blockStart = start;
  let units: ProseUnit[] = [];
  let comments: CommentSpan[] = [];
  let prop = 0;
  let comment = 0;
  /** Code spans and other opaque inline content: props and comments inside them are not read. */
  let opaque: number[] = [];
  const insideOpaque = (pos: number): boolean => {
    for (let i = 0; i < opaque.length; i += 2) if (opaque[i]! <= pos && pos < opaque[i + 1]!) return true;
    return false;
  };
  for (const block of scanMarkdownBlocks(scan.masked, start)) {
    for (const unit of block.units) {
      for (const segment of unit.segments) if (segment.opaque) opaque.push(segment.start, segment.end);
      unmask(text, unit, scan.masks, units);
    }
    comments.push(...block.comments);
    if (block.end < len && insideFence(block.end)) continue;
    for (; prop < scan.props.length && scan.props[prop]! < block.end; prop += 2) {
      if (insideOpaque(scan.props[prop]!)) continue;
      const unit = new UnitBuilder(text);
      unit.addText(scan.props[prop]!, scan.props[prop + 1]!);
      unit.finish(units);
    }
    for (; comment < scan.comments.length && scan.comments[comment]!.start < block.end; comment++) {
      if (!insideOpaque(scan.comments[comment]!.start)) comments.push(scan.comments[comment]!);
    }
    opaque = [];
    units.sort((a, b) => a.segments[0]!.start - b.segments[0]!.start);
    comments.sort((a, b) => a.start - b.start);
    yield { start: blockStart, end: block.end, units, comments };
    blockStart = block.end;
    units = [];
    comments = [];
  }
}
