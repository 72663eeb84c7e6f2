import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Finding, TextEdit } from '../../server/src/engine/api';
import { selectFixes } from '../../server/src/engine/fixes/applyEdits';
import { applyEdits } from '../../server/src/engine/index';
import { builtinEngine } from '../helpers/builtinEngine';

/** The text after applying the finding's fix with the given title prefix (or the first fix). */
function fixed(text: string, ruleId: string, fixIndex = 0): string {
  const finding = builtinEngine()
    .check(text, 'markdown')
    .findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId} finding in "${text}"`);
  const fix = finding.fixes[fixIndex];
  assert.ok(fix, `finding has no fix #${fixIndex}`);
  return applyEdits(text, fix.edits);
}

describe('quick fixes keep the sentence grammatical', () => {
  const cases: [string, string, number, string][] = [
    ['SRE enables access to ChatGPT.', 'memo/enables-access', 0, 'SRE integrates with ChatGPT.'],
    ['Frontier enabled access to GPT-4o.', 'memo/enables-access', 0, 'Frontier integrated with GPT-4o.'],
    ['Enabling access to ChatGPT matters.', 'memo/enables-access', 0, 'Integrating with ChatGPT matters.'],
    [
      'The connector will enable direct access to OpenAI models.',
      'memo/enables-access',
      0,
      'The connector will integrate with OpenAI models.',
    ],
    ['SRE has enabled access to GPT-5.', 'memo/enables-access', 0, 'SRE has integrated with GPT-5.'],
    ['SRE enables access to ChatGPT.', 'memo/enables-access', 1, 'SRE is powered by ChatGPT.'],
    ['SRE enables access to ChatGPT.', 'memo/enables-access', 2, 'SRE is enabled by ChatGPT.'],
    ['SRE enables teams to access ChatGPT.', 'memo/enables-access', 0, 'SRE integrates with ChatGPT.'],
    ['The planner calls on ChatGPT to plan.', 'memo/calls-on', 0, 'The planner integrates with ChatGPT to plan.'],
    ['The planner calls on ChatGPT to plan.', 'memo/calls-on', 1, 'The planner is powered by ChatGPT to plan.'],
    ['Agents call upon OpenAI models.', 'memo/calls-on', 1, 'Agents are powered by OpenAI models.'],
    ['Frontier agents called on GPT-5.', 'memo/calls-on', 1, 'Frontier agents were powered by GPT-5.'],
    ['The runtime called on GPT-5.', 'memo/calls-on', 1, 'The runtime was powered by GPT-5.'],
    ['The runtime is calling on OpenAI models.', 'memo/calls-on', 0, 'The runtime is integrating with OpenAI models.'],
    ['Calling on ChatGPT is easy.', 'memo/calls-on', 0, 'Integrating with ChatGPT is easy.'],
    ['The runtime invokes GPT-4o.', 'memo/calls-on', 0, 'The runtime integrates with GPT-4o.'],
    ['Frontier runs on AWS bedrock.', 'names/bedrock', 0, 'Frontier runs on Amazon Bedrock.'],
    ['SRE is powered by Open-AI.', 'names/openai', 0, 'SRE is powered by OpenAI.'],
    ['SRE integrates with Chatgpt.', 'names/chatgpt', 0, 'SRE integrates with ChatGPT.'],
    ['SRE integrates with Chat GPT today.', 'names/chatgpt', 0, 'SRE integrates with ChatGPT today.'],
  ];
  for (const [text, ruleId, index, expected] of cases) {
    it(`${text} -> ${expected}`, () => assert.equal(fixed(text, ruleId, index), expected));
  }

  it('marks exactly the first fix as preferred', () => {
    const finding = builtinEngine().check('SRE enables access to ChatGPT.', 'markdown').findings[0]!;
    assert.deepEqual(
      finding.fixes.map((fix) => fix.preferred === true),
      [true, false, false],
    );
  });

  it('offers no rewrite for an availability claim whose model is the subject', () => {
    const finding = builtinEngine().check('GPT-5 is now available on Amazon Bedrock.', 'markdown').findings[0]!;
    assert.equal(finding.ruleId, 'memo/availability-claim');
    assert.deepEqual(finding.fixes, []);
  });

  it('keeps markup outside the replaced words intact', () => {
    const text = 'SRE **enables access to** ChatGPT.';
    const finding = builtinEngine().check(text, 'markdown').findings[0]!;
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), 'SRE **integrates with** ChatGPT.');
  });
});

/** Every fix of the first finding of `ruleId`, applied one at a time. */
function allFixed(text: string, ruleId: string): string[] {
  const finding = builtinEngine()
    .check(text, 'markdown')
    .findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId} finding in "${text}"`);
  return finding.fixes.map((fix) => applyEdits(text, fix.edits));
}

describe('a fix fits its context or is withheld', () => {
  const cases: [construction: string, text: string, ruleId: string, expected: string[]][] = [
    [
      'emphasis around part of the match keeps both its marks',
      'Our runtime *enables access* to GPT-4o.',
      'memo/enables-access',
      ['Our runtime *integrates* with GPT-4o.', 'Our runtime *is powered* by GPT-4o.', 'Our runtime *is enabled* by GPT-4o.'],
    ],
    [
      'a noun phrase after a possessive becomes a noun phrase',
      "The SRE is your company's front door to ChatGPT.",
      'memo/enables-access',
      ["The SRE is your company's integration with ChatGPT."],
    ],
    [
      'a noun phrase after "a" becomes one, with "an"',
      'The SRE gives your staff a doorway to GPT-5.',
      'memo/enables-access',
      ['The SRE gives your staff an integration with GPT-5.'],
    ],
    [
      'words between the verb and its noun are replaced with them',
      'The SRE enables secure, audited access to GPT-5.',
      'memo/enables-access',
      ['The SRE integrates with GPT-5.', 'The SRE is powered by GPT-5.', 'The SRE is enabled by GPT-5.'],
    ],
    [
      'a parenthesis between verb and object is kept, only the words around it replaced',
      'The connector enables (after an admin approves it) access to o4-mini.',
      'memo/enables-access',
      [
        'The connector integrates (after an admin approves it) with o4-mini.',
        'The connector is powered (after an admin approves it) by o4-mini.',
        'The connector is enabled (after an admin approves it) by o4-mini.',
      ],
    ],
    [
      'after a modal and an adverb, the base form',
      "Your team can now tap into OpenAI's newest models.",
      'memo/enables-access',
      [
        "Your team can now integrate with OpenAI's newest models.",
        "Your team can now be powered by OpenAI's newest models.",
        "Your team can now be enabled by OpenAI's newest models.",
      ],
    ],
    [
      'a base form after "it" agrees with it',
      'it enable access to chatgpt for all the agents',
      'memo/enables-access',
      [
        'it integrates with chatgpt for all the agents',
        'it is powered by chatgpt for all the agents',
        'it is enabled by chatgpt for all the agents',
      ],
    ],
    [
      'a leading modal stays',
      'The SRE is able to reach ChatGPT.',
      'memo/enables-access',
      [
        'The SRE is able to integrate with ChatGPT.',
        'The SRE is able to be powered by ChatGPT.',
        'The SRE is able to be enabled by ChatGPT.',
      ],
    ],
    ['an imperative keeps only the verb rewrite', 'Call on ChatGPT to plan.', 'memo/calls-on', ['Integrate with ChatGPT to plan.']],
    [
      'a progressive takes -ing',
      'The runtime is calling on OpenAI models.',
      'memo/calls-on',
      ['The runtime is integrating with OpenAI models.', 'The runtime is being powered by OpenAI models.'],
    ],
    [
      'after "it\'s" an -ing verb stays a progressive',
      "It's calling on GPT-5 for every ticket.",
      'memo/calls-on',
      ["It's integrating with GPT-5 for every ticket.", "It's being powered by GPT-5 for every ticket."],
    ],
    [
      'markup around the whole match stays around the rewrite',
      'SRE **enables access to** ChatGPT.',
      'memo/enables-access',
      ['SRE **integrates with** ChatGPT.', 'SRE **is powered by** ChatGPT.', 'SRE **is enabled by** ChatGPT.'],
    ],
    ['a match that takes in its object has no rewrite', 'The SRE puts ChatGPT at your fingertips.', 'memo/enables-access', []],
    [
      'a code span as the modal leaves the verb form unknown',
      'Partners `can` now access ChatGPT through the SRE.',
      'memo/enables-access',
      [],
    ],
    ['emphasis that splits the match three ways is not rewritten', 'The SRE enables *secure* access to GPT-5.', 'memo/enables-access', []],
    [
      'an availability claim with the model as an object: the product, powered by OpenAI, takes its place',
      'Customers can try GPT-5 on Amazon Bedrock today.',
      'memo/availability-claim',
      ['Customers can try the SRE, powered by OpenAI, on Amazon Bedrock today.'],
    ],
    [
      'an availability claim with the model as the subject of a verb has no rewrite',
      'GPT-5 on Amazon Bedrock powers the agents.',
      'memo/availability-claim',
      [],
    ],
  ];
  for (const [construction, text, ruleId, expected] of cases) {
    it(`${construction}: ${text}`, () => assert.deepEqual(allFixed(text, ruleId), expected));
  }

  it('files "tap into" by its subject: people get access, software calls', () => {
    const categories = (text: string): string[] =>
      builtinEngine()
        .check(text, 'markdown')
        .findings.map((finding) => finding.category);
    assert.deepEqual(categories("Your team can now tap into OpenAI's newest models."), ['access']);
    assert.deepEqual(categories('The planner taps into GPT-5 for every draft.'), ['calls-on']);
  });

  it('marks the first offered fix as preferred when others are withheld', () => {
    const finding = builtinEngine().check('Call on ChatGPT to plan.', 'markdown').findings[0]!;
    assert.deepEqual(
      finding.fixes.map((fix) => fix.preferred === true),
      [true],
    );
  });
});

/** The selection rule written the obvious, quadratic way: the reference the fast one must agree with. */
function naiveSelectFixes(findings: readonly Finding[]): { edits: TextEdit[]; applied: number; deferred: Finding[] } {
  const clash = (a: TextEdit, b: TextEdit): boolean =>
    a.range.start === b.range.start || (a.range.start < b.range.end && b.range.start < a.range.end);
  const chosen: TextEdit[] = [];
  const deferred: Finding[] = [];
  let applied = 0;
  for (const finding of [...findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end)) {
    const edits = finding.fixes[0]?.edits ?? [];
    if (edits.length === 0) continue;
    const selfClash = edits.some((edit, i) => edits.some((other, j) => i < j && clash(edit, other)));
    if (selfClash || edits.some((edit) => chosen.some((other) => clash(edit, other)))) {
      deferred.push(finding);
      continue;
    }
    chosen.push(...edits);
    applied++;
  }
  chosen.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { edits: chosen, applied, deferred };
}

/** Applies edits one at a time from the last, the obvious way. */
function naiveApplyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.range.start - a.edit.range.start || b.edit.range.end - a.edit.range.end || b.index - a.index);
  for (const { edit } of ordered) text = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
  return text;
}

function findingWithEdits(start: number, end: number, edits: readonly TextEdit[]): Finding {
  return {
    ruleId: 'r',
    category: 'c',
    severity: 'error',
    message: 'm',
    range: { start, end },
    matchedText: 'x',
    sentence: 's',
    fixes: edits.length > 0 ? [{ title: 't', edits }] : [],
  };
}

const arbitraryEdit = (length: number) =>
  fc.tuple(fc.nat(length), fc.nat(6), fc.string({ maxLength: 3 })).map(([start, size, newText]): TextEdit => ({
    range: { start: Math.min(start, length), end: Math.min(start + size, length) },
    newText,
  }));

describe('applying many fixes takes time proportional to their number', () => {
  it('selects the same fixes as the obvious quadratic rule, on random findings', () => {
    const arbitraryFinding = fc
      .tuple(fc.nat(60), fc.nat(8), fc.array(arbitraryEdit(70), { maxLength: 3 }))
      .map(([start, size, edits]) => findingWithEdits(start, start + size, edits));
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 40 }), (findings) => {
        const fast = selectFixes(findings);
        const naive = naiveSelectFixes(findings);
        assert.deepEqual(fast.edits, naive.edits);
        assert.equal(fast.applied, naive.applied);
        assert.deepEqual(fast.deferred, naive.deferred);
      }),
      { numRuns: 500 },
    );
  });

  it('applies a selection exactly as edits applied one at a time would', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), fc.array(arbitraryEdit(70), { maxLength: 20 }), (text, edits) => {
        const fitted = edits.map((edit) => ({
          ...edit,
          range: { start: Math.min(edit.range.start, text.length), end: Math.min(edit.range.end, text.length) },
        }));
        const selected = selectFixes(fitted.map((edit) => findingWithEdits(edit.range.start, edit.range.end, [edit]))).edits;
        assert.equal(applyEdits(text, selected), naiveApplyEdits(text, selected));
      }),
      { numRuns: 500 },
    );
  });

  it('reads each edit range O(log n) times when selecting among n fixes', () => {
    const count = 8_000;
    let reads = 0;
    const countedRange = (start: number, end: number) => ({
      get start() {
        reads++;
        return start;
      },
      get end() {
        reads++;
        return end;
      },
    });
    const findings: Finding[] = [];
    for (let i = 0; i < count; i++)
      findings.push(findingWithEdits(i * 4, i * 4 + 3, [{ range: countedRange(i * 4, i * 4 + 3), newText: 'x' }]));
    const selection = selectFixes(findings);
    assert.equal(selection.applied, count);
    const bound = 40 * count * Math.log2(count);
    assert.ok(reads <= bound, `${reads} range reads for ${count} fixes; the bound is ${Math.round(bound)}`);
  });

  it('selects and applies 200,000 fixes, given in any order', { timeout: 60_000 }, () => {
    const count = 200_000;
    const text = 'abc '.repeat(count);
    // Findings listed back to front, each fix's edit over its own word, plus one overlapping finding per 1,000 that must wait.
    const findings: Finding[] = [];
    for (let i = count - 1; i >= 0; i--) {
      const start = i * 4;
      findings.push(findingWithEdits(start, start + 3, [{ range: { start, end: start + 3 }, newText: 'xy' }]));
      if (i % 1000 === 0)
        findings.push(findingWithEdits(start + 1, start + 5, [{ range: { start: start + 1, end: start + 5 }, newText: '!' }]));
    }
    const selection = selectFixes(findings);
    assert.equal(selection.applied, count);
    assert.equal(selection.deferred.length, count / 1000);
    assert.equal(applyEdits(text, selection.edits), 'xy '.repeat(count));
  });
});
