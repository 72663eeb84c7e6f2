/** Shared by the engine tests: the engine built from the built-in packs, loaded once. */
import { readFileSync } from 'node:fs';
import { builtinPackFiles } from '../../server/src/cli/builtinPacks';
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
