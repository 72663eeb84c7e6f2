/** Shared by the engine tests: the engine built from the built-in packs, loaded once. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';
import { createEngine, type Engine, type Finding } from '../../server/src/engine/index';

let cached: Engine | undefined;

export function builtinEngine(): Engine {
  cached ??= createEngine(builtinPackFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') })));
  return cached;
}

/** The memo category of a rule id, as the labelled sentence files name them. */
export function categoryOf(ruleId: string): string {
  return builtinEngine().rule(ruleId)?.category ?? 'unknown';
}

export interface LabelledSentence {
  readonly id: string;
  readonly text: string;
  readonly expect: readonly string[];
  readonly either: readonly string[];
}

export function readLabelledSentences(file: string): LabelledSentence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledSentence);
}

/** What a score counts: every finding, or only the pattern rules' (the claim model's findings left out). */
export interface ScoreOptions {
  readonly rulesOnly?: boolean;
}

export function categoriesFound(sentence: LabelledSentence, options: ScoreOptions = {}): Set<string> {
  const engine = builtinEngine();
  return new Set(
    engine
      .check(sentence.text, 'markdown')
      .findings.filter((finding) => !options.rulesOnly || engine.rule(finding.ruleId)?.claimModel === undefined)
      .map((finding) => categoryOf(finding.ruleId)),
  );
}

/** Counts per category, where `either` categories are neither rewarded nor punished. */
export function scoreSentences(
  sentences: readonly LabelledSentence[],
  options: ScoreOptions = {},
): { precision: number; recall: number; misses: string[] } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const sentence of sentences) {
    const found = categoriesFound(sentence, options);
    for (const category of sentence.expect) {
      if (found.has(category)) truePositives++;
      else {
        falseNegatives++;
        misses.push(`${sentence.id} missed ${category}: ${sentence.text}`);
      }
    }
    for (const category of found) {
      if (!sentence.expect.includes(category) && !sentence.either.includes(category)) {
        falsePositives++;
        misses.push(`${sentence.id} wrongly reported ${category}: ${sentence.text}`);
      }
    }
  }
  return { precision: truePositives / (truePositives + falsePositives), recall: truePositives / (truePositives + falseNegatives), misses };
}

/** A labelled document folder's EXPECTED.txt: `FILE:LINE RULE-ID` entries, those after `# either` optional. */
export interface DocumentExpectations {
  readonly required: ReadonlySet<string>;
  readonly allowed: ReadonlySet<string>;
}

export function readDocumentExpectations(folder: string): DocumentExpectations {
  const required = new Set<string>();
  const allowed = new Set<string>();
  let optional = false;
  for (const line of readFileSync(join(folder, 'EXPECTED.txt'), 'utf8').split('\n')) {
    if (line.startsWith('# either')) optional = true;
    const entry = line.trim();
    if (/^\S+:\d+ [a-z-]+\/[a-z-]+$/.test(entry)) (optional ? allowed : required).add(entry);
  }
  return { required, allowed };
}

/**
 * The expected or allowed entry a finding (given as its `FILE:LINE RULE-ID`
 * entry) stands for, or undefined. The folders' expectations name rules; a
 * claim-model finding (memo/likely-*) stands for the rule of its category
 * expected or allowed on the same line, since the model only stands in for it.
 */
export function listedEntryOf(entry: string, finding: Finding, expectations: DocumentExpectations): string | undefined {
  const { required, allowed } = expectations;
  if (required.has(entry) || allowed.has(entry)) return entry;
  if (builtinEngine().rule(finding.ruleId)?.claimModel === undefined) return undefined;
  const line = entry.slice(0, entry.lastIndexOf(' ') + 1);
  return [...required, ...allowed].find((other) => other.startsWith(line) && categoryOf(other.slice(line.length)) === finding.category);
}
