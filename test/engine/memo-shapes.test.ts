/**
 * More shapes of the memo's claims, each a general construction checked on
 * wording of its own (none of these sentences is in a labelled set), with
 * the hard negatives it must leave alone.
 */
import { describe, it } from 'node:test';
import { expectPatternCategory } from '../helpers/memoCategories';

describe('availability: calls, bills and choices that place a model on AWS', () => {
  it('calls made through or from AWS: "Via Bedrock, the planner invokes o3"', () => {
    expectPatternCategory(
      'availability',
      ['Via Amazon Bedrock, our planner invokes o3 for each step.', 'The worker queries GPT-4.1 from inside Bedrock.'],
      ['Via Amazon Bedrock, our planner invokes Claude for each step.', 'The worker queries GPT-4.1 from inside Azure.'],
    );
  });

  it('a model treated like AWS\'s own: "like any other Bedrock model"', () => {
    expectPatternCategory(
      'availability',
      ['You prompt gpt-4o the same way, just like every other Bedrock model.'],
      ['You prompt Claude the same way, just like every other Bedrock model.'],
    );
  });

  it('use of a model metered or billed by AWS', () => {
    expectPatternCategory(
      'availability',
      ['Each GPT-5 request is billed through your AWS account.'],
      ['Each Claude request is billed through your AWS account.', 'Each GPT-5 request is billed through Azure.'],
    );
  });

  it("AWS users choosing between models, one of them OpenAI's", () => {
    expectPatternCategory(
      'availability',
      ['Bedrock customers can now swap between Llama and o4-mini per request.'],
      ['Bedrock customers can now swap between Llama and Mistral per request.'],
    );
  });

  it('workloads moved to AWS from somewhere else', () => {
    expectPatternCategory(
      'availability',
      ['Finance migrated its o3 workloads from Azure to AWS in March.'],
      ['Finance migrated its Claude workloads from Azure to AWS in March.'],
    );
  });
});

describe('access: our product as a way in', () => {
  it('a way, route or means with words between: "just a handy way to get at"', () => {
    expectPatternCategory(
      'access',
      ['Frontier is basically the simplest route to get at GPT-5 for our analysts.', 'The SRE is one cheap way to tap into o3.'],
      ['Frontier is basically the simplest route to get at our sales data.'],
    );
  });
});

describe('two verbs that share one object', () => {
  it('each verb of "can access and call GPT-4.1" makes its own claim; nouns joined by "and" do not pair', () => {
    expectPatternCategory('access', ['With Frontier, analysts can access and query GPT-5 from one screen.']);
    expectPatternCategory('calls-on', ['With Frontier, analysts can access and query GPT-5 from one screen.']);
    expectPatternCategory(
      'availability',
      ['The platform hosts and serves o3 on Amazon Bedrock.'],
      ['The platform hosts and serves Llama on Amazon Bedrock.'],
    );
  });
});
