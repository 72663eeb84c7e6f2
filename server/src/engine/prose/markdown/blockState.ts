/**
 * The state of the Markdown block pass while it parses one top-level block:
 * the current line, the stack of open containers (block quotes, lists, list
 * items), the open leaf block, the lines of the open paragraph, and the units
 * and comments found so far. One `BlockState` belongs to one scan; each
 * top-level block starts by resetting it, which is what makes every block
 * parse independently of the text before it.
 */
import type { CommentSpan, ProseUnit } from '../prose';
import { InlineState } from './inlineState';
import { UnitWriter } from './segments';

/** Kinds of open container. */
export const enum ContainerKind {
  Quote = 1,
  /** A list: holds the items of one marker kind. */
  List = 2,
  Item = 3,
}

/** Kinds of open leaf block (at most one is open, at the tip of the container stack). */
export const enum LeafKind {
  None = 0,
  Paragraph = 1,
  Fence = 2,
  IndentedCode = 3,
  Html = 4,
  Table = 5,
}

export class BlockState {
  /** The document and its length. */
  readonly text: string;
  readonly length: number;

  /** The current line ends (before its line ending) at `lineEnd`; the next line starts at `nextLineStart`. */
  lineEnd = 0;
  nextLineStart = 0;
  /**
   * What the line-ending searches of `setLine` found: the first `\n` at or
   * after `lineFeedsSearchedFrom` (-1: none to the end), and the first `\r`
   * in [carriageReturnsSearchedFrom, carriageReturnsKnownTo) (-1: none there).
   */
  nextLineFeed = -1;
  lineFeedsSearchedFrom = Infinity;
  nextCarriageReturn = -1;
  carriageReturnsSearchedFrom = 0;
  carriageReturnsKnownTo = 0;

  /** Where consuming container markers or columns stopped, and that column (tabs expanded to stops of four). */
  cursor = 0;
  cursorColumn = 0;
  /** The first position that is not a space or tab, as `skipSpaces` found it, and its column. */
  contentStart = 0;
  contentColumn = 0;

  /** The container stack, bottom first; `depth` entries are in use. */
  containerKinds: number[] = [];
  /** For an item, the columns of its marker and padding: continuation lines must be indented this far. */
  containerWidths: number[] = [];
  /** For a list or an item, its marker (`-`, `*`, `+`, or `.`/`)` plus 256 for ordered lists). */
  containerMarkers: number[] = [];
  /** For an item, 1 once it holds something (an empty item ends at its first blank line). */
  containerHasContent: number[] = [];
  depth = 0;
  /** How many containers the current line matched (and new blocks open under). */
  matchedDepth = 0;
  /** Whether the top-level block has been opened: a second one ends the block being parsed. */
  topLevelClaimed = false;
  /** Bumped whenever the container stack changes, which invalidates `blankLineDepth`. */
  stackVersion = 0;
  /** How many containers a blank line matches; valid while `blankLineDepthVersion === stackVersion`. */
  blankLineDepth = 0;
  blankLineDepthVersion = -1;

  leaf: LeafKind = LeafKind.None;
  /** The open fence's character and length. */
  fenceMarker = 0;
  fenceLength = 0;
  /** The open HTML block's CommonMark type (1 to 7), which decides how it ends. */
  htmlBlockType = 0;
  /** An HTML comment that started on an earlier line of an HTML block: its start and the body so far. */
  openCommentStart = -1;
  openCommentBody = '';
  /** The number of columns of the open table, from its delimiter row. */
  tableColumns = 0;

  /** The lines of the open paragraph: [starts[i], ends[i]) with trailing spaces trimmed. */
  paragraphLineStarts = new Int32Array(64);
  paragraphLineEnds = new Int32Array(64);
  paragraphLineCount = 0;

  /** The trimmed cells of the last table row split. */
  cellStarts = new Int32Array(64);
  cellEnds = new Int32Array(64);

  /** What the block being parsed yields. */
  units: ProseUnit[] = [];
  comments: CommentSpan[] = [];

  /** The inline pass, and the writer that turns its marks into units. */
  readonly inline = new InlineState();
  readonly unitWriter = new UnitWriter();

  constructor(text: string) {
    this.text = text;
    this.length = text.length;
  }

  /** Prepares to parse a new top-level block. */
  beginBlock(): void {
    this.depth = 0;
    this.stackVersion++;
    this.matchedDepth = 0;
    this.topLevelClaimed = false;
    this.leaf = LeafKind.None;
    this.paragraphLineCount = 0;
    this.openCommentStart = -1;
    this.openCommentBody = '';
    this.units = [];
    this.comments = [];
  }
}
