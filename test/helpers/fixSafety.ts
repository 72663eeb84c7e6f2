/**
 * The judge of quick fixes used by the fix-safety property test and by
 * tools/measure-fixes.ts: it applies a fix and says what is wrong with the
 * result, if anything. Kept apart from the engine's own checks on purpose:
 * markup is compared character by character, grammar is judged by
 * compromise's reading of the words around each edit and by harper.js ("no
 * new harper lint"), and the rule is run again on the fixed text.
 */
import nlp from 'compromise/two';
import type { Engine, Finding, Fix } from '../../server/src/engine/api';
import { applyEdits } from '../../server/src/engine/index';

/** Characters that are Markdown markup or brackets: a fix must not add, drop or move any. */
const MARKUP_CHARS = /[*_`[\]()<>~]/g;

const DETERMINERS = new Set(['a', 'an', 'the', 'your', 'our', 'their', 'its', 'his', 'her', 'my', 'this', 'every', 'each', 'any']);
const MODALS = new Set(['can', 'could', 'will', 'would', 'may', 'might', 'must', 'shall', 'should', 'to', 'do', 'does', 'did', 'cannot']);
const PREPOSITIONS = new Set(['to', 'with', 'by', 'into', 'of', 'on', 'upon', 'for', 'at']);
const BE = new Set(['is', 'are', 'was', 'were', 'am']);
const ADVERBS = new Set(['now', 'also', 'then', 'still', 'just', 'already', 'even', 'only', 'soon', 'not', 'never', 'always']);

/** A harper.js linter, or whatever part of it the judge needs. */
export interface GrammarLinter {
  lint(text: string, options: { language: 'markdown' }): Promise<{ lint_kind(): string; message(): string; get_problem_text(): string }[]>;
}

const wordTags = new Map<string, Set<string>>();

/** compromise's tags for a word read on its own. */
function tagsOf(word: string): Set<string> {
  const lower = word.toLowerCase();
  let tags = wordTags.get(lower);
  if (tags === undefined) {
    tags = new Set((nlp(lower).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? []);
    wordTags.set(lower, tags);
  }
  return tags;
}

/** The words of a text with their offsets, markup left out. */
function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The fixed text's edits, in the fixed text's offsets. */
function editedRanges(fix: Fix): { start: number; end: number }[] {
  let shift = 0;
  return [...fix.edits]
    .sort((a, b) => a.range.start - b.range.start)
    .map((edit) => {
      const start = edit.range.start + shift;
      shift += edit.newText.length - (edit.range.end - edit.range.start);
      return { start, end: start + edit.newText.length };
    });
}

/** What compromise's reading of the words around one edit finds wrong, if anything. */
export function localShapeProblem(fixed: string, range: { start: number; end: number }): string | undefined {
  const words = wordsOf(fixed);
  const inside = words.filter((w) => w.start >= range.start && w.end <= range.end);
  if (inside.length === 0) return undefined;
  const firstIndex = words.indexOf(inside[0]!);
  const lastIndex = words.indexOf(inside[inside.length - 1]!);
  // Only a word that the edit follows across plain spaces stands in a grammatical relation checked here ("Q&A: OpenAI" is a label).
  const joined = firstIndex > 0 && /^\s+$/.test(fixed.slice(words[firstIndex - 1]!.end, inside[0]!.start));
  const before = joined ? words[firstIndex - 1]!.word : undefined;
  let anchor = firstIndex - 1;
  while (anchor >= 0 && (ADVERBS.has(words[anchor]!.word) || words[anchor]!.word.endsWith('ly'))) anchor--;
  const modal = anchor >= 0 ? words[anchor]!.word : undefined;
  const first = inside[0]!.word;
  const firstTags = tagsOf(first);
  const isVerb = firstTags.has('Verb') || BE.has(first);
  // "it's integrating": before an -ing verb, "'s" is "is".
  const possessive = before !== undefined && before.endsWith("'s") && !(firstTags.has('Gerund') || first.endsWith('ing'));
  if (before !== undefined && (DETERMINERS.has(before) || possessive) && isVerb) return `determiner + verb: "${before} ${first}"`;
  if ((before === 'a' && /^[aeiou]/.test(first)) || (before === 'an' && /^[^aeiou]/.test(first))) return `article: "${before} ${first}"`;
  if (modal !== undefined && MODALS.has(modal) && isVerb && first !== 'be' && !firstTags.has('Infinitive'))
    return `modal + finite verb: "${modal} ${first}"`;
  if (before !== undefined && BE.has(before) && (BE.has(first) || (isVerb && firstTags.has('PresentTense') && !firstTags.has('Gerund'))))
    return `be + finite verb: "${before} ${first}"`;
  const last = words[lastIndex]!.word;
  const after = words[lastIndex + 1];
  if (PREPOSITIONS.has(last) && (after === undefined || PREPOSITIONS.has(after.word)))
    return `preposition at the seam: "${last} ${after?.word ?? '(end)'}"`;
  return undefined;
}

/** What is wrong with a fix of a finding in `text`, or undefined when nothing is. */
export async function fixProblem(
  engine: Engine,
  text: string,
  finding: Finding,
  fix: Fix,
  linter?: GrammarLinter,
): Promise<string | undefined> {
  const fixed = applyEdits(text, fix.edits);
  const markupBefore = (text.match(MARKUP_CHARS) ?? []).join('');
  const markupAfter = (fixed.match(MARKUP_CHARS) ?? []).join('');
  if (markupBefore !== markupAfter) return `markup changed: ${markupBefore} -> ${markupAfter}`;
  const ranges = editedRanges(fix);
  const spanStart = Math.min(...ranges.map((r) => r.start));
  const spanEnd = Math.max(...ranges.map((r) => r.end));
  const again = engine
    .check(fixed, 'markdown')
    .findings.find((other) => other.ruleId === finding.ruleId && other.range.start < spanEnd + 1 && spanStart < other.range.end + 1);
  if (again) return `still a ${finding.ruleId} finding: "${fixed.slice(again.range.start, again.range.end)}"`;
  for (const range of ranges) {
    const problem = localShapeProblem(fixed, range);
    if (problem !== undefined) return problem;
  }
  if (linter && markupBefore === '') {
    // Lints are compared by kind and count: the fix changes the words a lint quotes, not whether the kind is new.
    const before = await lintKinds(linter, text);
    for (const [kind, count] of await lintKinds(linter, fixed))
      if (count > (before.get(kind) ?? 0)) return `new harper lint: ${kind} in "${fixed}"`;
  }
  return undefined;
}

const lintCache = new Map<string, Map<string, number>>();

async function lintKinds(linter: GrammarLinter, text: string): Promise<Map<string, number>> {
  let kinds = lintCache.get(text);
  if (kinds === undefined) {
    kinds = new Map();
    for (const lint of await linter.lint(text, { language: 'markdown' }))
      kinds.set(lint.lint_kind(), (kinds.get(lint.lint_kind()) ?? 0) + 1);
    if (lintCache.size < 50_000) lintCache.set(text, kinds);
  }
  return kinds;
}

/** Markdown variants of a sentence around one finding: markup on part of the match and on the words around it. */
export function markupVariants(text: string, finding: Finding): string[] {
  const words = wordsOf(text);
  const focus = words.filter((w) => w.start >= finding.range.start && w.end <= finding.range.end);
  const before = words.filter((w) => w.end <= finding.range.start);
  const after = words.filter((w) => w.start >= finding.range.end);
  const wrap = (from: { start: number }, to: { end: number }, open: string, close: string): string =>
    text.slice(0, from.start) + open + text.slice(from.start, to.end) + close + text.slice(to.end);
  const variants: string[] = [];
  if (focus.length >= 2) {
    variants.push(wrap(focus[0]!, focus[focus.length - 2]!, '*', '*'));
    variants.push(wrap(focus[1]!, focus[focus.length - 1]!, '**', '**'));
  }
  if (focus.length >= 1) variants.push(wrap(focus[0]!, focus[focus.length - 1]!, '_', '_'));
  const previous = before[before.length - 1];
  if (previous) variants.push(wrap(previous, previous, '*', '*'));
  const next = after[0];
  if (next) variants.push(wrap(next, next, '[', '](https://example.com/x)'));
  const earlier = before[before.length - 2];
  if (earlier) variants.push(wrap(earlier, earlier, '`', '`'));
  return variants;
}
