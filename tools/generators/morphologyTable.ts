/**
 * The built-in packs' word forms and conjugations, computed with compromise
 * and stored as JSON, so that checking with the built-in packs need not load
 * compromise's lexicon (about a quarter of a second per CLI run and server
 * start). Verbs conjugate from their forms' names; only the conjugations
 * that differ from that (and the built-in fixes' own) are stored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';
import {
  computeConjugation,
  computeWordForms,
  requestedLemmas,
  tableConjugation,
  type VerbForm,
} from '../../server/src/engine/morphology/wordForms';
import { loadPack, type CompiledPack } from '../../server/src/engine/packs/loadPack';

/** Where the generated table lives. */
export const morphologyTableFile = join(__dirname, '../../server/src/engine/morphology/builtinMorphology.generated.json');

const VERB_FORMS: readonly VerbForm[] = ['base', 'third-person', 'past', 'participle', 'gerund'];

/** The built-in packs, with every automaton built, so that every word they use has been asked about. */
export function builtinPacksFullyBuilt(): CompiledPack[] {
  const packs = builtinPackFiles().map((file) => loadPack({ file, text: readFileSync(file, 'utf8') }).pack!);
  for (const pack of packs) {
    const programs = [
      ...pack.approved,
      ...pack.glossary.flatMap((entry) => entry.programs),
      ...pack.rules.flatMap((rule) => [...rule.scanGroups.map((group) => group.program), ...rule.mentions, ...rule.notFollowedBy]),
    ];
    for (const program of programs) if (program.instructions.length === 0) throw new Error('an empty pattern program');
  }
  return packs;
}

/** The table's JSON text, as `npm run generate` writes it. */
export function renderMorphologyTable(): string {
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
  // The verbs of the table conjugate from their named forms (tableConjugation); where compromise says otherwise, it wins.
  for (const lemma of Object.keys(forms)) {
    for (const form of VERB_FORMS) {
      const derived = tableConjugation(lemma, form);
      const actual = computeConjugation(lemma, form);
      if (derived !== undefined && derived !== actual) conjugations[`${lemma}\u0000${form}`] = actual;
    }
  }
  return JSON.stringify({ forms, conjugations }, null, 1) + '\n';
}
