/**
 * Where a fix may write. The matched words can have markup, an aside in
 * brackets or a line break with a quote marker between them ("*enables
 * access* to", "enables (after review) access to"); a fix then replaces only
 * the runs of plain words and leaves everything between them byte for byte.
 */
import type { TextEdit } from '../api';
import type { Token } from '../text/tokenize';

/** Characters that are markup (or a bracket) rather than prose punctuation. */
const MARKUP = /[*_`~[\]()<>{}|\\#=!^]/;
/** What may stand between two words that are replaced together: spaces and list commas. */
const PLAIN_GAP = /^[ \t,]*$/;
/** Words that close a matched phrase and map to the replacement's own closing preposition. */
const CLOSING_PREPOSITIONS = new Set(['to', 'into', 'on', 'upon', 'of', 'for', 'at', 'towards', 'toward', 'with', 'by']);

/** A run of plain words that one edit replaces: token indexes (end-exclusive) and source offsets. */
export interface WordRun {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The runs of plain words between `focusStart` and `focusEnd`. Undefined when
 * a word itself holds markup ("en**able**s"), or a code span stands among
 * them: no edit could replace that word and keep the markup.
 */
export function wordRuns(source: string, tokens: readonly Token[], focusStart: number, focusEnd: number): WordRun[] | undefined {
  const runs: WordRun[] = [];
  let open: { first: number; start: number } | undefined;
  let previous = -1;
  for (let i = focusStart; i < focusEnd; i++) {
    const token = tokens[i]!;
    if (token.opaque) return undefined;
    if (token.aside) continue;
    if (MARKUP.test(source.slice(token.start, token.end))) return undefined;
    const joined = open !== undefined && previous === i - 1 && PLAIN_GAP.test(source.slice(tokens[previous]!.end, token.start));
    if (!joined) {
      if (open !== undefined) runs.push({ first: open.first, last: previous + 1, start: open.start, end: tokens[previous]!.end });
      open = { first: i, start: token.start };
    }
    previous = i;
  }
  if (open !== undefined) runs.push({ first: open.first, last: previous + 1, start: open.start, end: tokens[previous]!.end });
  return runs;
}

/**
 * The edits that put `words` in place of the runs: one run takes them all;
 * of two runs, where the second ends in the phrase's closing preposition
 * ("*enables access* to", "enables (…) access to"), the second takes the
 * replacement's last word (its preposition) and the first the rest. Any
 * other arrangement cannot be rewritten without moving markup: undefined.
 */
export function editsForRuns(runs: readonly WordRun[], tokens: readonly Token[], words: readonly string[]): TextEdit[] | undefined {
  if (runs.length === 1) return [edit(runs[0]!, words.join(' '))];
  if (runs.length !== 2 || words.length < 2) return undefined;
  const [head, tail] = runs as [WordRun, WordRun];
  if (!CLOSING_PREPOSITIONS.has(tokens[tail.last - 1]!.lower)) return undefined;
  if (!CLOSING_PREPOSITIONS.has(words[words.length - 1]!)) return undefined;
  return [edit(head, words.slice(0, -1).join(' ')), edit(tail, words[words.length - 1]!)];
}

function edit(run: WordRun, newText: string): TextEdit {
  return { range: { start: run.start, end: run.end }, newText };
}

/** True when the source between two offsets is plain spaces: an edit may join across it. */
export function isPlainGap(source: string, start: number, end: number): boolean {
  return PLAIN_GAP.test(source.slice(start, end)) && !source.slice(start, end).includes(',');
}

/** True when a word as written holds no markup. */
export function isPlainWord(source: string, token: Token): boolean {
  return !token.opaque && !MARKUP.test(source.slice(token.start, token.end));
}
