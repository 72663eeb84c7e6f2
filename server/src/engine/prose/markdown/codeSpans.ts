/**
 * Code spans: finding the backtick run that closes one. A code span is one
 * opaque word to the inline pass, so only its extent matters here.
 */
import { Char } from './characters';
import type { InlineState } from './inlineState';

/**
 * End of the code span whose opening run of `length` backticks ends at
 * `from`, or -1 when no run of the same length follows. Every run a search
 * passes is remembered by length, and once a search has read to the end of
 * the unit the memory answers every later search: unclosed runs cost linear
 * time in total, not per run.
 */
export function backtickCloser(state: InlineState, from: number, length: number): number {
  if (length > 255) return -1;
  const runStart = state.backtickRunStart;
  const runStamp = state.backtickRunStamp;
  const generation = state.backtickGeneration;
  if (state.backticksExhausted && (runStamp[length] !== generation || runStart[length] < from)) return -1;
  const source = state.source;
  const end = state.rangeEnd;
  let q = from;
  while (q < end) {
    if (source.charCodeAt(q) !== Char.Backtick) {
      q++;
      continue;
    }
    const start = q;
    while (q < end && source.charCodeAt(q) === Char.Backtick) q++;
    const runLength = q - start;
    if (runLength <= 255) {
      runStart[runLength] = start;
      runStamp[runLength] = generation;
    }
    if (runLength === length) return q;
  }
  state.backticksExhausted = true;
  return -1;
}
