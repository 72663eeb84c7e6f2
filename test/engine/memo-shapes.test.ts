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
    expectPatternCategory(
      'availability',
      ['The platform hosts and serves o3 on Amazon Bedrock.'],
      ['The platform hosts and serves Llama on Amazon Bedrock.'],
    );
  });
});

describe('access: people reaching a model thanks to our product, said in more ways', () => {
  it('through our product people ask, try or obtain access to a model', () => {
    expectPatternCategory(
      'access',
      [
        'Through Frontier, any loan officer can ask o3 about a borrower file.',
        'Via the connector, Licensee obtains direct access to GPT-4.1.',
        'Through the SRE, interns can try gpt-5 on day one.',
      ],
      [
        'Through Frontier, any loan officer can ask a colleague about a borrower file.',
        'Via the connector, Licensee obtains direct access to its own archives.',
      ],
    );
  });

  it('a model brought to people, onboarding onto it, or an entitlement to it, with our product as the means', () => {
    expectPatternCategory('access', [
      'Northwind delivered GPT-4o to 900 field engineers through the SRE.',
      'With Frontier, enrolling a whole department onto o3 is a single form.',
      'Members are entitled to GPT-4.1 access through the Frontier connector.',
    ]);
  });

  it('our product said to be the model itself, with something added', () => {
    expectPatternCategory(
      'access',
      ['Honestly, Frontier is basically ChatGPT with a memory.'],
      ['Honestly, Frontier is basically a runtime with a memory.'],
    );
  });
});

describe('availability: AWS giving, serving or selling a model', () => {
  it('AWS as the one that will serve or gives a model, a model selected as a base model on AWS, sold as AWS-hosted', () => {
    expectPatternCategory(
      'availability',
      [
        'Amazon Bedrock will be the second platform to serve o3.',
        'Bedrock hands your builders GPT-4.1 with no extra contract.',
        'o4-mini can be picked as the default model for a new Bedrock agent.',
        'Resellers may list gpt-5 as an AWS-hosted offering.',
      ],
      ['Amazon Bedrock will be the second platform to serve Llama 4.', 'Bedrock hands your builders Claude with no extra contract.'],
    );
  });
});

describe('calls-on: calls counted, handled or made possible', () => {
  it('a model callable from our product, calls named by the model and made or handled by it, everyday call verbs', () => {
    expectPatternCategory(
      'calls-on',
      [
        'GPT-5, invokable right from the SRE, is the headline.',
        'Each Frontier agent issues about 300 GPT-4o requests per shift.',
        'Every o3 request through the runtime is logged.',
        'The SRE manages all the calls to GPT-4.1 on your behalf.',
        'A bad loop made the planner hammer GPT-5 all night.',
      ],
      ['Each Frontier agent issues about 300 ticket requests per shift.', 'The SRE manages all the calls to your CRM on your behalf.'],
    );
  });
});

describe('naming and offering, round six', () => {
  it('"Chat GPT" written apart before a descriptive ending, and AWS\'s cloud offering a model', () => {
    expectPatternCategory('naming', ['Expect Chat GPT-grade answers from the demo.'], ['Expect ChatGPT-grade answers from the demo.']);
    expectPatternCategory(
      'availability',
      ["Amazon's cloud now offers o3 to every team."],
      ["Amazon's cloud now offers Claude to every team."],
    );
  });
});

describe('round seven shapes', () => {
  it('chat typos of "call", "phone home to", the company in lower case after "powered by"', () => {
    expectPatternCategory('calls-on', ['The bot cals on GPT-4.1 twice per ticket.', 'Our agents phone home to o3 for each plan.']);
    expectPatternCategory('naming', ['The helper is powered by open ai models.'], ['We fund open AI research at universities.']);
  });

  it('AWS letting people deploy or try a model, a model going to AWS with someone, enabled in an AWS account', () => {
    expectPatternCategory(
      'availability',
      [
        'The Bedrock console lets you deploy o4-mini in any region.',
        'Your gpt-4.1 model moves with you to Bedrock.',
        'o3 is enabled in our Bedrock account now.',
      ],
      ['The Bedrock console lets you deploy Llama in any region.'],
    );
  });

  it('our product giving people a model, "it becomes possible ... to use", a model at their fingertips through it, a way to get someone onto it', () => {
    expectPatternCategory('access', [
      'Frontier gave us GPT-4.1 on the first day.',
      'With the SRE, it becomes easy for analysts to use o3.',
      'The whole GPT-5 family at your fingertips through Frontier.',
      'The SRE is the simplest way to get your team onto GPT-5.',
    ]);
  });
});
