import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ruleAnchor } from '../../server/src/engine/rules/ruleReference';
import { ruleDocumentationUrl } from '../../server/src/lsp/diagnostics';
import { builtinEngine } from '../helpers/builtinEngine';
import { renderRuleReferencePage, ruleReferenceFile as referenceFile } from '../../tools/generators/ruleReference';

describe('docs/rules.md, the page diagnostics link to', () => {
  const engine = builtinEngine();
  const rendered = renderRuleReferencePage();

  it('is up to date with the built-in packs (npm run generate regenerates it)', () => {
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
