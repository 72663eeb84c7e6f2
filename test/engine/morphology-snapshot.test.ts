/**
 * The built-in packs' word forms and conjugations come from a table
 * generated from compromise (server/src/engine/morphology/
 * builtinMorphology.generated.json), so that checking with the built-in
 * packs need not load compromise's lexicon (about a quarter of a second per
 * CLI run and server start). This test computes the table from compromise
 * again and fails when the committed one differs; `npm run generate` rewrites it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';
import { createEngine } from '../../server/src/engine/index';
import { morphologyLibraryLoaded } from '../../server/src/engine/morphology/wordForms';
import { builtinPacksFullyBuilt, morphologyTableFile, renderMorphologyTable } from '../../tools/generators/morphologyTable';

describe('the built-in morphology table', () => {
  it('lets the built-in packs load and check without loading compromise', () => {
    builtinPacksFullyBuilt();
    const engine = createEngine(builtinPackFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') })));
    // Present-tense findings with rewrites that agree with their verbs; only "was"/"were" needs compromise's tagger.
    const result = engine.check(
      'The SRE enables access to ChatGPT.\n\nOur planner calls on GPT-5 daily.\n\nAgents call upon OpenAI models.\n',
      'markdown',
    );
    assert.deepEqual(
      result.findings.map((finding) => finding.fixes[0]?.edits[0]?.newText),
      ['integrates with', 'integrates with', 'integrate with'],
    );
    assert.equal(morphologyLibraryLoaded(), false, 'compromise stayed unloaded');
  });

  // A small team pack (the bench's and the real-editor suite's): its words are common verbs the table holds, and its fix
  // conjugates "use" to match ("utilized" -> "used"). Neither may load compromise, or a first check waits for its lexicon.
  it('lets a team pack of common verbs with an inflecting fix check without loading compromise', () => {
    const team = [
      'pack: team',
      'rules:',
      '  - id: team/no-utilize',
      '    category: plain-language',
      '    severity: warning',
      '    message: "Say use, not {match}."',
      '    reason: Plain words read faster.',
      '    patterns: [utilize, leverage]',
      '    fixes: [{ replace: use }]',
      '',
    ].join('\n');
    const sources = builtinPackFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    const engine = createEngine([...sources, { file: 'team.termguard.yaml', text: team }]);
    const result = engine.check('We utilized the planner, leverage the queue and are utilizing both.\n', 'markdown');
    assert.deepEqual(
      result.findings.filter((finding) => finding.ruleId === 'team/no-utilize').map((finding) => finding.fixes[0]?.edits[0]?.newText),
      ['used', 'use', 'using'],
    );
    assert.equal(morphologyLibraryLoaded(), false, 'compromise stayed unloaded');
  });

  it('is what compromise says now (npm run generate regenerates it)', () => {
    const rendered = renderMorphologyTable();
    assert.equal(readFileSync(morphologyTableFile, 'utf8'), rendered);
    const table = JSON.parse(rendered) as { forms: object; conjugations: object };
    assert.ok(Object.keys(table.forms).length > 50 && Object.keys(table.conjugations).length > 0);
  });
});
