/**
 * Rewrites every generated file from its sources (`npm run generate`):
 * the schema validators, the morphology table, docs/rules.md and the SARIF
 * golden log. `--check` only reports which ones are stale and exits 1 if any
 * is. Tests check the same staleness, file by file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { morphologyTableFile, renderMorphologyTable } from './generators/morphologyTable';
import { renderRuleReferencePage, ruleReferenceFile } from './generators/ruleReference';
import { renderSarifGolden, sarifGoldenFile } from './generators/sarifGolden';
import { renderSchemaValidators, schemaValidatorsFile } from './generators/schemaValidators';

const generated: readonly { file: string; render: () => string | Promise<string> }[] = [
  { file: schemaValidatorsFile, render: renderSchemaValidators },
  { file: morphologyTableFile, render: renderMorphologyTable },
  { file: ruleReferenceFile, render: renderRuleReferencePage },
  { file: sarifGoldenFile, render: renderSarifGolden },
];

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  let stale = 0;
  for (const { file, render } of generated) {
    const text = await render();
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // A missing file is stale.
    }
    const name = relative(process.cwd(), file);
    if (current === text) {
      console.log(`up to date  ${name}`);
      continue;
    }
    stale++;
    if (checkOnly) console.log(`stale       ${name}`);
    else {
      writeFileSync(file, text);
      console.log(`rewritten   ${name}`);
    }
  }
  if (checkOnly && stale > 0) process.exitCode = 1;
}

void main();
