import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/engine/index';
import { builtinEngine } from './builtinEngine';

/**
 * Markdown documents written by a helper session that never saw the rules,
 * with the findings it expected in EXPECTED.txt (`FILE:LINE RULE-ID`; the
 * lines after `# either` may be reported or not).
 */
const folder = join(__dirname, '../fixtures/blind-docs');

function expectations(): { required: Set<string>; allowed: Set<string> } {
  const required = new Set<string>();
  const allowed = new Set<string>();
  let optional = false;
  for (const line of readFileSync(join(folder, 'EXPECTED.txt'), 'utf8').split('\n')) {
    if (line.startsWith('# either')) optional = true;
    const entry = line.trim();
    if (!/^\S+\.md:\d+ [a-z-]+\/[a-z-]+$/.test(entry)) continue;
    (optional ? allowed : required).add(entry);
  }
  return { required, allowed };
}

describe('Markdown documents written without seeing the rules', () => {
  const { required, allowed } = expectations();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.md'))) {
    it(`${file}: every expected finding and nothing else`, () => {
      const text = readFileSync(join(folder, file), 'utf8');
      const lines = new LineIndex(text);
      const found = new Set(builtinEngine().check(text, 'markdown').findings.map((f) => `${file}:${lines.positionAt(f.range.start).line + 1} ${f.ruleId}`));
      const missing = [...required].filter((entry) => entry.startsWith(`${file}:`) && !found.has(entry));
      const unexpected = [...found].filter((entry) => !required.has(entry) && !allowed.has(entry));
      assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
    });
  }
});
