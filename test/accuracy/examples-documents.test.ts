import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/engine/index';
import { builtinEngine } from '../helpers/builtinEngine';

const examplesDir = join(__dirname, '../../examples');

/** `FILE:LINE RULE-ID` lines from the machine-readable block of examples/README.md. */
function expectations(): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const line of readFileSync(join(examplesDir, 'README.md'), 'utf8').split('\n')) {
    const match = /^([\w.-]+\.(?:md|txt)):(\d+) ([a-z-]+\/[a-z-]+)$/.exec(line.trim());
    if (!match) continue;
    const list = byFile.get(match[1]!) ?? [];
    list.push(`${match[2]} ${match[3]}`);
    byFile.set(match[1]!, list);
  }
  return byFile;
}

describe('the bundled example documents', () => {
  const expected = expectations();
  const files = readdirSync(examplesDir).filter((name) => /\.(md|txt)$/.test(name));
  it('cover every built-in rule', () => {
    const rules = new Set([...expected.values()].flat().map((entry) => entry.split(' ')[1]));
    for (const rule of builtinEngine().rules()) assert.ok(rules.has(rule.id), `${rule.id} never fires in examples/`);
  });
  for (const file of files) {
    it(`${file}: fires exactly where examples/README.md says`, () => {
      const text = readFileSync(join(examplesDir, file), 'utf8');
      const lines = new LineIndex(text);
      const kind = file.endsWith('.md') ? 'markdown' : 'plaintext';
      const actual = builtinEngine()
        .check(text, kind)
        .findings.map((finding) => `${lines.positionAt(finding.range.start).line + 1} ${finding.ruleId}`)
        .sort();
      assert.deepEqual(actual, [...(expected.get(file) ?? [])].sort());
    });
  }
});
