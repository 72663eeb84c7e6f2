/**
 * Measures what the claim model costs a fresh process: reading and parsing
 * its JSON (a bundle embeds the same object as a literal), building the
 * lookup table, and the first verdict, which includes the compiler's first
 * look at the scoring code.
 *
 *   node --import tsx tools/measure-claim-model.ts
 */
import { readFileSync } from 'node:fs';
import { claimWords } from '../server/src/engine/claims/claimFeatures';
import { ClaimModel, type ClaimModelData } from '../server/src/engine/claims/claimModel';
import { scanPlainTextBlocks } from '../server/src/engine/prose/plaintext/plainTextReader';
import { tokenizeUnit, type Token } from '../server/src/engine/text/tokenize';
import { ARTIFACT } from './train-claim-model';

const sentence = 'The agent calls, whenever it needs a summary, on GPT-5.';
let tokens: readonly Token[] = [];
for (const block of scanPlainTextBlocks(sentence, 0))
  for (const unit of block.units) tokenizeUnit(sentence, unit, (found) => (tokens = found.tokens));

const cpuBefore = process.cpuUsage();
const started = performance.now();
const data = JSON.parse(readFileSync(ARTIFACT, 'utf8')) as ClaimModelData;
const parsed = performance.now();
const model = new ClaimModel(data);
const built = performance.now();
const verdicts = model.judge(claimWords(tokens));
const judged = performance.now();
const cpu = process.cpuUsage(cpuBefore);

console.log(`artifact: ${readFileSync(ARTIFACT).length} bytes, ${data.bucketDeltas.length} buckets`);
console.log(`read + parse JSON: ${(parsed - started).toFixed(1)} ms`);
console.log(`build lookup table: ${(built - parsed).toFixed(1)} ms`);
console.log(
  `first verdict: ${(judged - built).toFixed(1)} ms (${verdicts.map((verdict) => `${verdict.category} ${verdict.probability.toFixed(3)}`).join(', ')})`,
);
console.log(
  `total: ${(judged - started).toFixed(1)} ms (processor time ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms; on a busy machine the two differ)`,
);
