/**
 * Applying text edits and picking the fixes that can be applied together.
 * Pure: no I/O, works on JavaScript strings with UTF-16 offsets.
 */
import type { Finding, Fix, TextEdit } from '../api';

/** Thrown when edits overlap or fall outside the text. */
export class EditConflictError extends Error {
  override readonly name = 'EditConflictError';
}

/**
 * Applies edits that are all expressed in offsets of `text` (the text before
 * any of them). Edits are applied from the end so earlier offsets stay valid;
 * everything outside the edited ranges is kept unchanged. Two insertions at
 * the same offset are applied in the order given. Throws EditConflictError
 * when two edits overlap or an edit lies outside the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.index - b.index);
  let previousEnd = 0;
  for (const { edit } of ordered) {
    const { start, end } = edit.range;
    if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start || end > text.length) {
      throw new EditConflictError(`edit range ${start}-${end} lies outside the text (length ${text.length})`);
    }
    if (start < previousEnd) throw new EditConflictError(`edits overlap at offset ${start}`);
    previousEnd = end;
  }
  const parts: string[] = [];
  let cursor = 0;
  for (const { edit } of ordered) {
    parts.push(text.slice(cursor, edit.range.start), edit.newText);
    cursor = edit.range.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** The fixes chosen by selectFixes and the findings whose fix had to wait. */
export interface FixSelection {
  /** All edits of the chosen fixes, sorted by start offset, pairwise non-overlapping. */
  readonly edits: readonly TextEdit[];
  /** Number of findings whose first fix was chosen. */
  readonly applied: number;
  /** Findings with a fix that was left out because it overlapped a chosen one. */
  readonly deferred: readonly Finding[];
}

/**
 * Chooses, in document order, the first fix of each finding, keeping a fix
 * only when none of its edits overlaps (or touches the same insertion point
 * as) an edit already chosen, so the result can be applied in one pass.
 * Findings without fixes are ignored. A fix is taken whole or not at all.
 * Takes O(n log n) time for n edits, whatever order the fixes' edits are in.
 */
export function selectFixes(findings: readonly Finding[]): FixSelection {
  const deferred: Finding[] = [];
  let applied = 0;
  const ordered = [...findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const candidates: TextEdit[][] = [];
  for (const finding of ordered) {
    const fix: Fix | undefined = finding.fixes[0];
    if (!fix || fix.edits.length === 0) continue;
    candidates.push([...fix.edits].sort(byRange));
  }
  const chosen = new ChosenEdits(candidates.flat());
  let next = 0;
  for (const finding of ordered) {
    const fix: Fix | undefined = finding.fixes[0];
    if (!fix || fix.edits.length === 0) continue;
    const edits = candidates[next++]!;
    if (!isSelfConsistent(edits) || edits.some((edit) => chosen.conflictsWith(edit))) {
      deferred.push(finding);
      continue;
    }
    for (const edit of edits) chosen.add(edit);
    applied++;
  }
  return { edits: chosen.inOrder(), applied, deferred };
}

function byRange(a: TextEdit, b: TextEdit): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

/** Edits sorted by range: two conflicting edits are then next to each other. */
function isSelfConsistent(sortedEdits: readonly TextEdit[]): boolean {
  for (let i = 1; i < sortedEdits.length; i++) if (conflicts(sortedEdits[i - 1]!, sortedEdits[i]!)) return false;
  return true;
}

/** Overlapping ranges conflict; so do two edits at one point (their order would be ambiguous). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === b.range.start) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/**
 * The edits chosen so far, out of a list of candidates known in advance.
 * Chosen edits never conflict, so sorted by start they are also sorted by
 * end, and an edit conflicts with one of them only if it conflicts with the
 * chosen edit that starts last at or before it or the one that starts first
 * after it. Those two are found in O(log n) with a Fenwick tree over the
 * candidates' ranks in start order.
 */
class ChosenEdits {
  private readonly sorted: readonly TextEdit[];
  private readonly rankOf = new Map<TextEdit, number>();
  private readonly isChosen: Uint8Array;
  /** Fenwick tree of chosen counts by rank (1-based). */
  private readonly tree: Int32Array;
  private readonly highBit: number;
  private chosenCount = 0;

  constructor(candidates: readonly TextEdit[]) {
    this.sorted = [...candidates].sort(byRange);
    this.sorted.forEach((edit, rank) => this.rankOf.set(edit, rank));
    this.isChosen = new Uint8Array(this.sorted.length);
    this.tree = new Int32Array(this.sorted.length + 1);
    let bit = 1;
    while (bit * 2 <= this.sorted.length) bit *= 2;
    this.highBit = bit;
  }

  add(edit: TextEdit): void {
    const rank = this.rankOf.get(edit)!;
    this.isChosen[rank] = 1;
    this.chosenCount++;
    for (let i = rank + 1; i < this.tree.length; i += i & -i) this.tree[i]!++;
  }

  conflictsWith(edit: TextEdit): boolean {
    // Ranks up to `last` are the candidates that start at or before the edit.
    const last = this.lastRankStartingBy(edit.range.start);
    const before = this.countUpTo(last);
    const previous = before > 0 ? this.sorted[this.rankOfNth(before)]! : undefined;
    const following = before < this.chosenCount ? this.sorted[this.rankOfNth(before + 1)]! : undefined;
    return (previous !== undefined && conflicts(previous, edit)) || (following !== undefined && conflicts(following, edit));
  }

  /** The chosen edits, sorted by range. */
  inOrder(): TextEdit[] {
    return this.sorted.filter((_, rank) => this.isChosen[rank] === 1);
  }

  private lastRankStartingBy(offset: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]!.range.start <= offset) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }

  /** How many chosen edits have a rank up to `rank` (inclusive). */
  private countUpTo(rank: number): number {
    let count = 0;
    for (let i = rank + 1; i > 0; i -= i & -i) count += this.tree[i]!;
    return count;
  }

  /** The rank of the `n`th chosen edit (1-based), by descending the tree. */
  private rankOfNth(n: number): number {
    let position = 0;
    let remaining = n;
    for (let bit = this.highBit; bit > 0; bit >>= 1) {
      const next = position + bit;
      if (next < this.tree.length && this.tree[next]! < remaining) {
        position = next;
        remaining -= this.tree[next]!;
      }
    }
    return position;
  }
}
