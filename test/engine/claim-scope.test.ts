/**
 * How far a claim's negation, mention and references reach: the
 * constructions that decide whether words that would make a claim are the
 * writer's claim at all. Each test names one construction and checks it on
 * wording of its own (none of these sentences is in a labelled set).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/fixes/applyEdits';
import { builtinEngine } from '../helpers/builtinEngine';
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

describe('names misspelt inside a compound', () => {
  const fixed = (text: string): string[] =>
    builtinEngine()
      .check(text, 'markdown')
      .findings.filter((finding) => finding.category === 'naming')
      .map((finding) => applyEdits(text, finding.fixes[0]?.edits ?? []));

  it('a misspelt or mis-cased name before a descriptive ending is reported, and the fix keeps the ending', () => {
    assert.deepEqual(fixed('Try our Chatgpt-flavoured, Chatgpt-grade helper.'), ['Try our Chatgpt-flavoured, ChatGPT-grade helper.']);
    assert.deepEqual(fixed('The Openai-backed assistant is live.'), ['The OpenAI-backed assistant is live.']);
    expectPatternCategory(
      'naming',
      ['Meet our Open AI-integrated support desk.', 'It now speaks chat gpt 4o fluently.'],
      ['Meet our OpenAI-integrated support desk.', 'The ChatGPT-style answers read well.', 'We keep an open API-first design.'],
    );
  });
});

describe('claims taken back or talked about', () => {
  it('a later clause takes the claim back: "..., but it isn\'t", "..., which is false"', () => {
    expectPatternCategory(
      'availability',
      ['Some analysts write that o3 runs on Amazon Bedrock, which is why we chose it.'],
      ["Rumour has it that o3 runs on Amazon Bedrock, but it doesn't.", 'Plenty of blogs claim gpt-4.1 is hosted on AWS, which is false.'],
    );
    expectPatternCategory(
      'calls-on',
      ['Our agent invokes GPT-5, but it is not the only model it uses.'],
      ['Our agent invokes GPT-5, and that is not true.'],
    );
  });

  it('the claim is the content of a statement called untrue: "the statement that ... was inaccurate"', () => {
    expectPatternCategory('calls-on', [], ['The impression that our planner queries o3 on every step is completely false.']);
    expectPatternCategory('calls-on', ['The impression is that our planner queries o3 on every step.']);
  });

  it('a verb of stating whose subject "no" or "zero" denies: "no page states that ...", "zero decks claiming ..."', () => {
    expectPatternCategory(
      'availability',
      ['Every deck in the library states that GPT-4o is offered on Amazon Bedrock.'],
      [
        'I can confirm that no deck in the partner library states that GPT-4o is offered on Amazon Bedrock.',
        'Goal for Q3: zero partner decks claiming GPT-4o is offered on Amazon Bedrock.',
      ],
    );
  });

  it('wording in general that a verb of stating describes: "wording that implies ...", "copy suggesting ..."', () => {
    expectPatternCategory(
      'availability',
      ['Our release notes suggest that o4-mini is hosted on AWS.'],
      [
        'Any copy suggesting that o4-mini is hosted on AWS goes to legal first.',
        'Language that implies o4-mini is hosted on AWS is a risk for the partnership.',
      ],
    );
  });

  it('a sentence opening "Not once" or "Not a single" denies its main clause', () => {
    expectPatternCategory(
      'access',
      ["Once a quarter the SRE exposes OpenAI's API to our partners."],
      ["Not once has the SRE exposed OpenAI's API to our partners."],
    );
  });
});

describe('quoted wording judged as allowed or not', () => {
  it('a quoted claim in a sentence about whether wording is allowed is mentioned; a pattern\'s gap stops at "but"', () => {
    expectPatternCategory(
      'access',
      ['Our connector is allowed to ship, but it also gives access to GPT-4o for every rep.'],
      [
        'Is “integrates with GPT-4o” permitted but “gives access to GPT-4o” not?',
        "Why is 'powered by OpenAI' acceptable but 'opens up access to o3' flagged?",
      ],
    );
  });
});

describe('Azure named as the route', () => {
  it('a call or access the sentence routes through Azure anywhere, or says Azure is the only place for, is the sanctioned route', () => {
    expectPatternCategory(
      'calls-on',
      ['To call o3 directly, our agents use the SRE.', 'The planner calls o3 directly, not through Azure.'],
      [
        'To call o3 directly, you still have to go through Azure.',
        'Per the contract, Azure stays the only route where customers can invoke o3.',
      ],
    );
  });
});

describe('access through Azure', () => {
  it('access that goes through Azure is the sanctioned route, as calls through Azure are', () => {
    expectPatternCategory(
      'access',
      ['Last year our analysts accessed GPT-4o through the SRE.'],
      ['Last year our analysts accessed GPT-4o through Azure OpenAI Service.', 'Our analysts access o3 via Microsoft Azure today.'],
    );
  });
});

describe('quoted wording given as an example', () => {
  it('a quotation right after "like" or "such as" is an example of wording, not a claim', () => {
    expectPatternCategory(
      'calls-on',
      ['Our planner “calls on GPT-5” for every step.'],
      ['Deduct a point for anything like “calls on GPT-5” in the answer.', "Phrases such as 'invokes o3 directly' go back to the writer."],
    );
  });
});

describe('a statement the next sentence takes back', () => {
  it('a bare denial right after the statement ("It isn\'t.", "Not true.") takes it back; a denial that goes on does not', () => {
    expectPatternCategory(
      'availability',
      ["Rumour: o3 now runs on Amazon Bedrock. It isn't cheap, though.", 'o3 now runs on Amazon Bedrock. It does.'],
      [
        "Rumour: o3 now runs on Amazon Bedrock. It doesn't.",
        "Some decks say o3 now runs on Amazon Bedrock; that's not true.",
        'o3 now runs on Amazon Bedrock? Not true.',
      ],
    );
  });
});

describe('a reported question the next sentence answers "yes"', () => {
  it('"asked whether X. Rep confirmed it is." makes the claim; unanswered or answered "no" it does not', () => {
    expectPatternCategory(
      'availability',
      [
        'The buyer asked whether o4-mini is offered on Amazon Bedrock; our SE confirmed it is.',
        'The buyer asked whether o4-mini is offered on Amazon Bedrock. Short answer: yes.',
      ],
      [
        'The buyer asked whether o4-mini is offered on Amazon Bedrock.',
        'The buyer asked whether o4-mini is offered on Amazon Bedrock. We said no.',
      ],
    );
  });
});

describe('denials set off by commas', () => {
  it('a pattern\'s gap stops at a denial after a comma, so the claim before it stands ("to every team, no contract needed")', () => {
    expectPatternCategory('access', ['The connector opens up o3 to every analyst, no extra licence needed.']);
  });

  it('a negator before the auxiliary just before the comma negates ("does not, and never will, open up")', () => {
    expectPatternCategory('access', [], ['The connector does not, and never will, open up o3 to every analyst.']);
  });
});

describe('statements called untrue or held in general', () => {
  it('a verb of stating called untrue ("It would be inaccurate to say that ...") and "any suggestion that ..." claim nothing', () => {
    expectPatternCategory(
      'availability',
      ['It would be accurate to say that o3 can be deployed on Amazon Bedrock.'],
      [
        'It would be misleading to say that o3 can be deployed on Amazon Bedrock.',
        'The memo bans that phrase, as it does any suggestion that o3 can be deployed on Amazon Bedrock.',
      ],
    );
  });

  it('AWS named as the owner of our product is not a place', () => {
    expectPatternCategory(
      'availability',
      ['Teams reach GPT-4.1 through Amazon Bedrock.'],
      ["Teams reach GPT-4.1 through Amazon's Stateful Runtime Environment."],
    );
  });
});

describe('"those models" and "these models" refer back', () => {
  it('a plural definite noun refers to the OpenAI models named before it, and inside an approved phrase it stays approved', () => {
    expectPatternCategory(
      'availability',
      ["Buyers wanted OpenAI's newest models, and now those models are served from Amazon Bedrock."],
      [
        'Buyers compared Claude and Llama, and now those models are served from Amazon Bedrock.',
        "OpenAI's models stay on Azure; the SRE, integrated with those models, runs on Amazon Bedrock.",
      ],
    );
  });
});

describe('round seven: confirmations, corrections, naming and the Azure route', () => {
  it('a reported question someone "said yes" to makes its claim; "incorrectly said" takes a statement back', () => {
    expectPatternCategory(
      'calls-on',
      ['The buyer asked whether the runtime invokes o3 for planning; I said yes.'],
      [
        'The buyer asked whether the runtime invokes o3 for planning.',
        'An earlier draft wrongly said the runtime invokes o3 for planning.',
      ],
    );
  });

  it('"calls GPT-5 its ..." names a model; Azure that gives access, or reached only through Azure, is the sanctioned route', () => {
    expectPatternCategory('calls-on', ['The planner calls GPT-5 every minute.'], ['The vendor calls GPT-5 its flagship model.']);
    expectPatternCategory(
      'access',
      ['Frontier gives enterprises access to o3.'],
      ["Microsoft's Azure service gives enterprises access to o3."],
    );
    expectPatternCategory(
      'availability',
      ['AWS customers can reach o3 on Bedrock.', 'Unlike the Azure route, Bedrock now serves o3.'],
      ['AWS customers can reach o3 only by going through Azure.'],
    );
  });
});
