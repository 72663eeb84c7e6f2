/**
 * Container blocks of the block pass: matching a line against the open
 * block quotes and list items (CommonMark's first step for every line), and
 * opening new containers and leaves under the matched ones. Opening a second
 * block at the top level is refused: that is where the current top-level
 * block ends.
 */
import { BlockState, ContainerKind, LeafKind } from './blockState';
import { Char } from './characters';
import { consumeColumns, skipSpaces } from './lines';
import { finishParagraph } from './paragraphs';

/**
 * Matches the line [lineStart, lineEnd) against the first `limit` open
 * containers and returns how many matched; sets `cursor` and `cursorColumn`
 * to the position after their markers. The cost is bounded by the markers
 * and indentation consumed (plus O(1) per list), so deep nesting stays linear.
 */
export function matchContainers(state: BlockState, lineStart: number, lineEnd: number, limit: number): number {
  skipSpaces(state, lineStart, 0, lineEnd);
  if (state.contentStart >= lineEnd) return matchBlankLine(state, limit);
  const text = state.text;
  const kinds = state.containerKinds;
  let contentStart = state.contentStart;
  let contentColumn = state.contentColumn;
  let p = lineStart;
  let column = 0;
  let i = 0;
  for (; i < limit; i++) {
    const kind = kinds[i];
    if (kind === ContainerKind.List) continue;
    if (p > contentStart) {
      skipSpaces(state, p, column, lineEnd);
      contentStart = state.contentStart;
      contentColumn = state.contentColumn;
    }
    if (kind === ContainerKind.Quote) {
      if (contentColumn - column > 3 || contentStart >= lineEnd || text.charCodeAt(contentStart) !== Char.GreaterThan) break;
      consumeQuoteMarker(state, contentStart, contentColumn, lineEnd);
    } else if (contentStart >= lineEnd) {
      // an item may start with at most one blank line, so an empty item ends at one
      if (state.containerHasContent[i] === 0) break;
      state.cursor = contentStart;
      state.cursorColumn = contentColumn;
    } else if (contentColumn - column >= state.containerWidths[i]) {
      consumeColumns(state, p, column, state.containerWidths[i], lineEnd);
    } else break;
    p = state.cursor;
    column = state.cursorColumn;
  }
  state.cursor = p;
  state.cursorColumn = column;
  return i;
}

/**
 * A blank line matches up to the first quote or empty item. The answer is
 * cached because a run of blank lines inside deep lists would otherwise cost
 * O(depth) each.
 */
function matchBlankLine(state: BlockState, limit: number): number {
  if (state.blankLineDepthVersion !== state.stackVersion) {
    const kinds = state.containerKinds;
    let i = 0;
    while (i < state.depth && (kinds[i] === ContainerKind.List || (kinds[i] === ContainerKind.Item && state.containerHasContent[i] === 1)))
      i++;
    state.blankLineDepth = i;
    state.blankLineDepthVersion = state.stackVersion;
  }
  state.cursor = state.contentStart;
  state.cursorColumn = state.contentColumn;
  return state.blankLineDepth < limit ? state.blankLineDepth : limit;
}

/** Consumes the `>` at `marker` (column `column`) and one following space or tab column; sets `cursor`. */
export function consumeQuoteMarker(state: BlockState, marker: number, column: number, lineEnd: number): void {
  let p = marker + 1;
  column++;
  if (p < lineEnd) {
    const c = state.text.charCodeAt(p);
    if (c === Char.Space) {
      p++;
      column++;
    } else if (c === Char.Tab) {
      // a tab counts as the one space only in part unless it ends exactly at the next stop
      if ((column & 3) === 3) p++;
      column++;
    }
  }
  state.cursor = p;
  state.cursorColumn = column;
}

/** Closes the open leaf block, reading out a paragraph's prose. */
export function finalizeLeaf(state: BlockState): void {
  if (state.leaf === LeafKind.Paragraph) finishParagraph(state);
  state.leaf = LeafKind.None;
  state.openCommentStart = -1;
  state.openCommentBody = '';
}

/** Claims a child slot in the current tip; false when it would be a second top-level block. */
function claimSlot(state: BlockState): boolean {
  const depth = state.depth;
  if (depth === 0) {
    if (state.topLevelClaimed) return false;
    state.topLevelClaimed = true;
  } else if (state.containerKinds[depth - 1] === ContainerKind.Item) state.containerHasContent[depth - 1] = 1;
  state.stackVersion++;
  return true;
}

function pushContainer(state: BlockState, kind: ContainerKind, width: number, marker: number): void {
  const depth = state.depth;
  state.containerKinds[depth] = kind;
  state.containerWidths[depth] = width;
  state.containerMarkers[depth] = marker;
  state.containerHasContent[depth] = 0;
  state.depth = depth + 1;
  state.stackVersion++;
  state.matchedDepth = depth + 1;
}

/**
 * Closes unmatched containers and the open leaf, then makes room for a new
 * child (a list item goes into a list of its kind). Returns false when the
 * child would be a second top-level block, i.e. the current block ends here.
 */
function prepareChild(state: BlockState, isItem: boolean, listMarker: number): boolean {
  if (state.depth > state.matchedDepth) state.depth = state.matchedDepth;
  finalizeLeaf(state);
  const depth = state.depth;
  if (depth > 0 && state.containerKinds[depth - 1] === ContainerKind.List && (!isItem || state.containerMarkers[depth - 1] !== listMarker))
    state.depth--;
  state.stackVersion++;
  if (!isItem) return claimSlot(state);
  if (state.depth === 0 || state.containerKinds[state.depth - 1] !== ContainerKind.List) {
    if (!claimSlot(state)) return false;
    pushContainer(state, ContainerKind.List, 0, listMarker);
  }
  return true;
}

/** Opens a block quote or list item; false when the current top-level block ends before it. */
export function openContainer(state: BlockState, kind: ContainerKind, width: number, marker: number): boolean {
  if (!prepareChild(state, kind === ContainerKind.Item, marker)) return false;
  pushContainer(state, kind, width, marker);
  return true;
}

/** Opens a leaf block; false when the current top-level block ends before it. */
export function openLeaf(state: BlockState, kind: LeafKind): boolean {
  if (!prepareChild(state, false, 0)) return false;
  state.matchedDepth = state.depth;
  state.leaf = kind;
  return true;
}
