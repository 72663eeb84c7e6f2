/**
 * How much work building an engine does, counted rather than timed: the
 * first diagnostics of an editor session wait for it. A meaning class of
 * nouns (`%person` has thousands) is matched by its words as written and in
 * the plural, so building it must not look up verb forms for each of them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createEngine } from '../../server/src/engine/index';
import { meaningClassInfo } from '../../server/src/engine/meaning/meaningClasses';
import { requestedLemmas } from '../../server/src/engine/morphology/wordForms';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';

describe('building an engine from the built-in packs', () => {
  it('looks up the word forms of the verbs and pattern words only, not of every noun of a noun class', () => {
    createEngine(builtinPackFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') })));
    const people = meaningClassInfo('person')!.members;
    assert.ok(people.length > 5_000, 'the %person class is large');
    const looked = new Set(requestedLemmas());
    const peopleLooked = people.filter((noun) => looked.has(noun));
    // A few nouns are pattern words of the pack too; thousands would mean the class itself was conjugated.
    assert.ok(peopleLooked.length < 100, `${peopleLooked.length} of ${people.length} person nouns had their forms looked up`);
    assert.ok(looked.size < 2_000, `${looked.size} words had their forms looked up`);
  });
});
