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

/**
 * The fields of a delimiter record in `state.delimiters`: the index of the
 * run's mark; its info (whether it can open and close, the "openers bottom"
 * slot of a closer like it, its character); its length; how much of it is
 * still unpaired; how much paired at its start (as a closer) and at its end
 * (as an opener); and its neighbours on the stack.
 */
const MARK = 0;
const INFO = 1;
const LENGTH = 2;
const REMAINING = 3;
const USED_AT_START = 4;
const USED_AT_END = 5;
const PREVIOUS = 6;
const NEXT = 7;
const FIELDS = 8;

const CAN_OPEN = 1;
const CAN_CLOSE = 2;
/** Info bits: CAN_OPEN, CAN_CLOSE, then the slot (0 to 17), then the character. */
const SLOT_SHIFT = 2;
const SLOT_MASK = 31;
const MARKER_SHIFT = 8;

/**
 * Records the delimiter run [start, end) of `marker` that can open and/or
 * close emphasis, with a tentative mark.
 */
export function pushDelimiterRun(
  state: InlineState,
  start: number,
  end: number,
  marker: number,
  canOpen: boolean,
  canClose: boolean,
): void {
  if (canClose && !canOpen && closesTop(state, end - start, marker)) {
    state.mark(start, end, MarkKind.Markup);
    return;
  }
  const d = state.delimiterCount;
  const at = d * FIELDS;
  if (at === state.delimiters.length) state.delimiters = grown(state.delimiters);
  state.mark(start, end, MarkKind.Tentative);
  const length = end - start;
  // The slot: by character, whether the run can open, and its length modulo 3.
  const slot = (marker === Char.Asterisk ? 0 : marker === Char.Underscore ? 6 : 12) + (canOpen ? 3 : 0) + (length % 3);
  const records = state.delimiters;
  records[at + MARK] = state.markCount - 1;
  records[at + INFO] = (canOpen ? CAN_OPEN : 0) | (canClose ? CAN_CLOSE : 0) | (slot << SLOT_SHIFT) | (marker << MARKER_SHIFT);
  records[at + LENGTH] = length;
  records[at + REMAINING] = length;
  records[at + USED_AT_START] = 0;
  records[at + USED_AT_END] = 0;
  const top = state.delimiterTop;
  records[at + PREVIOUS] = top;
  records[at + NEXT] = -1;
  if (top >= 0) records[top * FIELDS + NEXT] = d;
  else state.delimiterBottom = d;
  state.delimiterTop = d;
  state.delimiterCount = d + 1;
}

/**
 * The common case, settled at once: a closer that cannot open, right after
 * an opener that cannot close, of the same character and length, with no
 * bracket opened between them (`*word*`, `**two words**`). CommonMark's
 * procedure would pair exactly these two, whole, and nothing else would
 * change, so the opener is used up and the closer needs no record.
 */
function closesTop(state: InlineState, length: number, marker: number): boolean {
  const top = state.delimiterTop;
  if (top < 0 || (state.bracketCount > 0 && top < state.bracketDelimiters[state.bracketCount - 1])) return false;
  const records = state.delimiters;
  const at = top * FIELDS;
  const info = records[at + INFO];
  if (
    (info & (CAN_OPEN | CAN_CLOSE)) !== CAN_OPEN ||
    info >> MARKER_SHIFT !== marker ||
    records[at + LENGTH] !== length ||
    records[at + REMAINING] !== length
  )
    return false;
  records[at + REMAINING] = 0;
  records[at + USED_AT_END] = length;
  unlink(state, records, top);
  return true;
}

/** Takes every run above record `below` (-1: every run) off the stack. */
function truncateStack(state: InlineState, below: number): void {
  state.delimiterTop = below;
  if (below >= 0) state.delimiters[below * FIELDS + NEXT] = -1;
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

function unlink(state: InlineState, records: Int32Array, d: number): void {
  const previous = records[d * FIELDS + PREVIOUS];
  const next = records[d * FIELDS + NEXT];
  if (previous >= 0) records[previous * FIELDS + NEXT] = next;
  else state.delimiterBottom = next;
  if (next >= 0) records[next * FIELDS + PREVIOUS] = previous;
  else state.delimiterTop = previous;
}

/** CommonMark's "rule of three": a run that can both open and close pairs only if the lengths do not add up to a multiple of 3 (unless both are). */
function breaksRuleOfThree(records: Int32Array, opener: number, closer: number): boolean {
  if ((records[opener * FIELDS + INFO] & CAN_CLOSE) === 0 && (records[closer * FIELDS + INFO] & CAN_OPEN) === 0) return false;
  const a = records[opener * FIELDS + LENGTH];
  const b = records[closer * FIELDS + LENGTH];
  return (a + b) % 3 === 0 && !(a % 3 === 0 && b % 3 === 0);
}

/** The nearest opener for `closer` above record `floor`, or -1. */
function findOpener(records: Int32Array, closer: number, floor: number): number {
  const marker = records[closer * FIELDS + INFO] >> MARKER_SHIFT;
  for (let opener = records[closer * FIELDS + PREVIOUS]; opener > floor; opener = records[opener * FIELDS + PREVIOUS]) {
    const info = records[opener * FIELDS + INFO];
    if (info >> MARKER_SHIFT !== marker || (info & CAN_OPEN) === 0) continue;
    if (marker === Char.Tilde || !breaksRuleOfThree(records, opener, closer)) return opener;
  }
  return -1;
}

/** Pairs `closer` with `opener`: uses two characters of each if both have two (strong), else one; `~~` always two. */
function pair(state: InlineState, records: Int32Array, opener: number, closer: number): void {
  const o = opener * FIELDS;
  const c = closer * FIELDS;
  const remainingOpener = records[o + REMAINING];
  const remainingCloser = records[c + REMAINING];
  const use = records[c + INFO] >> MARKER_SHIFT === Char.Tilde ? 2 : remainingOpener >= 2 && remainingCloser >= 2 ? 2 : 1;
  records[o + REMAINING] = remainingOpener - use;
  records[o + USED_AT_END] += use;
  records[c + REMAINING] = remainingCloser - use;
  records[c + USED_AT_START] += use;
  // The runs between the two can no longer pair with anything outside them.
  records[o + NEXT] = closer;
  records[c + PREVIOUS] = opener;
  if (remainingOpener === use) unlink(state, records, opener);
}

/**
 * Pairs the runs on the stack from record `bottom` on, then takes them off
 * the stack (their records stay for {@link settleEmphasis}). `below` is the
 * top of the stack under them (-1 when there is none).
 */
export function processEmphasis(state: InlineState, bottom: number, below: number): void {
  if (state.delimiterTop < bottom) return;
  const records = state.delimiters;
  const openersBottom = state.openersBottom;
  const openersBottomSet = state.openersBottomSet;
  // A slot holds a value only if set during this call; others mean `bottom - 1` (search down to the bottom).
  const call = ++state.emphasisCalls;
  let current = below >= 0 ? records[below * FIELDS + NEXT] : state.delimiterBottom;
  while (current >= 0) {
    const info = records[current * FIELDS + INFO];
    if ((info & CAN_CLOSE) === 0) {
      current = records[current * FIELDS + NEXT];
      continue;
    }
    const slot = (info >> SLOT_SHIFT) & SLOT_MASK;
    const opener = findOpener(records, current, openersBottomSet[slot] === call ? openersBottom[slot] : bottom - 1);
    if (opener >= 0) {
      pair(state, records, opener, current);
      if (records[current * FIELDS + REMAINING] > 0) continue;
    } else {
      // Nothing below can open for a closer of this kind: later ones need not look there again.
      openersBottom[slot] = Math.max(records[current * FIELDS + PREVIOUS], bottom - 1);
      openersBottomSet[slot] = call;
      if ((info & CAN_OPEN) !== 0) {
        current = records[current * FIELDS + NEXT];
        continue;
      }
    }
    const next = records[current * FIELDS + NEXT];
    unlink(state, records, current);
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
  const records = state.delimiters;
  let split = false;
  for (let at = 0, end = state.delimiterCount * FIELDS; at < end; at += FIELDS) {
    const atStart = records[at + USED_AT_START];
    const atEnd = records[at + USED_AT_END];
    if (atStart + atEnd === 0) continue;
    const mark = records[at + MARK] * 3;
    marks[mark + 2] = MarkKind.Markup;
    if (atStart + atEnd === records[at + LENGTH]) continue;
    if (atEnd === 0) marks[mark + 1] = marks[mark] + atStart;
    else if (atStart === 0) marks[mark] = marks[mark + 1] - atEnd;
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
  const records = state.delimiters;
  const usedAtStart = new Map<number, number>();
  const usedAtEnd = new Map<number, number>();
  for (let at = 0, end = state.delimiterCount * FIELDS; at < end; at += FIELDS) {
    const atStart = records[at + USED_AT_START];
    const atEnd = records[at + USED_AT_END];
    if (atStart > 0 && atEnd > 0 && atStart + atEnd < records[at + LENGTH]) {
      usedAtStart.set(records[at + MARK], atStart);
      usedAtEnd.set(records[at + MARK], atEnd);
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
