import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { glossaryAnchor, ruleAnchor, ruleUrl } from '../../server/src/engine/rules/ruleText';
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
      const url = new URL(ruleUrl(rule)!);
      assert.equal(`${url.origin}${url.pathname}`, 'https://github.com/termguard/termguard/blob/main/docs/rules.md');
      assert.equal(url.hash.slice(1), ruleAnchor(rule.id));
      assert.ok(page.includes(`<a id="${ruleAnchor(rule.id)}"></a>`), rule.id);
    }
  });

  it('has an anchor for every glossary entry a hover links to', () => {
    const page = readFileSync(referenceFile, 'utf8');
    for (const entry of engine.glossary()) {
      assert.equal(new URL(entry.documentationUrl!).hash.slice(1), glossaryAnchor(entry.id));
      assert.ok(page.includes(`<a id="${glossaryAnchor(entry.id)}"></a>`), entry.id);
    }
  });
});
