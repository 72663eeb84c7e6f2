import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/engine/index';
import { builtinEngine } from './builtinEngine';

/**
 * Markdown and plain-text documents written by helper sessions that never saw the rules,
 * with the findings they expected in each folder's EXPECTED.txt
 * (`FILE:LINE RULE-ID`; the lines after `# either` may be reported or not).
 */
// blind-docs-3's author named the Bedrock naming rule `names/amazon-bedrock` (the memo gives only `names/<term>`);
// its EXPECTED.txt uses this pack's id, `names/bedrock`.
const folders = ['blind-docs', 'blind-docs-2', 'blind-docs-3', 'blind-text-docs'].map((name) => join(__dirname, '../fixtures', name));

function expectations(folder: string): { required: Set<string>; allowed: Set<string> } {
  const required = new Set<string>();
  const allowed = new Set<string>();
  let optional = false;
  for (const line of readFileSync(join(folder, 'EXPECTED.txt'), 'utf8').split('\n')) {
    if (line.startsWith('# either')) optional = true;
    const entry = line.trim();
    if (!/^\S+\.(md|txt):\d+ [a-z-]+\/[a-z-]+$/.test(entry)) continue;
    (optional ? allowed : required).add(entry);
  }
  return { required, allowed };
}

describe('Markdown documents written without seeing the rules', () => {
  for (const folder of folders) {
    const { required, allowed } = expectations(folder);
    for (const file of readdirSync(folder).filter((name) => /\.(md|txt)$/.test(name) && name !== 'EXPECTED.txt')) {
      it(`${folder.slice(folder.lastIndexOf('/') + 1)}/${file}: every expected finding and nothing else`, () => {
        const text = readFileSync(join(folder, file), 'utf8');
        const lines = new LineIndex(text);
        const found = new Set(builtinEngine().check(text, file.endsWith('.md') ? 'markdown' : 'plaintext').findings.map((f) => `${file}:${lines.positionAt(f.range.start).line + 1} ${f.ruleId}`));
        const missing = [...required].filter((entry) => entry.startsWith(`${file}:`) && !found.has(entry));
        const unexpected = [...found].filter((entry) => !required.has(entry) && !allowed.has(entry));
        assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
      });
    }
  }
});
