/**
 * The Markdown inline pass. It reads one prose unit, loaded into an
 * {@link InlineState}, from left to right and marks its non-prose ranges:
 * emphasis and strikethrough runs, escapes, link brackets and destinations
 * (markup), code spans, autolinks, bare URLs, inline HTML and images (opaque
 * words), and HTML comments. Everything left unmarked is prose.
 *
 * Emphasis delimiters are paired as CommonMark pairs them (emphasis.ts): a
 * run that finds no partner stays text. Backtracking scans (code-span
 * closers, link tails, tags) are bounded by caches and a work budget, so the
 * pass is linear in the length of the unit.
 */
import { backtickCloser } from './codeSpans';
import { bareUrlAtColon, wwwUrlAtPeriod } from './autolinks';
import { Char, INLINE_TRIGGER, isEscapable, isPunctuation, isWhitespace } from './characters';
import { pushDelimiterRun, settleEmphasis } from './emphasis';
import { angleBracket } from './inlineHtml';
import { invisibleEntityEnd } from './invisibleEntities';
import { MarkKind, type InlineState } from './inlineState';
import { closeBracket, footnoteReferenceEnd } from './links';

/** Marks the non-prose ranges of the unit loaded into `state`. */
export function parseInlines(state: InlineState): void {
  const source = state.source;
  const end = state.rangeEnd;
  let k = state.rangeStart;
  for (;;) {
    // A tight loop over plain text, apart from the handling of the characters that stop it.
    while (k < end && INLINE_TRIGGER[source.charCodeAt(k)] === 0) k++;
    if (k >= end) break;
    const c = source.charCodeAt(k);
    switch (c) {
      case Char.Backslash:
        k = backslash(state, k);
        break;
      case Char.Backtick: {
        let runEnd = k + 1;
        while (runEnd < end && source.charCodeAt(runEnd) === Char.Backtick) runEnd++;
        const close = backtickCloser(state, runEnd, runEnd - k);
        if (close >= 0) {
          state.mark(k, close, MarkKind.Opaque);
          k = close;
        } else k = runEnd;
        break;
      }
      case Char.Asterisk:
      case Char.Underscore:
      case Char.Tilde:
        k = delimiterRun(state, k, c);
        break;
      case Char.Exclamation:
        if (k + 1 < end && source.charCodeAt(k + 1) === Char.OpenBracket) {
          state.pushBracket(k, state.markCount, true);
          k += 2;
        } else k++;
        break;
      case Char.OpenBracket:
        k = openBracket(state, k);
        break;
      case Char.CloseBracket:
        k = closeBracket(state, k);
        break;
      case Char.LessThan:
        k = angleBracket(state, k);
        break;
      case Char.Ampersand: {
        // A reference to an invisible character inside a word hides nothing: it is markup, like intraword emphasis.
        const entityEnd = invisibleEntityEnd(source, k, end);
        if (entityEnd > 0) {
          state.mark(k, entityEnd, MarkKind.Markup);
          k = entityEnd;
        } else k++;
        break;
      }
      case Char.Colon:
        // Most colons end a clause: look further only at `://`.
        k = k + 2 < end && source.charCodeAt(k + 1) === Char.Slash ? bareUrlAtColon(state, k) : k + 1;
        break;
      case Char.Period:
        // Most periods end a sentence: look further only after a `w`.
        k = k > state.rangeStart && (source.charCodeAt(k - 1) | 32) === Char.LowerW ? wwwUrlAtPeriod(state, k) : k + 1;
        break;
      default:
        k++;
    }
  }
  settleEmphasis(state);
}

/** A backslash at `k`: escapes punctuation or makes a hard line break; returns where to go on. */
function backslash(state: InlineState, k: number): number {
  if (k + 1 < state.rangeEnd) {
    const next = state.source.charCodeAt(k + 1);
    if (next === Char.LineFeed || next === Char.CarriageReturn) {
      state.mark(k, k + 1, MarkKind.Markup);
      return k + 1;
    }
    if (isEscapable(next)) {
      state.mark(k, k + 1, MarkKind.Markup);
      return k + 2;
    }
  }
  return k + 1;
}

/**
 * A run of `*`, `_` or `~` at `k`. When CommonMark's flanking rules let it
 * open or close emphasis (`~` only as `~~`), it is recorded for pairing;
 * returns the offset after the run.
 */
function delimiterRun(state: InlineState, k: number, c: number): number {
  const source = state.source;
  const end = state.rangeEnd;
  let runEnd = k + 1;
  while (runEnd < end && source.charCodeAt(runEnd) === c) runEnd++;
  if (c === Char.Tilde && runEnd - k !== 2) return runEnd;
  const before = k > state.rangeStart ? source.charCodeAt(k - 1) : Char.LineFeed;
  const after = runEnd < end ? source.charCodeAt(runEnd) : Char.LineFeed;
  const spaceBefore = isWhitespace(before);
  const spaceAfter = isWhitespace(after);
  const punctuationBefore = !spaceBefore && isPunctuation(before);
  const punctuationAfter = !spaceAfter && isPunctuation(after);
  const leftFlanking = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore);
  const rightFlanking = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter);
  // `_` inside a word (snake_case) neither opens nor closes, as CommonMark says.
  const underscore = c === Char.Underscore;
  const canOpen = underscore ? leftFlanking && (!rightFlanking || punctuationBefore) : leftFlanking;
  const canClose = underscore ? rightFlanking && (!leftFlanking || punctuationAfter) : rightFlanking;
  if (canOpen || canClose) pushDelimiterRun(state, k, runEnd, c, canOpen, canClose);
  return runEnd;
}

/** A `[` at `k`: a footnote reference (opaque), or a bracket that a later `]` may make a link. */
function openBracket(state: InlineState, k: number): number {
  if (k + 1 < state.rangeEnd && state.source.charCodeAt(k + 1) === Char.Caret) {
    const end = footnoteReferenceEnd(state, k);
    if (end > 0) {
      state.mark(k, end, MarkKind.Opaque);
      return end;
    }
  }
  state.mark(k, k + 1, MarkKind.Tentative);
  state.pushBracket(k, state.markCount - 1, false);
  return k + 1;
}
