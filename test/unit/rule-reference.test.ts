import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderRuleReference, ruleAnchor } from '../../server/src/engine/documentation/ruleReference';
import { ruleDocumentationUrl } from '../../server/src/lsp/diagnostics';
import { builtinEngine } from './builtinEngine';

const referenceFile = join(__dirname, '../../docs/rules.md');

describe('docs/rules.md, the page diagnostics link to', () => {
  const engine = builtinEngine();
  const rendered = renderRuleReference('Termguard built-in rules', engine.rules(), engine.glossary());
  if (process.env.UPDATE_DOCS === '1') writeFileSync(referenceFile, rendered);

  it('is up to date with the built-in packs (npm run docs regenerates it)', () => {
    assert.equal(readFileSync(referenceFile, 'utf8'), rendered);
  });

  it('has an anchor for every rule a diagnostic links to', () => {
    const page = readFileSync(referenceFile, 'utf8');
    for (const rule of engine.rules()) {
      const anchor = new URL(ruleDocumentationUrl(rule.id)).hash.slice(1);
      assert.equal(anchor, ruleAnchor(rule.id));
      assert.ok(page.includes(`<a id="${anchor}"></a>`), rule.id);
    }
  });
});
