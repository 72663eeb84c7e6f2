/**
 * The memo pack reads constructions, not sentences: each test names one
 * general construction and checks it on wording of its own (none of these
 * sentences is in a labelled set), with the hard negatives it must leave
 * alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/fixes/applyEdits';
import { builtinEngine } from '../helpers/builtinEngine';
import { categories, expectCategory, expectPatternCategory } from '../helpers/memoCategories';

describe('calls-on: nominalisations and other verb shapes', () => {
  it('a call named by a noun: "the invocation of", "calls to", "queries to"', () => {
    expectCategory(
      'calls-on',
      [
        'The invocation of o3 happens inside the runtime.',
        'Each agent turn ends in a call to GPT-4o.',
        'Queries to ChatGPT are batched by the SRE.',
      ],
      ['A reference to GPT-5 appears in the changelog.', 'Calls to the CRM are batched by the SRE.'],
    );
  });
  it('sending named by a noun: "the routing of tickets to", "a fallback to"', () => {
    expectCategory(
      'calls-on',
      ['The routing of tickets to GPT-5 is automatic.', 'Escalation to o3 happens when confidence is low.'],
      ['The routing of tickets to the human queue is automatic.'],
    );
  });
  it('verbs of sending without an object: escalate, fall back, fan out, offload', () => {
    expectCategory(
      'calls-on',
      [
        'When the cache is cold, the agent falls back to GPT-4o.',
        'Hard cases escalate to GPT-5.',
        'The planner offloads summaries to ChatGPT.',
      ],
      ['When the cache is cold, the agent falls back to stored state.', 'Hard cases escalate to a supervisor.'],
    );
  });
  it('repeated sending: "re-sends", "reroutes"', () => {
    expectCategory('calls-on', ['On timeout the runtime re-sends the prompt to GPT-5.', 'The SRE reroutes failed jobs to o4-mini.']);
  });
  it('a long object between the verb and "to": "forwards approximately 40 percent of requests to"', () => {
    expectCategory('calls-on', ['The SRE forwards roughly half of all incoming agent requests to GPT-5.']);
  });
  it('a passive whose agent follows: "GPT-5 is consulted by the planner"', () => {
    expectCategory(
      'calls-on',
      ['GPT-5 is consulted by the planner before each step.'],
      ['GPT-5 is consulted by the customer team before each launch.'],
    );
  });
  it('relying on a model: "lean on", "rely on", "tap X for"', () => {
    expectCategory(
      'calls-on',
      ['Our agents lean on o3 to plan each step.', 'The bots tap GPT-5 for translation.'],
      ['Pricing depends on GPT-5 usage.', 'Tap ChatGPT in the app menu.'],
    );
  });
  it('pointing something at a model', () => {
    expectCategory('calls-on', ['Point the runtime at GPT-4o by editing the model field.']);
  });
  it('asking a model: "asks ChatGPT to summarise"', () => {
    expectCategory('calls-on', ['The bot asks ChatGPT to summarise each thread.'], ['Customers ask whether GPT-5 is faster.']);
  });
  it('handing a model what it works on, pronoun or name: "hands it every draft", "passes each message through to"', () => {
    expectCategory('calls-on', [
      'GPT-5 is the reviewer: the agent hands it every draft.',
      'The SRE passes each chat message straight through to GPT-5.',
    ]);
  });
  it('asking a model for output: "requests a summary from GPT-4o"', () => {
    expectCategory(
      'calls-on',
      ['For each file, the runtime fetches a summary from o3.'],
      ['For each file, the runtime fetches a summary from S3.'],
    );
  });
  it('a call named by a compound, made or triggered: "triggers a GPT-5 call"', () => {
    expectCategory('calls-on', [
      'Every form submission triggers an o3 call.',
      'The connector makes an OpenAI API request for each record.',
    ]);
  });
  it('a call from our product to a model: "a call from the runtime to ChatGPT"', () => {
    expectCategory('calls-on', ['Each reply starts with a request from the SRE to GPT-5.']);
  });
  // "plan" is an audience word of the not-followed-by condition; a match ending on "a" is not followed by more of its object.
  it('data travelling to a model', () => {
    expectCategory(
      'calls-on',
      ["Data flows from the customer's CRM through the SRE to GPT-5 and back."],
      ['Data flows from the CRM to the warehouse.'],
    );
  });
  it('turning or going to a model for something', () => {
    expectCategory('calls-on', ['The agent turns to o3 whenever a plan fails.'], ['Many teams turn to GPT-5 as a benchmark.']);
  });
  it('sending data on in contract prose: "transmits Customer Data to OpenAI\'s models"', () => {
    expectCategory(
      'calls-on',
      ["Provider's platform transmits Customer prompts to OpenAI's models."],
      ['The platform transmits Customer Data to its subprocessors.'],
    );
  });
  it('an adverb inside a phrasal verb: "talks directly to"', () => {
    expectCategory('calls-on', ['The runtime talks directly to the OpenAI API.']);
  });
  it('a passive whose software agent comes later; people as agents are not calls', () => {
    expectCategory(
      'calls-on',
      ['GPT-5 is called many times an hour by the router.'],
      ['GPT-5 is consulted before each launch by the customer team.'],
    );
  });
  it('the model as object of a relative clause: "GPT-5, which the runtime invokes"', () => {
    expectCategory(
      'calls-on',
      ['Summaries come from GPT-5, which the runtime invokes per document.'],
      ['Reviewers praise GPT-5, which invokes no tools.'],
    );
  });
});

describe('access: noun phrases, imperatives and other shapes', () => {
  it('a way in as a noun phrase: gateway, path, route, keys, access layer, front end', () => {
    expectCategory(
      'access',
      [
        'The SRE is your fastest path to GPT-5.',
        'Our runtime hands agents the keys to o3.',
        'Frontier serves as an access layer for OpenAI models.',
        "The runtime is a front end to OpenAI's models.",
      ],
      ['The gateway to the VPC is managed by the network team.', 'The SRE forwards each ticket to GPT-5.'],
    );
  });
  it('a name that modifies another noun is not the object: "the path to GPT-5 adoption"', () => {
    expectCategory('access', ['The SRE is the shortest path to GPT-5.'], ['The path to GPT-5 adoption at Acme ran through Azure.']);
  });
  it('access described as built in, bundled or early', () => {
    expectCategory('access', [
      'Every Frontier seat comes with built-in access to o3.',
      'Partners get early access to GPT-5 through the SRE.',
    ]);
  });
  it('using or chatting with a model through our product, with or without a modal', () => {
    expectCategory(
      'access',
      ['Chat with o3 via the SRE.', 'Analysts use GPT-4o from the Frontier workspace.'],
      ['Analysts use dashboards from the Frontier workspace.'],
    );
  });
  it('the product named by a contract\'s defined term ("the Service", "the Solution")', () => {
    expectCategory(
      'access',
      ['Authorized Users may use GPT-5 through the Service.', 'End users chat with o3 from the Solution.'],
      ['Customers use GPT-5 through the Azure OpenAI Service.'],
    );
  });
  it('our product fronted, then someone using a model', () => {
    expectCategory('access', ['Through the SRE, analysts are able to use GPT-5 directly.']);
  });
  it('equipping or connecting people with a model', () => {
    expectCategory(
      'access',
      [
        'The runtime equips every support rep with GPT-5.',
        'Connect your agents to o3 with the SRE.',
        'The SRE plugs your workflows straight into GPT-4o.',
      ],
      ['Our help desk workspace connects to the ticket system.'],
    );
  });
  it('exposing a model to software as well as to people', () => {
    expectCategory('access', ['The gateway exposes o3 to approved applications.']);
  });
  it('model access as something granted, named by a noun or compound', () => {
    expectCategory(
      'access',
      [
        'Provisioning of GPT-5 access for new tenants is automatic.',
        'The plan includes access to OpenAI models.',
        'Request o3 access from your admin.',
        'The integration unlocks direct use of GPT-5 for every analyst.',
      ],
      ['The plan includes access to CloudWatch logs.'],
    );
  });
  it('people by any role WordNet knows receive a model ("gave 300 underwriters GPT-5")', () => {
    expectCategory(
      'access',
      ['In the pilot, Acme gave 300 underwriters GPT-5 through Frontier.', 'The SRE opens up o3 to every claims adjuster.'],
      ['The SRE opens up the console to every claims adjuster.'],
    );
  });
  it('our product including a model for people; a bridge between people and a model', () => {
    expectCategory('access', [
      'The partner edition of Frontier includes o3 for every named user.',
      'The runtime is the bridge between your agents and GPT-4o.',
    ]);
  });
  it('an entry, ability or way to use a model, granted', () => {
    expectCategory(
      'access',
      [
        'The runtime grants every seat entry to GPT-5.',
        'The Service provides Customer with the ability to use OpenAI models.',
        'The SRE is how your analysts reach o3.',
      ],
      ['The runtime grants every seat entry to the audit log.'],
    );
  });
  it('our product making a model available to people, or having it at hand thanks to our product', () => {
    expectCategory('access', ['Frontier makes o3 available to every rep.', 'Thanks to Frontier, reps now have GPT-5 at their fingertips.']);
  });
  it('our product bringing a model to people; AWS doing so is an availability claim instead', () => {
    expectCategory(
      'access',
      ['The SRE brings GPT-5 to more than 3,000 support teams.'],
      ['Amazon Bedrock offers GPT-5 to every customer.'],
    );
  });
});

describe('availability: passives, nominalisations, fronted places', () => {
  it('a passive of reaching or accessing: "can be reached through Amazon Bedrock"', () => {
    expectCategory(
      'availability',
      ['OpenAI models can be reached through Amazon Bedrock.', 'GPT-5 can be accessed in AWS.'],
      ['GPT-5 can be reached through Azure.'],
    );
  });
  it('"-able" adjectives: deployable, purchasable', () => {
    expectCategory('availability', ['GPT-5 is deployable in us-west-2.', 'ChatGPT Enterprise is purchasable on the AWS Marketplace.']);
  });
  it('offering named by a noun: "availability of o3 in Bedrock", "the deployment of GPT-4o on AWS"', () => {
    expectCategory(
      'availability',
      [
        'Availability of o3 in Amazon Bedrock begins next week.',
        'The deployment of GPT-4o on AWS is complete.',
        'Bedrock support for GPT-5 is live.',
      ],
      ['The deployment of the SRE on AWS is complete.'],
    );
  });
  it('a possessive noun phrase before the place: "inside the customer\'s AWS account"', () => {
    expectCategory('availability', [
      "GPT-5 runs inside every customer's AWS account.",
      "Bring OpenAI models into your company's AWS account.",
    ]);
  });
  it('a role or purpose between the claim and the place', () => {
    expectCategory('availability', [
      'openai.gpt-5 will appear as a selectable model in Amazon Bedrock.',
      'The o3 model is available for selection in Amazon Bedrock.',
    ]);
  });
  it('a fronted participle placing the model on AWS; a claim that goes on to Azure is not one', () => {
    expectCategory(
      'availability',
      ['Hosted on AWS infrastructure, GPT-4o will power the agents.'],
      ["Anthropic's Claude is hosted on AWS, OpenAI's models are hosted on Azure."],
    );
  });
  it('a passive with AWS as the one offering: "hosted by AWS"', () => {
    expectCategory('availability', ["OpenAI's models are hosted by AWS for this customer."]);
  });
  it('making a model available via AWS; one click away on AWS; adding a model to a Bedrock list', () => {
    expectCategory('availability', [
      'Provider shall make GPT-5 available to Customer via AWS.',
      'GPT-4o is one click away in the Bedrock console.',
      'Add o3 to the Bedrock model list.',
    ]);
  });
  it('the place first, the model as one of its models', () => {
    expectCategory('availability', ['For Bedrock customers, GPT-5 is now one of the supported models.']);
  });
  it('AWS, by its full name, offering, running or selling a model', () => {
    expectCategory(
      'availability',
      ['Amazon Web Services now hosts GPT-4o in Frankfurt.', 'AWS customers may now procure o3 through the marketplace.'],
      ['Amazon Web Services hosts the SRE, which is powered by GPT-5.'],
    );
  });
  it("a model as part of, or joining, AWS's catalogue; AWS's newest addition is a model", () => {
    expectCategory('availability', [
      'o3 is now part of the Bedrock catalog.',
      'GPT-5 joins the Amazon Bedrock model family.',
      "Bedrock's newest addition is o3.",
    ]);
  });
  it('AWS chosen to run a model, or said to be a place that runs it', () => {
    expectCategory('availability', [
      'Acme picked Amazon Bedrock to host its GPT-4o deployment.',
      'AWS is the second cloud after Azure to offer o3.',
    ]);
  });
  it('"comes pre-installed": a prefixed participle after "comes"', () => {
    expectCategory('availability', ['GPT-5 comes pre-installed in every new Bedrock workspace.']);
  });
  it('partners selling a model with AWS', () => {
    expectCategory('availability', ['Partners can co-sell o3 on the AWS Marketplace.']);
  });
  it('a workload moved to AWS', () => {
    expectCategory('availability', ['Acme moved its GPT-4o inference to AWS last quarter.']);
  });
});

describe('negation and answers the reader understands', () => {
  it('a denial reports the claim as untrue', () => {
    expectCategory('availability', [], ['A spokesperson denied that Frontier offers GPT-5 through AWS.']);
  });
  it('a negation reaches the last verb of a list ("does not host, resell or provide access to")', () => {
    expectCategory(
      'access',
      ['The SRE is not a chatbot, and provides access to GPT-5.'],
      ['Provider does not host, resell or provide access to OpenAI models.'],
    );
  });
  it('"asked if" reports a question, like "whether"', () => {
    expectCategory('calls-on', [], ['Customers asked if the SRE can call GPT-5 directly.']);
  });
  it('an answer label before "No" ("A: No.") answers the question', () => {
    expectCategory(
      'availability',
      ['Q: Can I pick GPT-5 in the Bedrock console? A: Yes.'],
      [
        'Q: Can I pick GPT-5 in the Bedrock console? A: No.',
        'Q: Is o3 offered in AWS regions? Answer: no.',
        'Can my team use GPT-5 in Bedrock? Not at this time.',
        'Is GPT-4o offered on AWS? The short answer is no.',
      ],
    );
  });
});

describe('naming', () => {
  it('a provider-prefixed model id is not the company name misspelt', () => {
    expectCategory('naming', ['We partner with Openai.'], ['Default model: openai/gpt-5']);
  });
});

describe('mention, not use: quoted wording the sentence talks about', () => {
  it('a quoted claim beside words about wording ("avoid", "write", "instead", "phrases like") is not reported', () => {
    for (const category of ['calls-on', 'access', 'availability'])
      expectCategory(
        category,
        [],
        [
          'Our style sheet says to avoid “calls on GPT-4o” in release notes.',
          "Never write 'unlocks access to o3' in a proposal.",
          'Swap "GPT-5, now available in Bedrock" for the approved phrase in the banner copy.',
          'We reworded "the SRE queries ChatGPT" to "the SRE integrates with ChatGPT".',
        ],
      );
  });
  it('a quoted customer or spokesperson still makes the claim (reported speech is not about wording)', () => {
    expectCategory('access', ['“Frontier handed every nurse access to GPT-5,” the hospital’s CTO said.']);
    expectCategory('calls-on', ['Quote from the keynote: "Our agents call on o3 all day long."']);
  });
  it('scare quotes around the verb alone do not hide the claim', () => {
    expectCategory('calls-on', ['The planner "calls on" GPT-5 for every step.']);
  });
  it('a quoted misspelt name that is being corrected is not a naming finding', () => {
    expectCategory('naming', [], ['Please correct "Open AI" to OpenAI on slide four.', 'Typo report: the footer spells it "Chat GPT".']);
    expectCategory('naming', ['Our deck praises "Chat GPT" as the fastest way to draft replies.']);
  });
});

describe('one claim, one category', () => {
  it('a grant that could also read as sending is reported as access only', () => {
    assert.deepEqual(categories('The connector hands every analyst the keys to GPT-5.'), ['access']);
  });
  it('people asking or chatting with a model through the product is access; the product doing it is calls-on', () => {
    expectCategory('access', ['The SRE lets our nurses ask o3 questions in plain English.']);
    assert.ok(!categories('The SRE lets our nurses ask o3 questions in plain English.').includes('calls-on'));
    expectCategory('calls-on', ['The SRE asks o3 to rank the claims.']);
  });
});

describe('calls that travel through Azure', () => {
  it('calls said to route through Azure are the sanctioned path, not our product calling the model', () => {
    expectCategory(
      'calls-on',
      [],
      [
        'Every request to OpenAI models is routed through Microsoft Azure under the agreement.',
        'API calls to GPT-5 must go through Azure.',
      ],
    );
    expectCategory('calls-on', ['The router sends each request to GPT-5 through the SRE.']);
  });
});

describe('availability: AWS surfaces, model ids and served-from lists', () => {
  it('a model placed in or listed by an AWS console, catalog or picker', () => {
    expectCategory(
      'availability',
      [
        'You can now find o4-mini in the Bedrock model catalog.',
        'The AWS console picker shows GPT-4.1 next to Titan.',
        'Pick gpt-5 from the list once it appears in your Bedrock playground.',
      ],
      ['The Bedrock console shows Claude and Llama.', 'GPT-5 is not in the Bedrock model catalog.'],
    );
  });
  it('a model named as one of AWS’s models, endpoints or options', () => {
    expectCategory('availability', [
      'Set the Bedrock model id to gpt-4.1 in the agent config.',
      'We list o3 as a new Amazon Bedrock option.',
    ]);
  });
  it('a list of models served from AWS', () => {
    expectCategory('availability', ['Choose claude-opus-4, nova-pro or o3, all hosted on Amazon Bedrock.']);
  });
  it('an approved phrase covers every model it coordinates ("integrates with OpenAI and ChatGPT")', () => {
    expectCategory('availability', [], ['The add-on integrates with OpenAI and ChatGPT and ships through the AWS Marketplace.']);
  });
});

describe('access: people using a model thanks to our product', () => {
  it('people who can now use a model, with our product named before', () => {
    expectCategory(
      'access',
      ['Since the Frontier pilot, our paralegals can now use GPT-5 for contract review.', 'With the SRE our interns get to play with o3.'],
      [
        'Our paralegals already use GPT-5 at home; the SRE keeps the case memory.',
        'Customers can use GPT-5 as a backend for agents built on the runtime.',
      ],
    );
  });
  it('people getting a model thanks to our product, but not AWS customers getting one (that is availability)', () => {
    expectCategory(
      'access',
      ['With the Frontier rollout, every claims adjuster gets GPT-4o.'],
      ['Bedrock customers get GPT-5 out of the box.'],
    );
  });
});

describe('calls-on: output arriving from a model, reaching it, routing work through it', () => {
  it('output that comes or streams from a model', () => {
    expectCategory(
      'calls-on',
      ['Replies stream straight from GPT-5 into the ticket.', 'The summary comes from o3.'],
      ['The idea came from a ChatGPT user forum.'],
    );
  });
  it('our product reaching a model, and work routed through it', () => {
    expectCategory('calls-on', [
      'Each night the agent reaches GPT-4o over a private link.',
      'Our planner routes every incoming ticket through o4-mini.',
    ]);
  });
});

describe('more shapes of the same three claims', () => {
  it('access: a particle after the model ("opens GPT-5 up to"), a line to a model', () => {
    expectCategory(
      'access',
      ['The connector opens o3 up to every analyst in the branch.', 'Give each nurse a direct line to GPT-4o.'],
      ['Give each nurse a direct line to the pharmacy.'],
    );
  });
  it('availability: a supported model in an AWS service, served out of AWS, moved to AWS', () => {
    expectCategory(
      'availability',
      [
        'o4-mini is now a supported model in the Bedrock runtime API.',
        'Host gpt-4.1 right inside your AWS account.',
        'Our GPT-5 workloads migrated last month from Azure to Amazon Bedrock.',
      ],
      ['Claude is now a supported model in the Bedrock runtime API.'],
    );
  });
  it('calls-on: waiting on a model’s answer', () => {
    expectCategory('calls-on', ['The planner is waiting for a reply from o3.']);
  });
});

describe('spoken English: fillers, speaker labels, forbidden statements', () => {
  it('a filler set off by commas is read past, for the claim and for its negation', () => {
    expectCategory(
      'access',
      ['The SRE, you know, gives every rep access to GPT-5.', 'Frontier gives, um, your analysts access to ChatGPT.'],
      [
        "It integrates with ChatGPT; it doesn't, you know, hand out access to it.",
        "The runtime isn't, like, a way to get access to GPT-5.",
      ],
    );
    expectCategory('availability', [], ["It's not, I mean, a way to run GPT-5 on AWS."]);
  });
  it('a word of its own is not a filler: "like" before a name, "well" inside a clause', () => {
    expectCategory('access', ['Tools like the SRE give every analyst access to GPT-5.']);
  });
  it('a question answered "No" after a speaker label claims nothing', () => {
    expectCategory(
      'availability',
      ['Customer: Is GPT-5 on Bedrock? Rep: Yes, since May.'],
      ['Customer: Is GPT-5 on Bedrock? Rep: No, it is not.', 'Caller: Can I run o3 on AWS? Host 2: Nope.'],
    );
  });
  it('a claim that a denied or forbidden verb of stating would make is not made', () => {
    expectCategory(
      'availability',
      ['Sales keeps saying that GPT-5 runs on AWS.'],
      [
        'Please stop saying GPT-5 runs on Bedrock in customer decks.',
        'Remove any copy implying o3 is hosted on AWS.',
        'Provider shall not represent, in any materials, that OpenAI models are available on AWS.',
      ],
    );
    expectCategory(
      'calls-on',
      ['We never said it was cheap, but the SRE calls GPT-5 on every turn.'],
      ["Don't tell customers the runtime invokes ChatGPT."],
    );
  });
  it('"rather than" and "instead of" deny what follows them', () => {
    expectCategory(
      'access',
      [],
      [
        'Say the SRE is enabled by OpenAI rather than that it unlocks GPT-5.',
        'The runtime is a stateful layer instead of a gateway to GPT-5.',
      ],
    );
  });
});

describe('names, nominal calls and places', () => {
  it('"Open AI" written as two words is the company, not the verb "open"', () => {
    expectCategory('access', [], ["The planner leaned on Open AI's o3 for the outline.", 'We asked Open AI models for a summary.']);
    expectCategory('calls-on', ['The bot sends every prompt to open A.I. and waits.']);
  });
  it('hedges between subject and verb: "basically", "kind of", "pretty much"', () => {
    expectCategory('availability', ['So AWS is pretty much hosting GPT-5 these days.', 'Amazon is basically serving o3 now.']);
  });
  it('our software calling OpenAI itself, without "on"', () => {
    expectCategory('calls-on', ['Honestly the connector just calls OpenAI for every reply.'], ['Regulators called OpenAI to a hearing.']);
  });
  it("a model's calls named by a noun, with our software as their source", () => {
    expectCategory(
      'calls-on',
      [
        'Dashboard: o3 request volume from Frontier agents, last 24 h.',
        'The worker retried each failed GPT-5 request twice.',
        'Every request the runtime sends to gpt-4.1 is logged.',
        'Queries made by the Service upon OpenAI models are audited.',
        'Latency of round-trips from the SRE to o4-mini stayed flat.',
        'Diagram: SRE → GPT-4o',
      ],
      ['Dashboard: o3 request volume from analysts, last 24 h.', 'Every request the runtime sends to the database is logged.'],
    );
  });
  it('people given a model: "get at", "made it possible for ... to", "enabled for", access that comes bundled', () => {
    expectCategory(
      'access',
      [
        'With Frontier, support staff can finally get at GPT-5 from the ticket view.',
        'The SRE made it easy for every analyst to use ChatGPT.',
        'All SRE workspaces are enabled for GPT-4o as of today.',
        'Access to o3 comes bundled with every SRE seat.',
        'The runtime serves GPT-5 access to partner tenants.',
      ],
      ['The SRE made it easy for every analyst to use the audit log.', 'Access to the audit log comes bundled with every seat.'],
    );
  });
  it('a model deployed to AWS, missing from an AWS list, or offered to AWS customers', () => {
    expectCategory(
      'availability',
      [
        'o4-mini, deployed to AWS last night, now answers the intents.',
        'Support case: gpt-4.1 missing from the Bedrock model picker.',
        'Frontier unlocks access to GPT-5 for every Bedrock customer.',
        'Make OpenAI models a default choice for every AWS tenant.',
        'Requests reach GPT-5 through the Bedrock-hosted gateway.',
        'Grant the role permission to invoke openai.gpt-4o on bedrock-runtime.',
      ],
      [
        'Llama 3, deployed to AWS last night, now answers the intents.',
        'We run OpenAI models on Azure next to an AWS-hosted state layer.',
        'Access to the audit log for every Bedrock customer.',
      ],
    );
  });
});

describe('wording edits, reported questions and the route through Azure', () => {
  it('a quoted claim beside a verb of editing copy is mentioned, not made', () => {
    expectCategory(
      'calls-on',
      ['The deck says the SRE "calls on GPT-5" for planning.'],
      ['To do: swap "calls on GPT-5" for "integrates with GPT-5" in the deck.'],
    );
    expectCategory('availability', [], ['Please delete "o3 now on Bedrock" from the release notes.']);
  });
  it('a question reported in its spoken order ("asked can I ...") claims nothing', () => {
    expectCategory(
      'access',
      ['The partner said its staff can access GPT-5 through the SRE.'],
      ['A partner asked can their staff access GPT-5 through the SRE.'],
    );
  });
  it('calls that "have to go" through Azure take the sanctioned route', () => {
    expectCategory('calls-on', [], ['Every request to GPT-5 has to go through Azure under the contract.']);
  });
  it('AWS audiences reaching a model', () => {
    expectCategory(
      'availability',
      ['With the SRE, any Bedrock builder can now reach o3.'],
      ['With the SRE, any Bedrock builder can now reach the audit log.'],
    );
  });
});

describe('plans that include a model, sessions and streams, ways in for AWS users', () => {
  it('a plan or seat of our product that includes a model, or a model switched on in it', () => {
    expectCategory(
      'access',
      [
        'Every SRE plan now includes unlimited o3 queries.',
        'Each Frontier licence ships with GPT-5.',
        'In the Frontier admin page you can turn GPT-4o on for everyone.',
      ],
      ['Every SRE plan now includes unlimited audit queries.', 'Each Frontier licence ships with a memory store.'],
    );
  });
  it('sessions, connections and failed attempts between our software and a model', () => {
    expectCategory(
      'calls-on',
      [
        'For each user the agent keeps a websocket to GPT-4o open.',
        'Logs show a dropped connection between the planner and ChatGPT.',
        'Alert: the runtime failed to reach o3 three times in a row.',
        'The worker streams replies straight out of GPT-5.',
        'Tokens arrive from gpt-4.1 as soon as they are ready.',
      ],
      ['For each user the agent keeps a websocket to the browser open.', 'Alert: the runtime failed to reach the database.'],
    );
  });
  it('a way in to a model for AWS customers, and a model right where AWS is', () => {
    expectCategory(
      'availability',
      [
        'Frontier is the shortest path to OpenAI models for every AWS customer.',
        'Analysts query o4-mini directly from Bedrock.',
        'Teams reach GPT-5 from within their AWS accounts.',
      ],
      ['Frontier is the shortest path to agent memory for every AWS customer.', 'Analysts query Claude directly from Bedrock.'],
    );
  });
});

describe('model ids written as code, chat spellings', () => {
  it('a code span that holds a model id counts as the model', () => {
    expectPatternCategory(
      'availability',
      ['Set the Bedrock model id to `openai/gpt-5`.', 'The `gpt-4o` model is available in Amazon Bedrock.'],
      ['Set the Bedrock model id to `anthropic.claude-3`.'],
    );
    expectPatternCategory(
      'calls-on',
      ['The router sends every ticket to `o4-mini`.'],
      ['The router sends every ticket to `triage-queue`.'],
    );
  });
  it('chat misspellings of claim words pass for the word', () => {
    expectPatternCategory('access', ['The connector gives every rep acess to GPT-5.'], ['The connector gives every rep acess to the CRM.']);
    expectPatternCategory('calls-on', ['the planner keeps callin on o3 for every step lol']);
    expectPatternCategory('availability', ['o3 now availble on Bedrock!!']);
  });
  it('a model a click away for AWS customers', () => {
    expectPatternCategory(
      'availability',
      ['OpenAI models are now a click away for every Bedrock customer.'],
      ['Claude models are now a click away for every Bedrock customer.'],
    );
  });
});

describe('editorial asides, labels and copy about copy', () => {
  it('a parenthetical report set off by commas is read past ("it is not, Amazon maintains, a ...")', () => {
    expectPatternCategory(
      'calls-on',
      [],
      ['It is not, the vendors insist, a direct API call to GPT-5.', 'The SRE does not, we are told, call on ChatGPT.'],
    );
    expectPatternCategory('calls-on', ['The SRE, the CTO says, calls GPT-5 on every turn.']);
  });
  it('a negator just before the comma still negates ("did not, and do not, call on")', () => {
    expectCategory('calls-on', [], ['Our agents did not, and will not, call on GPT-5 directly.']);
  });
  it('a quotation mark alone does not close the clause a question or negation is in', () => {
    expectCategory('calls-on', [], ['A reader asked if the runtime "calls on" ChatGPT.']);
  });
  it('a label that calls what follows untrue or forbidden ("Myth:", "Don\'t:")', () => {
    expectCategory('availability', ['Fact: GPT-5 is on Bedrock.'], ['Myth: GPT-5 is on Bedrock.', 'Wrong: o3 now runs on AWS.']);
  });
});

describe('more ways to say access, calls and availability', () => {
  it('access: hands on, taking people to a model, connecting us, exposing several models, a model family', () => {
    expectPatternCategory(
      'access',
      [
        'With the SRE you can get your hands on o3 in minutes.',
        'Honestly the SRE gets our interns to GPT-5 faster than IT ever could.',
        'Frontier connects us to GPT-4o with no setup.',
        'The SRE can expose gpt-4.1 and o3 to the same agent.',
        "The runtime opens up OpenAI's model lineup to every analyst.",
      ],
      ['With the SRE you can get your hands on the audit log in minutes.'],
    );
  });
  it('calls-on: our product wired up to a model', () => {
    expectPatternCategory(
      'calls-on',
      ['Once you hook the SRE up to the OpenAI API, replies stream in.'],
      ['Once you hook the SRE up to Slack, replies stream in.'],
    );
  });
  it('availability: compounds, places where a model is used, choosing it in a console, AWS shops', () => {
    expectPatternCategory(
      'availability',
      [
        'GPT-5 is now Bedrock-native.',
        'We build on Amazon Bedrock, where every agent can call o3.',
        'Open the Bedrock console and pick an OpenAI model like any other.',
        'AWS shops can now leverage GPT-5 without an Azure contract.',
        'A Bedrock-hosted tier now serves GPT-4.1 to three teams.',
      ],
      ['We build on Amazon Bedrock, where every agent can call Claude.', 'AWS shops can now leverage Claude without extra contracts.'],
    );
  });
});

describe('fragments that continue the sentence before them', () => {
  it('a short fragment completes the claim of the sentence before it, without a fix', () => {
    expectPatternCategory(
      'availability',
      ['Your agents, your GPT-5. On AWS.', 'Same o3 you know. Now on Bedrock.'],
      ['Same Claude. Now on Bedrock.', 'GPT-5 runs on Azure. On AWS we keep the memory.'],
    );
    expectPatternCategory('access', ['Unlocks access. To GPT-4o.']);
    const findings = builtinEngine().check('Your agents, your GPT-5. On AWS.', 'markdown').findings;
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.fixes.length]),
      [['memo/availability-claim', 0]],
    );
  });
  it('a claim the sentence before already reported, by a rule or the claim model, is not reported again', () => {
    for (const text of ['Same o3. Now on Bedrock.', 'GPT-5 is now on Bedrock. On AWS too.']) {
      const findings = builtinEngine().check(text, 'markdown').findings;
      assert.equal(findings.filter((finding) => finding.category === 'availability').length, 1, text);
    }
  });
  it('a one-word sentence names something and claims nothing', () => {
    expectCategory('calls-on', [], ['GPT-5.', 'o3!']);
  });
  it('a quantity after the object is no name given to it ("call it a few hundred times")', () => {
    expectPatternCategory(
      'calls-on',
      ['We picked o3. The planner calls it a dozen times per task.'],
      ['Everyone calls it a game changer, but GPT-5 is just a model.'],
    );
  });
});

describe('possessives of the two-word name, providing access, surfaces and distances', () => {
  it('access: people provided with access, access in our product, a way for people to use a model', () => {
    expectPatternCategory(
      'access',
      [
        'The connector provided 300 field engineers with access to GPT-4o.',
        'Your ChatGPT access in Frontier is now active.',
        'What the SRE gives you, put simply, is a way for analysts to use o3.',
      ],
      ['The connector provided 300 field engineers with access to the CRM.'],
    );
  });
  it('calls-on: phoning or ringing up a model, a possessive "Open AI\'s"', () => {
    expectPatternCategory(
      'calls-on',
      [
        'When stuck, the planner phones GPT-4o for a hint.',
        'The agents ring up o3 for every hard case.',
        "The worker invokes Open AI's o3 for planning.",
      ],
      ['When stuck, the planner phones the on-call engineer.'],
    );
  });
  it('availability: choosing a model in a far-off AWS console, a model one AWS step away, surfacing it to AWS customers', () => {
    expectPatternCategory(
      'availability',
      [
        'You can select gpt-4.1 as the default model for each new agent in the Bedrock console.',
        'The OpenAI API is now one Bedrock endpoint away.',
        'Our plugin surfaces GPT-5 to AWS customers.',
      ],
      ['You can select Claude as the default model for each new agent in the Bedrock console.'],
    );
  });
  it('naming: "Chat GPT-based" is the product misspelt; the fix joins the name and keeps the ending', () => {
    const text = 'We moved our Chat GPT-based flows to the SRE.';
    const findings = builtinEngine()
      .check(text, 'markdown')
      .findings.filter((finding) => finding.ruleId === 'names/chatgpt');
    assert.deepEqual(
      findings.map((finding) => applyEdits(text, finding.fixes[0]?.edits ?? [])),
      ['We moved our ChatGPT-based flows to the SRE.'],
    );
  });
});

describe('notices, reports and formal denials', () => {
  it('formal denials: a list of verbs with an adverb, things not to be said joined by "or", a withdrawn statement', () => {
    expectCategory(
      'calls-on',
      [],
      [
        'The runtime does not call, query or otherwise contact any OpenAI model.',
        'Staff must not claim that the SRE "unlocks" or "calls on" GPT-5.',
        "The sentence 'the SRE invokes GPT-5' was retracted from the brochure.",
      ],
    );
  });
  it('calls-on: calls from a long product name, a count of calls, polling, running something past a model, a quantity after it', () => {
    expectPatternCategory(
      'calls-on',
      [
        'Requests from the Stateful Runtime Environment to o3 are failing again.',
        'Your workflow used 300 GPT-5 calls from the agent pool this week.',
        'Each worker polls GPT-4o for new instructions.',
        'Give me a second, I will run it past o3.',
        'The planner queried the OpenAI API a maximum of ten times.',
        'Workers invoke the selected OpenAI model per step.',
      ],
      ['Each worker polls the queue for new instructions.', 'Give me a second, I will run it past legal.'],
    );
  });
  it('availability: offered to AWS customers, usage through Bedrock, temporarily unavailable, alongside others, a hosting layer, AWS customers gaining access', () => {
    expectPatternCategory(
      'availability',
      [
        "OpenAI's o3 is now offered to AWS customers in Asia.",
        'o4-mini usage through Amazon Bedrock is billed per token.',
        'GPT-5 is temporarily unavailable in eu-west-1 on Amazon Bedrock.',
        'OpenAI models are selectable alongside Llama and Claude in Bedrock.',
        'Bedrock acts as the hosting layer for GPT-4o inference.',
        'Bedrock customers now gain access to o3 through the SRE.',
        'GPT-5 is one of the models our AWS customers can choose.',
      ],
      ['Claude is now offered to AWS customers in Asia.', 'Bedrock acts as the hosting layer for agent memory.'],
    );
  });
  it('access: unrestricted use afforded, access to the latest models extended, getting to a model with our product', () => {
    expectPatternCategory('access', [
      'The platform affords analysts unrestricted use of GPT-5.',
      'Access to the latest GPT models is extended to every team.',
      'With Frontier, you can get to the OpenAI API in minutes.',
    ]);
  });
});
