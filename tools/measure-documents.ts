/**
 * Scores the built-in packs on a folder of labelled documents (EXPECTED.txt
 * lists `FILE:LINE RULE-ID`, with optional ones after `# either`) and prints
 * precision and recall per file and in all. Each file is read as the
 * CLI reads it (the reader chosen from its name), so this measures the
 * readers as well as the rules:
 *
 *   node --import tsx tools/measure-documents.ts FOLDER [--misses]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../server/src/engine/index';
import { builtinEngine, listedEntryOf, readDocumentExpectations } from '../test/helpers/builtinEngine';
import { kindOfPath } from '../server/src/project/fileDiscovery';

const args = process.argv.slice(2);
const folder = args.find((arg) => !arg.startsWith('--'))!;
const showMisses = args.includes('--misses');
const expectations = readDocumentExpectations(folder);
const { required, allowed } = expectations;
let truePositives = 0;
let falsePositives = 0;
let falseNegatives = 0;
for (const file of readdirSync(folder)
  .filter((name) => !['EXPECTED.txt', 'NOT-PROSE.txt'].includes(name) && !name.startsWith('.'))
  .sort()) {
  const text = readFileSync(join(folder, file), 'utf8');
  const lines = new LineIndex(text);
  const kind = kindOfPath(file);
  // A claim-model finding (memo/likely-*) stands for the rule of its category listed on the same line, as in the tests.
  const found = new Set(
    builtinEngine()
      .check(text, kind)
      .findings.map((f) => {
        const entry = `${file}:${lines.positionAt(f.range.start).line + 1} ${f.ruleId}`;
        return listedEntryOf(entry, f, expectations) ?? entry;
      }),
  );
  const expected = [...required].filter((entry) => entry.startsWith(`${file}:`));
  const missing = expected.filter((entry) => !found.has(entry));
  const unexpected = [...found].filter((entry) => !required.has(entry) && !allowed.has(entry));
  truePositives += expected.length - missing.length;
  falseNegatives += missing.length;
  falsePositives += unexpected.length;
  console.log(`${file} (${kind}): ${expected.length - missing.length}/${expected.length} found, ${unexpected.length} unexpected`);
  if (showMisses)
    for (const entry of [...missing.map((m) => `missed ${m}`), ...unexpected.map((u) => `unexpected ${u}`)]) console.log(`  ${entry}`);
}
const precision = truePositives / (truePositives + falsePositives);
const recall = truePositives / (truePositives + falseNegatives);
console.log(
  `all: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${truePositives} of ${truePositives + falseNegatives}, ${falsePositives} unexpected)`,
);
