/**
 * How far a claim's negation, mention and references reach: the
 * constructions that decide whether words that would make a claim are the
 * writer's claim at all. Each test names one construction and checks it on
 * wording of its own (none of these sentences is in a labelled set).
 */
import { describe, it } from 'node:test';
import { expectPatternCategory } from '../helpers/memoCategories';

describe('negation after the claim', () => {
  it('a "not" that modifies what follows it denies nothing: "at a rate not exceeding", "not more than"', () => {
    expectPatternCategory(
      'calls-on',
      [
        'Workloads in the SRE may call on the OpenAI API at a rate not exceeding the agreed quota.',
        'Each agent may invoke GPT-5 not more than ten times per minute.',
      ],
      ['The SRE calls on GPT-5 is not a sentence we publish.', 'Agents invoking GPT-5 will not happen on our platform.'],
    );
  });
});

describe('pronouns that refer back', () => {
  it('"them" and "it" after the company\'s name with "models" or "API": "picked OpenAI\'s models ... sends each request to them"', () => {
    expectPatternCategory(
      'calls-on',
      [
        'We licensed the OpenAI API last spring, and our runtime now invokes it for every summary.',
        "Ops chose OpenAI's newest models, and the SRE forwards each ticket to them.",
      ],
      ['We bought OpenAI models for the analysts, and our managers now call them every Friday about budgets.'],
    );
  });
});
