import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex, type Finding } from '../../server/src/engine/index';
import { builtinEngine, categoryOf } from './builtinEngine';

/**
 * Markdown and plain-text documents written independently of the rules,
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

/**
 * The folders' expectations predate the claim model's rules (memo/likely-*):
 * a finding of one is listed when a rule of its category is expected or
 * allowed on that line, since the model only stands in for that rule.
 */
function listed(entry: string, finding: Finding, required: ReadonlySet<string>, allowed: ReadonlySet<string>): boolean {
  if (required.has(entry) || allowed.has(entry)) return true;
  if (builtinEngine().rule(finding.ruleId)?.claimModel === undefined) return false;
  const line = entry.slice(0, entry.lastIndexOf(' ') + 1);
  return [...required, ...allowed].some((other) => other.startsWith(line) && categoryOf(other.slice(line.length)) === finding.category);
}

describe('Markdown documents written without seeing the rules', () => {
  for (const folder of folders) {
    const { required, allowed } = expectations(folder);
    for (const file of readdirSync(folder).filter((name) => /\.(md|txt)$/.test(name) && name !== 'EXPECTED.txt')) {
      it(`${folder.slice(folder.lastIndexOf('/') + 1)}/${file}: every expected finding and nothing else`, () => {
        const text = readFileSync(join(folder, file), 'utf8');
        const lines = new LineIndex(text);
        const findings = builtinEngine().check(text, file.endsWith('.md') ? 'markdown' : 'plaintext').findings;
        const entry = (f: Finding): string => `${file}:${lines.positionAt(f.range.start).line + 1} ${f.ruleId}`;
        const found = new Set(findings.map(entry));
        const missing = [...required].filter((expected) => expected.startsWith(`${file}:`) && !found.has(expected));
        const unexpected = findings.filter((f) => !listed(entry(f), f, required, allowed)).map(entry);
        assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
      });
    }
  }
});
