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
 */
export function selectFixes(findings: readonly Finding[]): FixSelection {
  const chosen: TextEdit[] = [];
  const deferred: Finding[] = [];
  let applied = 0;
  const ordered = [...findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (const finding of ordered) {
    const fix: Fix | undefined = finding.fixes[0];
    if (!fix || fix.edits.length === 0) continue;
    if (!isSelfConsistent(fix.edits) || fix.edits.some((edit) => chosen.some((other) => conflicts(edit, other)))) {
      deferred.push(finding);
      continue;
    }
    chosen.push(...fix.edits);
    applied++;
  }
  chosen.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { edits: chosen, applied, deferred };
}

function isSelfConsistent(edits: readonly TextEdit[]): boolean {
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) if (conflicts(edits[i]!, edits[j]!)) return false;
  }
  return true;
}

/** Overlapping ranges conflict; so do two edits at one point (their order would be ambiguous). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === b.range.start) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}
