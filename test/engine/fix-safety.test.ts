/**
 * Property test of quick fixes: over every labelled sentence of every set
 * (test/fixtures/*-sentences.jsonl and the shared dev set), as written and
 * wrapped in Markdown markup (emphasis on part of the match, emphasis, links
 * and code spans on the words around it), every fix the engine offers is
 * applied and the result judged by test/helpers/fixSafety.ts: the rule no
 * longer fires there, the markup is unchanged, compromise finds no broken
 * local shape and harper.js no new lint.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/engine/api';
import { builtinEngine, readLabelledSentences } from '../helpers/builtinEngine';
import { fixProblem, markupVariants, type GrammarLinter } from '../helpers/fixSafety';

const FIXTURES = join(__dirname, '..', 'fixtures');
const SHARED_DEV = join(__dirname, '..', '..', '..', 'shared', 'eval', 'dev-sentences.jsonl');

function sentenceFiles(): string[] {
  const files = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('-sentences.jsonl'))
    .map((name) => join(FIXTURES, name));
  // The shared dev set lies beside the repository, where a checkout has it; a lone clone has only its own sets.
  if (existsSync(SHARED_DEV)) files.push(SHARED_DEV);
  return files;
}

async function harper(): Promise<GrammarLinter> {
  const { LocalLinter } = await import('harper.js');
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const linter = new LocalLinter({ binary: binaryInlined });
  await linter.setup();
  // The product's own names are words here, not misspellings a rewrite brings in.
  await linter.importWords(['SRE', 'SREs', 'OpenAI', 'ChatGPT', 'Bedrock']);
  return linter as unknown as GrammarLinter;
}

describe('every offered fix is safe on every labelled sentence, plain and in markup', () => {
  it('applies each fix and finds nothing wrong', { timeout: 900_000 }, async (t) => {
    const engine = builtinEngine();
    const linter = await harper();
    const texts: string[] = [];
    for (const file of sentenceFiles()) {
      for (const sentence of readLabelledSentences(file)) {
        texts.push(sentence.text);
        for (const finding of engine.check(sentence.text, 'markdown').findings) texts.push(...markupVariants(sentence.text, finding));
      }
    }
    let offered = 0;
    let withFix = 0;
    let withoutFix = 0;
    const problems: string[] = [];
    for (const text of new Set(texts)) {
      const findings: readonly Finding[] = engine.check(text, 'markdown').findings;
      for (const finding of findings) {
        if (engine.rule(finding.ruleId)?.claimModel !== undefined) continue;
        if (finding.fixes.length === 0) withoutFix++;
        else withFix++;
        for (const fix of finding.fixes) {
          offered++;
          const problem = await fixProblem(engine, text, finding, fix, linter);
          if (problem !== undefined) problems.push(`${problem}\n    in: ${text}\n    fix: ${fix.title}`);
        }
      }
    }
    t.diagnostic(
      `${texts.length} texts; findings with a fix ${withFix}, without ${withoutFix}; fixes offered ${offered}, unsafe ${problems.length}`,
    );
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} unsafe fixes`);
  });
});
