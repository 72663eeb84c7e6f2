/**
 * Shared by the construction tests: which memo categories the built-in packs
 * report for a text, with or without the claim model, and assertions over
 * lists of positive and negative examples.
 */
import assert from 'node:assert/strict';
import { builtinEngine, categoryOf } from './builtinEngine';

/** Every category reported for `text`, rules and claim model together, sorted. */
export function categories(text: string): string[] {
  return [
    ...new Set(
      builtinEngine()
        .check(text, 'markdown')
        .findings.map((finding) => categoryOf(finding.ruleId)),
    ),
  ].sort();
}

/** Categories the pattern rules report, without the claim model's findings: a construction is the rules' own. */
export function patternCategories(text: string): string[] {
  const findings = builtinEngine()
    .check(text, 'markdown')
    .findings.filter((finding) => !finding.ruleId.startsWith('memo/likely-'));
  return [...new Set(findings.map((finding) => categoryOf(finding.ruleId)))].sort();
}

/** Each positive is reported as `category` by a pattern rule; no negative is reported as `category` at all. */
export function expectPatternCategory(category: string, positives: readonly string[], negatives: readonly string[] = []): void {
  for (const text of positives) assert.ok(patternCategories(text).includes(category), `expected ${category} from a pattern: ${text}`);
  for (const text of negatives) assert.ok(!categories(text).includes(category), `unexpected ${category}: ${text}`);
}

/** Each positive is reported as `category` (by a rule or the model); no negative is. */
export function expectCategory(category: string, positives: readonly string[], negatives: readonly string[] = []): void {
  for (const text of positives)
    assert.ok(categories(text).includes(category), `expected ${category}: ${text} (found ${categories(text).join(', ') || 'nothing'})`);
  for (const text of negatives) assert.ok(!categories(text).includes(category), `unexpected ${category}: ${text}`);
}
