/**
 * Scores the built-in packs on labelled sentence files and prints precision
 * and recall per file (and recall on tier-1 sentences, the memo's literal
 * phrases, where the file marks tiers). Used to record a new set's first,
 * blind numbers before any rule is changed for it:
 *
 *   node --import tsx tools/measure-sentences.ts FILE.jsonl [...] [--misses] [--rules-only]
 *
 * `--rules-only` leaves the claim model's findings out, to show what it adds.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { builtinEngine, scoreSentences, type LabelledSentence } from '../test/helpers/builtinEngine';

// A pack with problems loses the rules they are in: numbers measured so would be wrong, not low.
const problems = builtinEngine().problems;
if (problems.length > 0) {
  for (const problem of problems) console.error(`pack problem: ${JSON.stringify(problem)}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const options = { rulesOnly: args.includes('--rules-only') };
for (const file of args.filter((arg) => !arg.startsWith('--'))) {
  const sentences = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledSentence & { tier?: number });
  const all = scoreSentences(sentences, options);
  const tierOne = scoreSentences(
    sentences.filter((sentence) => sentence.tier === 1),
    options,
  );
  console.log(
    `${basename(file)}: ${sentences.length} sentences, precision ${all.precision.toFixed(3)}, recall ${all.recall.toFixed(3)}` +
      (Number.isNaN(tierOne.recall) ? '' : `, tier-1 recall ${tierOne.recall.toFixed(3)}`),
  );
  if (showMisses) for (const miss of all.misses) console.log(`  ${miss}`);
}
