import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex, type Finding } from '../../server/src/engine/index';
import { builtinEngine, listedEntryOf, readDocumentExpectations } from '../helpers/builtinEngine';

/**
 * Markdown and plain-text documents written independently of the rules,
 * with the findings they expected in each folder's EXPECTED.txt
 * (`FILE:LINE RULE-ID`; the lines after `# either` may be reported or not).
 */
// blind-docs-3's author named the Bedrock naming rule `names/amazon-bedrock` (the memo gives only `names/<term>`);
// its EXPECTED.txt uses this pack's id, `names/bedrock`.
const folders = ['blind-docs', 'blind-docs-2', 'blind-docs-3', 'blind-text-docs'].map((name) => join(__dirname, '../fixtures', name));

describe('Markdown documents written without seeing the rules', () => {
  for (const folder of folders) {
    const expectations = readDocumentExpectations(folder);
    const { required } = expectations;
    for (const file of readdirSync(folder).filter((name) => /\.(md|txt)$/.test(name) && name !== 'EXPECTED.txt')) {
      it(`${folder.slice(folder.lastIndexOf('/') + 1)}/${file}: every expected finding and nothing else`, () => {
        const text = readFileSync(join(folder, file), 'utf8');
        const lines = new LineIndex(text);
        const findings = builtinEngine().check(text, file.endsWith('.md') ? 'markdown' : 'plaintext').findings;
        const entry = (f: Finding): string => `${file}:${lines.positionAt(f.range.start).line + 1} ${f.ruleId}`;
        const found = new Set(findings.map(entry));
        const missing = [...required].filter((expected) => expected.startsWith(`${file}:`) && !found.has(expected));
        const unexpected = findings.filter((f) => listedEntryOf(entry(f), f, expectations) === undefined).map(entry);
        assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
      });
    }
  }
});
