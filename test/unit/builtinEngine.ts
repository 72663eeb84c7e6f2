/** Shared by the engine tests: the engine built from the built-in packs, loaded once. */
import { readFileSync } from 'node:fs';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';
import { createEngine, type Engine } from '../../server/src/engine/index';

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

export function categoriesFound(sentence: LabelledSentence): Set<string> {
  return new Set(
    builtinEngine()
      .check(sentence.text, 'markdown')
      .findings.map((finding) => categoryOf(finding.ruleId)),
  );
}

/** Counts per category, where `either` categories are neither rewarded nor punished. */
export function scoreSentences(sentences: readonly LabelledSentence[]): { precision: number; recall: number; misses: string[] } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const sentence of sentences) {
    const found = categoriesFound(sentence);
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
