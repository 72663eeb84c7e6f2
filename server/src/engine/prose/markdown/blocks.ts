/**
 * The Markdown block pass: parses one top-level block, line by line, as
 * CommonMark's block algorithm does (match the open containers, continue or
 * close the open leaf, then look for new block starts, possibly several on
 * one line as in `> - # x`), plus GFM tables and task lists. It never builds
 * a syntax tree: paragraphs, headings and table cells go through the inline
 * pass into prose units as soon as they close.
 *
 * A top-level block ends where a second block would open at the top level.
 * Nothing before `from` is read, so parsing from any block start yields the
 * same blocks as parsing the whole document.
 */
import type { ProseBlock } from '../prose';
import { BlockState, ContainerKind, LeafKind } from './blockState';
import { Char } from './characters';
import { consumeQuoteMarker, finalizeLeaf, matchContainers, openContainer, openLeaf } from './containers';
import { htmlBlockStart, readHtmlLine } from './htmlBlocks';
import {
  atxHeadingLevel,
  closesFence,
  isSetextUnderline,
  isThematicBreak,
  openingFenceLength,
  readAtxHeading,
  taskMarkerEnd,
} from './leafBlocks';
import { consumeColumns, setLine, skipSpaces } from './lines';
import { addParagraphLine } from './paragraphs';
import { readTableRow, splitCells, tableStart } from './tables';

/** What looking for a block start on a line found. */
const enum Start {
  /** No (further) block starts here: the rest of the line, from `cursor`, is paragraph or table text. */
  None,
  /** The line is fully handled. */
  Done,
  /** A container opened; look for more block starts from `cursor`. */
  Continue,
  /** The line would open a second top-level block: the current block ends before it. */
  BlockEnds,
}

/** Parses the top-level block starting at `from` (a line start). */
export function parseBlock(state: BlockState, from: number): ProseBlock {
  state.beginBlock();
  const length = state.length;
  let pos = from;
  while (pos < length) {
    const next = parseLine(state, pos);
    if (next < 0) return { start: from, end: pos, units: state.units, comments: state.comments };
    pos = next;
  }
  finalizeLeaf(state);
  return { start: from, end: length, units: state.units, comments: state.comments };
}

/**
 * Parses the line starting at `lineStart` into the current block. Returns
 * where the next line to parse starts, or -1 when the current block ends
 * before this line.
 */
function parseLine(state: BlockState, lineStart: number): number {
  setLine(state, lineStart);
  const lineEnd = state.lineEnd;
  const matched = matchContainers(state, lineStart, lineEnd, state.depth);
  state.matchedDepth = matched;
  const p = state.cursor;
  const column = state.cursorColumn;
  skipSpaces(state, p, column, lineEnd);
  const blank = state.contentStart >= lineEnd;
  const allMatched = matched === state.depth;
  if (allMatched) {
    if (continueLeaf(state, p, column, lineEnd, blank)) return state.nextLineStart;
  } else if (blank) {
    // A blank line closes the containers it does not match.
    state.depth = matched;
    state.stackVersion++;
    finalizeLeaf(state);
    return state.nextLineStart;
  }
  const found = startBlocks(state, p, column, lineEnd, allMatched);
  if (found === Start.BlockEnds) return -1;
  if (found === Start.None && !addText(state, lineEnd, allMatched)) return -1;
  return state.nextLineStart;
}

/**
 * Continues the open leaf with a line that matched all open containers.
 * Returns true when the line belongs to it (or, being blank, closes it).
 */
function continueLeaf(state: BlockState, p: number, column: number, lineEnd: number, blank: boolean): boolean {
  switch (state.leaf) {
    case LeafKind.Fence: {
      const start = state.contentStart;
      if (
        !blank &&
        state.contentColumn - column <= 3 &&
        state.text.charCodeAt(start) === state.fenceMarker &&
        closesFence(state, start, lineEnd)
      ) {
        state.leaf = LeafKind.None;
      }
      return true;
    }
    case LeafKind.Html:
      if (blank && state.htmlBlockType >= 6) finalizeLeaf(state);
      else readHtmlLine(state, p, lineEnd);
      return true;
    case LeafKind.IndentedCode:
      if (blank || state.contentColumn - column >= 4) return true;
      finalizeLeaf(state);
      return false;
    default:
      if (!blank) return false;
      finalizeLeaf(state);
      return true;
  }
}

/**
 * Opens the blocks that start on the line from `p` (at `column`): containers
 * first, then at most one leaf. Leaves `cursor` where the line's text starts
 * when it returns {@link Start.None}.
 */
function startBlocks(state: BlockState, p: number, column: number, lineEnd: number, allMatched: boolean): Start {
  const text = state.text;
  for (;;) {
    skipSpaces(state, p, column, lineEnd);
    const start = state.contentStart;
    const startColumn = state.contentColumn;
    if (start >= lineEnd) break;
    const indent = startColumn - column;
    const tableRow = allMatched && state.leaf === LeafKind.Table;
    if (indent >= 4) {
      // Indented code cannot interrupt a paragraph: the line continues it.
      if (state.leaf === LeafKind.Paragraph || tableRow) break;
      return openLeaf(state, LeafKind.IndentedCode) ? Start.Done : Start.BlockEnds;
    }
    const c = text.charCodeAt(start);
    let found: Start;
    if (c === Char.GreaterThan) {
      if (!openContainer(state, ContainerKind.Quote, 0, 0)) return Start.BlockEnds;
      consumeQuoteMarker(state, start, startColumn, lineEnd);
      found = Start.Continue;
    } else {
      const interrupting = allMatched && state.leaf === LeafKind.Paragraph;
      found = startLeaf(state, c, start, lineEnd, interrupting);
      if (found === Start.None && (c === Char.Hyphen || c === Char.Asterisk || c === Char.Plus || (c >= Char.Digit0 && c <= Char.Digit9))) {
        found = startListItem(state, start, startColumn, indent, lineEnd, interrupting);
      }
      if (found === Start.None && !tableRow) found = startTable(state, start, lineEnd);
    }
    if (found !== Start.Continue) {
      if (found === Start.None) break;
      return found;
    }
    p = state.cursor;
    column = state.cursorColumn;
  }
  state.cursor = p;
  state.cursorColumn = column;
  return Start.None;
}

/** A leaf block other than a paragraph, table or indented code starting with `c` at `start`. */
function startLeaf(state: BlockState, c: number, start: number, lineEnd: number, interrupting: boolean): Start {
  const text = state.text;
  switch (c) {
    case Char.Hash: {
      const level = atxHeadingLevel(text, start, lineEnd);
      if (level === 0) return Start.None;
      if (!openLeaf(state, LeafKind.None)) return Start.BlockEnds;
      readAtxHeading(state, start, level, lineEnd);
      return Start.Done;
    }
    case Char.Backtick:
    case Char.Tilde: {
      const length = openingFenceLength(text, start, lineEnd);
      if (length === 0) return Start.None;
      if (!openLeaf(state, LeafKind.Fence)) return Start.BlockEnds;
      state.fenceMarker = c;
      state.fenceLength = length;
      return Start.Done;
    }
    case Char.LessThan: {
      const type = htmlBlockStart(state, start, lineEnd, state.leaf !== LeafKind.Paragraph);
      if (type === 0) return Start.None;
      if (!openLeaf(state, LeafKind.Html)) return Start.BlockEnds;
      state.htmlBlockType = type;
      readHtmlLine(state, start, lineEnd);
      return Start.Done;
    }
    case Char.Equals:
    case Char.Hyphen:
      // A setext underline turns the paragraph into a heading: its prose is the same.
      if (interrupting && isSetextUnderline(text, start, lineEnd, c)) {
        finalizeLeaf(state);
        return Start.Done;
      }
      if (c === Char.Equals) return Start.None;
      return startThematicBreak(state, start, lineEnd);
    case Char.Asterisk:
    case Char.Underscore:
      return startThematicBreak(state, start, lineEnd);
    default:
      return Start.None;
  }
}

function startThematicBreak(state: BlockState, start: number, lineEnd: number): Start {
  if (!isThematicBreak(state.text, start, lineEnd)) return Start.None;
  return openLeaf(state, LeafKind.None) ? Start.Done : Start.BlockEnds;
}

/**
 * A list item whose marker (`-`, `*`, `+`, or up to nine digits and `.` or
 * `)`) is at `start`. Its width (marker plus padding) is how far its
 * continuation lines must be indented.
 */
function startListItem(
  state: BlockState,
  start: number,
  startColumn: number,
  indent: number,
  lineEnd: number,
  interrupting: boolean,
): Start {
  const text = state.text;
  const c = text.charCodeAt(start);
  let q = start;
  let marker = c;
  let startsWithOne = true;
  if (c >= Char.Digit0 && c <= Char.Digit9) {
    let value = 0;
    while (q < lineEnd && q - start < 9) {
      const d = text.charCodeAt(q);
      if (d < Char.Digit0 || d > Char.Digit9) break;
      value = value * 10 + (d - Char.Digit0);
      q++;
    }
    const delimiter = q < lineEnd ? text.charCodeAt(q) : 0;
    if (delimiter !== Char.Period && delimiter !== Char.CloseParen) return Start.None;
    marker = delimiter + 256;
    startsWithOne = value === 1;
  }
  q++;
  const markerColumn = startColumn + (q - start);
  const after = q < lineEnd ? text.charCodeAt(q) : Char.Space;
  if (after !== Char.Space && after !== Char.Tab) return Start.None;
  skipSpaces(state, q, markerColumn, lineEnd);
  const emptyItem = state.contentStart >= lineEnd;
  // Only a non-empty bullet item or an ordered item starting at 1 can interrupt a paragraph.
  if (interrupting && (emptyItem || !startsWithOne)) return Start.None;
  const spaces = state.contentColumn - markerColumn;
  const padding = emptyItem || spaces >= 5 ? 1 : spaces;
  const contentStart = state.contentStart;
  const contentColumn = state.contentColumn;
  if (!openContainer(state, ContainerKind.Item, indent + (q - start) + padding, marker)) return Start.BlockEnds;
  if (emptyItem) return Start.Done;
  if (spaces >= 5) {
    // The item's content is indented code: only one space belongs to the marker.
    consumeColumns(state, q, markerColumn, 1, lineEnd);
    return Start.Continue;
  }
  const taskEnd = taskMarkerEnd(text, contentStart, lineEnd);
  if (taskEnd < 0) {
    state.cursor = contentStart;
    state.cursorColumn = contentColumn;
    return Start.Continue;
  }
  skipSpaces(state, taskEnd, contentColumn + 3, lineEnd);
  if (state.contentStart < lineEnd) {
    if (!openLeaf(state, LeafKind.Paragraph)) return Start.BlockEnds;
    addParagraphLine(state, state.contentStart, lineEnd);
  }
  return Start.Done;
}

/** A GFM table whose header row starts at `start`: reads the header and skips the delimiter row. */
function startTable(state: BlockState, start: number, lineEnd: number): Start {
  const afterDelimiter = tableStart(state, start, lineEnd);
  if (afterDelimiter < 0) return Start.None;
  if (!openLeaf(state, LeafKind.Table)) return Start.BlockEnds;
  state.tableColumns = splitCells(state, start, lineEnd);
  readTableRow(state, start, lineEnd);
  state.nextLineStart = afterDelimiter;
  return Start.Done;
}

/**
 * The text of a line that starts no block (from `cursor`): continues the open
 * paragraph (lazily too) or table, or opens a paragraph. False when that
 * paragraph would be a second top-level block.
 */
function addText(state: BlockState, lineEnd: number, allMatched: boolean): boolean {
  skipSpaces(state, state.cursor, state.cursorColumn, lineEnd);
  const start = state.contentStart;
  if (start >= lineEnd) return true;
  if (state.leaf === LeafKind.Paragraph) addParagraphLine(state, start, lineEnd);
  else if (state.leaf === LeafKind.Table && allMatched) readTableRow(state, start, lineEnd);
  else {
    if (!openLeaf(state, LeafKind.Paragraph)) return false;
    addParagraphLine(state, start, lineEnd);
  }
  return true;
}
