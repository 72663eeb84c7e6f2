/**
 * Emphasis and strikethrough: pairing delimiter runs (`*`, `_`, `~~`) as
 * CommonMark's "process emphasis" procedure does. A run that pairs becomes
 * markup, as far as it is used; a run that finds no partner stays text, so
 * `5*ChatGPT` reads as the two words it shows, while `en**able**d` reads as
 * one.
 *
 * The inline pass records each run with {@link pushDelimiterRun} (with a
 * tentative mark), pairs the runs inside a link when the link closes, and
 * pairs the rest and settles every mark with {@link settleEmphasis} when the
 * unit ends. The delimiter stack is a doubly linked list over the records,
 * and openers already searched are not searched again, so pairing is linear.
 */
import { Char } from './characters';
import { grown, MarkKind, type InlineState } from './inlineState';

const CAN_OPEN = 1;
const CAN_CLOSE = 2;
/** The flags hold, above these bits, the run's "openers bottom" slot. */
const SLOT_SHIFT = 2;

/**
 * Records the delimiter run [start, end) of `marker` that can open and/or
 * close emphasis, with a tentative mark.
 */
export function pushDelimiterRun(state: InlineState, start: number, end: number, marker: number, canOpen: boolean, canClose: boolean): void {
  const d = state.delimiterCount;
  if (d === state.delimiterMarks.length) growDelimiters(state);
  state.mark(start, end, MarkKind.Tentative);
  const length = end - start;
  // The slot: by marker, whether the run can open, and its length modulo 3.
  const slot = (marker === Char.Asterisk ? 0 : marker === Char.Underscore ? 6 : 12) + (canOpen ? 3 : 0) + (length % 3);
  state.delimiterMarks[d] = state.markCount - 1;
  state.delimiterMarkers[d] = marker;
  state.delimiterFlags[d] = (canOpen ? CAN_OPEN : 0) | (canClose ? CAN_CLOSE : 0) | (slot << SLOT_SHIFT);
  state.delimiterLengths[d] = length;
  state.delimiterRemaining[d] = length;
  state.delimiterUsedAtStart[d] = 0;
  state.delimiterUsedAtEnd[d] = 0;
  const top = state.delimiterTop;
  state.delimiterPrevious[d] = top;
  state.delimiterNext[d] = -1;
  if (top >= 0) state.delimiterNext[top] = d;
  else state.delimiterBottom = d;
  state.delimiterTop = d;
  state.delimiterCount = d + 1;
}

/** Takes every run above record `below` (-1: every run) off the stack. */
function truncateStack(state: InlineState, below: number): void {
  state.delimiterTop = below;
  if (below >= 0) state.delimiterNext[below] = -1;
  else state.delimiterBottom = -1;
}

/**
 * Forgets the records from `count` on (the runs inside an image, whose marks
 * are dropped); `below` is the stack's top when the image opened.
 */
export function dropDelimitersFrom(state: InlineState, count: number, below: number): void {
  state.delimiterCount = count;
  truncateStack(state, below);
}

function unlink(state: InlineState, d: number): void {
  const previous = state.delimiterPrevious[d];
  const next = state.delimiterNext[d];
  if (previous >= 0) state.delimiterNext[previous] = next;
  else state.delimiterBottom = next;
  if (next >= 0) state.delimiterPrevious[next] = previous;
  else state.delimiterTop = previous;
}

/** CommonMark's "rule of three": a run that can both open and close pairs only if the lengths do not add up to a multiple of 3 (unless both are). */
function breaksRuleOfThree(state: InlineState, opener: number, closer: number): boolean {
  if ((state.delimiterFlags[opener] & CAN_CLOSE) === 0 && (state.delimiterFlags[closer] & CAN_OPEN) === 0) return false;
  const a = state.delimiterLengths[opener];
  const b = state.delimiterLengths[closer];
  return (a + b) % 3 === 0 && !(a % 3 === 0 && b % 3 === 0);
}

/** The nearest opener for `closer` above record `floor`, or -1. */
function findOpener(state: InlineState, closer: number, floor: number): number {
  const marker = state.delimiterMarkers[closer];
  for (let opener = state.delimiterPrevious[closer]; opener > floor; opener = state.delimiterPrevious[opener]) {
    if (state.delimiterMarkers[opener] !== marker || (state.delimiterFlags[opener] & CAN_OPEN) === 0) continue;
    if (marker === Char.Tilde || !breaksRuleOfThree(state, opener, closer)) return opener;
  }
  return -1;
}

/** Pairs `closer` with `opener`: uses two characters of each if both have two (strong), else one; `~~` always two. */
function pair(state: InlineState, opener: number, closer: number): void {
  const remainingOpener = state.delimiterRemaining[opener];
  const remainingCloser = state.delimiterRemaining[closer];
  const use = state.delimiterMarkers[closer] === Char.Tilde ? 2 : remainingOpener >= 2 && remainingCloser >= 2 ? 2 : 1;
  state.delimiterRemaining[opener] = remainingOpener - use;
  state.delimiterUsedAtEnd[opener] += use;
  state.delimiterRemaining[closer] = remainingCloser - use;
  state.delimiterUsedAtStart[closer] += use;
  // The runs between the two can no longer pair with anything outside them.
  state.delimiterNext[opener] = closer;
  state.delimiterPrevious[closer] = opener;
  if (remainingOpener === use) unlink(state, opener);
}

/**
 * Pairs the runs on the stack from record `bottom` on, then takes them off
 * the stack (their records stay for {@link settleEmphasis}). `below` is the
 * top of the stack under them (-1 when there is none).
 */
export function processEmphasis(state: InlineState, bottom: number, below: number): void {
  if (state.delimiterTop < bottom) return;
  const openersBottom = state.openersBottom;
  const openersBottomSet = state.openersBottomSet;
  // A slot holds a value only if set during this call; others mean `bottom - 1` (search down to the bottom).
  const call = ++state.emphasisCalls;
  let current = below >= 0 ? state.delimiterNext[below] : state.delimiterBottom;
  while (current >= 0) {
    const flags = state.delimiterFlags[current];
    if ((flags & CAN_CLOSE) === 0) {
      current = state.delimiterNext[current];
      continue;
    }
    const slot = flags >> SLOT_SHIFT;
    const opener = findOpener(state, current, openersBottomSet[slot] === call ? openersBottom[slot] : bottom - 1);
    if (opener >= 0) {
      pair(state, opener, current);
      if (state.delimiterRemaining[current] > 0) continue;
    } else {
      // Nothing below can open for a closer of this kind: later ones need not look there again.
      openersBottom[slot] = Math.max(state.delimiterPrevious[current], bottom - 1);
      openersBottomSet[slot] = call;
      if ((flags & CAN_OPEN) !== 0) {
        current = state.delimiterNext[current];
        continue;
      }
    }
    const next = state.delimiterNext[current];
    unlink(state, current);
    current = next;
  }
  // Off the stack: the runs inside a link cannot pair with runs outside it.
  truncateStack(state, below);
}

/**
 * Pairs what is left and turns each run's tentative mark into markup over
 * the part of it that paired (an opener's end, a closer's start), leaving the
 * rest as text.
 */
export function settleEmphasis(state: InlineState): void {
  if (state.delimiterCount === 0) return;
  processEmphasis(state, 0, -1);
  const marks = state.marks;
  let split = false;
  for (let d = 0; d < state.delimiterCount; d++) {
    const at = state.delimiterMarks[d] * 3;
    const atStart = state.delimiterUsedAtStart[d];
    const atEnd = state.delimiterUsedAtEnd[d];
    if (atStart + atEnd === 0) continue;
    marks[at + 2] = MarkKind.Markup;
    if (atStart + atEnd === state.delimiterLengths[d]) continue;
    if (atEnd === 0) marks[at + 1] = marks[at] + atStart;
    else if (atStart === 0) marks[at] = marks[at + 1] - atEnd;
    else split = true;
  }
  if (split) splitMarks(state);
  state.delimiterCount = 0;
}

/**
 * The rare run used both as a closer and as an opener with text left in its
 * middle (`*a***b*`) needs two marks: rebuilds the mark list with them.
 */
function splitMarks(state: InlineState): void {
  const old = state.marks;
  const count = state.markCount;
  const usedAtStart = new Map<number, number>();
  const usedAtEnd = new Map<number, number>();
  for (let d = 0; d < state.delimiterCount; d++) {
    const atStart = state.delimiterUsedAtStart[d];
    const atEnd = state.delimiterUsedAtEnd[d];
    if (atStart > 0 && atEnd > 0 && atStart + atEnd < state.delimiterLengths[d]) {
      usedAtStart.set(state.delimiterMarks[d], atStart);
      usedAtEnd.set(state.delimiterMarks[d], atEnd);
    }
  }
  state.marks = new Int32Array(Math.max(old.length, 3 * (count + usedAtStart.size) + 3));
  state.markCount = 0;
  for (let m = 0; m < count; m++) {
    const start = old[m * 3];
    const end = old[m * 3 + 1];
    const atStart = usedAtStart.get(m);
    if (atStart === undefined) state.mark(start, end, old[m * 3 + 2] as MarkKind);
    else {
      state.mark(start, start + atStart, MarkKind.Markup);
      state.mark(end - usedAtEnd.get(m)!, end, MarkKind.Markup);
    }
  }
}

function growDelimiters(state: InlineState): void {
  state.delimiterMarks = grown(state.delimiterMarks);
  state.delimiterMarkers = grown(state.delimiterMarkers);
  state.delimiterFlags = grown(state.delimiterFlags);
  state.delimiterLengths = grown(state.delimiterLengths);
  state.delimiterRemaining = grown(state.delimiterRemaining);
  state.delimiterUsedAtStart = grown(state.delimiterUsedAtStart);
  state.delimiterUsedAtEnd = grown(state.delimiterUsedAtEnd);
  state.delimiterPrevious = grown(state.delimiterPrevious);
  state.delimiterNext = grown(state.delimiterNext);
}
