/**
 * The built-in packs' word forms and conjugations come from a table
 * generated from compromise (server/src/engine/morphology/
 * builtinMorphology.generated.json), so that checking with the built-in
 * packs need not load compromise's lexicon (about a quarter of a second per
 * CLI run and server start). This test regenerates the table from compromise
 * and fails when the committed one differs; `npm run generate` rewrites it.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';
import { createEngine } from '../../server/src/engine/index';
import {
  computeConjugation,
  computeWordForms,
  morphologyLibraryLoaded,
  requestedLemmas,
  type VerbForm,
} from '../../server/src/engine/morphology/wordForms';
import { loadPack, type CompiledPack } from '../../server/src/engine/packs/loadPack';

const tableFile = join(__dirname, '../../server/src/engine/morphology/builtinMorphology.generated.json');
const VERB_FORMS: readonly VerbForm[] = ['base', 'third-person', 'past', 'participle', 'gerund'];

/** The built-in packs, with every automaton built, so that every word they use has been asked about. */
function builtinPacksFullyBuilt(): CompiledPack[] {
  const packs = builtinPackFiles().map((file) => loadPack({ file, text: readFileSync(file, 'utf8') }).pack!);
  for (const pack of packs) {
    const programs = [
      ...pack.approved,
      ...pack.glossary.flatMap((entry) => entry.programs),
      ...pack.rules.flatMap((rule) => [...rule.scanGroups.map((group) => group.program), ...rule.mentions, ...rule.notFollowedBy]),
    ];
    for (const program of programs) assert.ok(program.instructions.length > 0);
  }
  return packs;
}

describe('the built-in morphology table', () => {
  // While regenerating, the table on disk may be the stale one this test would reject.
  it('lets the built-in packs load and check without loading compromise', { skip: process.env.UPDATE_GENERATED === '1' }, () => {
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

  it('is what compromise says now (npm run generate regenerates it)', () => {
    const packs = builtinPacksFullyBuilt();
    const forms: Record<string, unknown> = {};
    for (const lemma of requestedLemmas()) forms[lemma] = computeWordForms(lemma);
    const conjugations: Record<string, string> = {};
    for (const pack of packs) {
      for (const rule of pack.rules) {
        for (const fix of rule.fixes) {
          const lemma = fix.replace.split(' ')[0]!;
          if (!fix.inflect || !/^[a-z]+$/.test(lemma) || lemma === 'be') continue;
          for (const form of VERB_FORMS) conjugations[`${lemma}\u0000${form}`] = computeConjugation(lemma, form);
        }
      }
    }
    const rendered = JSON.stringify({ forms, conjugations }, null, 1) + '\n';
    if (process.env.UPDATE_GENERATED === '1') writeFileSync(tableFile, rendered);
    assert.equal(readFileSync(tableFile, 'utf8'), rendered);
    assert.ok(Object.keys(forms).length > 50 && Object.keys(conjugations).length > 0);
  });
});
