import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/index';
import { builtinEngine } from './builtinEngine';

/** The text after applying the finding's fix with the given title prefix (or the first fix). */
function fixed(text: string, ruleId: string, fixIndex = 0): string {
  const finding = builtinEngine().check(text, 'markdown').findings.find((candidate) => candidate.ruleId === ruleId);
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
    ['The connector will enable direct access to OpenAI models.', 'memo/enables-access', 0, 'The connector will integrate with OpenAI models.'],
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
    assert.deepEqual(finding.fixes.map((fix) => fix.preferred === true), [true, false, false]);
  });

  it('offers no rewrite for availability claims', () => {
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
