/**
 * The sentence reader and meaning classes: each test names one general
 * construction (not a sentence of a labelled set).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, createEngine } from '../../server/src/engine/index';
import { meaningClassInfo, meaningClassNames } from '../../server/src/engine/meaning/meaningClasses';
import { isOpenAINameWord, tagOpenAINames } from '../../server/src/engine/reading/openaiNames';
import { readSentence } from '../../server/src/engine/reading/sentenceReading';
import { TAG_OPENAI_NAME, TAG_OPENAI_REFERENCE } from '../../server/src/engine/reading/tags';
import { tokenizeUnit, type Token } from '../../server/src/engine/text/tokenize';

function sentencesOf(text: string): Token[][] {
  const sentences: Token[][] = [];
  tokenizeUnit(text, { segments: [{ start: 0, end: text.length }] }, (sentence) => sentences.push([...sentence.tokens]));
  return sentences;
}

function tagsOf(tokens: readonly Token[]): string[] {
  return tokens.map((token) =>
    token.tag === TAG_OPENAI_NAME ? `[${token.text}]` : token.tag === TAG_OPENAI_REFERENCE ? `<${token.text}>` : token.text,
  );
}

function matches(patterns: string[], text: string, sets = ''): string[] {
  const pack = `pack: t\n${sets}rules:\n  - id: t/rule\n    category: test\n    severity: error\n    message: "found {match}"\n    reason: test\n    patterns: ${JSON.stringify(patterns)}\n    examples: { bad: [], good: [] }\n`;
  const engine = createEngine([{ file: 't.termguard.yaml', text: pack }]);
  assert.deepEqual(
    engine.problems.filter((p) => p.severity === 'error'),
    [],
  );
  return engine.check(text, 'plaintext').findings.map((finding) => text.slice(finding.range.start, finding.range.end));
}

describe('OpenAI names are recognised by their shape', () => {
  it('gpt + optional separator + version number, with suffixes, in any case', () => {
    for (const word of ['gpt5', 'gpt-5', 'GPT-4.1', 'gpt-4o-mini', 'GPT-5-codex', 'gpt-image-1', 'gpt', 'gpts'])
      assert.ok(isOpenAINameWord(word.toLowerCase()), word);
  });
  it('ChatGPT spellings with versions, o-series and 4o in any case, provider-prefixed ids', () => {
    for (const word of ['chatgpt', 'chatgpt-5', 'chat-gpt', 'o3', 'o4-mini', 'O4-MINI', '4o', '4o-mini', 'openai.gpt-5', 'openai-o3'])
      assert.ok(isOpenAINameWord(word.toLowerCase()), word);
  });
  it('not descriptive compounds or look-alikes', () => {
    for (const word of ['chatgpt-style', 'gpt-5-powered', 'o2', 'go', 'got', 'gptx', 'ok']) assert.ok(!isOpenAINameWord(word), word);
  });
  it('a version or variant written as the next word joins the name into one token', () => {
    assert.deepEqual(tagsOf(tagOpenAINames(sentencesOf('we use gpt 5 and GPT 4o and o4 mini and chat gpt')[0]!)), [
      'we',
      'use',
      '[gpt 5]',
      'and',
      '[GPT 4o]',
      'and',
      '[o4 mini]',
      'and',
      'chat',
      '[gpt]',
    ]);
  });
  it('a pattern reaches the names through %openai-name', () => {
    assert.deepEqual(matches(['{call} %openai-name'], 'It calls gpt 5. It calls O4-MINI. It calls openai.gpt-5. It calls Claude.'), [
      'calls',
      'calls',
      'calls',
    ]);
  });
});

describe('pronouns that refer back to an OpenAI name', () => {
  const read = (text: string): string[] => {
    const [first, second] = sentencesOf(text);
    return tagsOf(second ? readSentence(second, first).tokens : readSentence(first!, undefined).tokens);
  };
  it('a relative pronoun right after the name', () => {
    assert.ok(read('SRE is powered by GPT-5, which runs on Amazon Bedrock.').includes('<which>'));
  });
  it('an object pronoun skips the subject of its own clause', () => {
    assert.ok(read('We piloted GPT-5 in March. The SRE now lets every rep access it directly.').includes('<it>'));
    assert.ok(read('we picked GPT-5 for reasoning and the SRE calls on it for each ticket').includes('<it>'));
  });
  it('a subject pronoun takes the nearest earlier thing', () => {
    assert.ok(read('We tested o3 for a month. It is now available in Amazon Bedrock.').includes('<It>'));
    assert.ok(!read('GPT-5 powers the SRE. It runs on Amazon Bedrock.').includes('<It>'));
  });
  it('"it" does not refer to a plural, nor to another vendor\'s model', () => {
    assert.ok(!read('We compared GPT-5 with Claude. The SRE calls it for each ticket.').includes('<it>'));
    assert.ok(read('o4-mini is what our agents query for cheap tasks, SRE just forwards to it').includes('<it>'));
  });
  it('a pattern reaches the pronoun through %openai-reference', () => {
    assert.deepEqual(
      matches(['{call on} %openai-reference'], 'GPT-5 is fast. The SRE calls on it often. Claude is slow. The SRE calls on it too.'),
      ['calls on'],
    );
  });
});

describe('asides in round brackets', () => {
  it('are read past: the aside-free view joins verb and object', () => {
    assert.deepEqual(
      matches(['{enable access to} %openai-name'], 'The connector enables (after you approve the role) access to o4-mini.'),
      ['enables (after you approve the role) access to'],
    );
  });
  it('a match read past an aside replaces only the words around it, so the aside is never lost', () => {
    const pack = `pack: t\nrules:\n  - id: t/rule\n    category: test\n    severity: error\n    message: "m"\n    reason: r\n    patterns: ["{call on} %openai-name"]\n    fixes: [{ replace: integrate with }]\n    examples: { bad: [], good: [] }\n`;
    const engine = createEngine([{ file: 't.termguard.yaml', text: pack }]);
    const [aside] = engine.check('It is calling (only for hard cases) on o4-mini.', 'plaintext').findings;
    const [plain] = engine.check('It is calling on o4-mini.', 'plaintext').findings;
    assert.equal(
      applyEdits('It is calling (only for hard cases) on o4-mini.', aside!.fixes[0]!.edits),
      'It is integrating (only for hard cases) with o4-mini.',
    );
    assert.equal(plain!.fixes.length, 1);
  });
});

describe('meaning classes', () => {
  it('are derived, with every member inflected and an optional particle', () => {
    assert.deepEqual(matches(['{%contact} %openai-name'], 'It queried o3. It pinged gpt5. It reached out to GPT-5. It described GPT-5.'), [
      'queried',
      'pinged',
      'reached out to',
    ]);
    assert.deepEqual(
      matches(
        ['{%send *2 =to} %openai-name'],
        'The router hands off the task to gpt-5. It forwarded tickets to o3. It described tickets to GPT-5.',
      ),
      ['hands off the task to', 'forwarded tickets to'],
    );
  });
  it('list their members, provenance and prunes', () => {
    assert.deepEqual(meaningClassNames(), [
      'aws-name',
      'aws-region',
      'contact',
      'contact-able',
      'contact-noun',
      'grant',
      'grant-noun',
      'host',
      'host-able',
      'host-noun',
      'openai-name',
      'openai-reference',
      'person',
      'send',
      'send-noun',
      'use',
    ]);
    const contact = meaningClassInfo('contact')!;
    assert.ok(contact.members.includes('consult') && contact.members.includes('ping'));
    assert.ok(meaningClassInfo('send')!.members.includes('forward'));
    assert.ok(!contact.members.includes('phone'));
    assert.match(contact.pruned['phone']!, /people/);
  });
  it('an unknown class is a located pack problem, not a crash', () => {
    const pack = `pack: t\nrules:\n  - id: t/rule\n    category: test\n    severity: error\n    message: "m"\n    reason: r\n    patterns: ["call %nosuch"]\n    examples: { bad: [], good: [] }\n`;
    const problems = createEngine([{ file: 't.termguard.yaml', text: pack }]).problems;
    assert.equal(problems[0]?.code, 'unknown-class');
    assert.match(problems[0]!.message, /meaning class `%nosuch`.*%contact/);
  });
  it('the generated file is what the derivation script writes from WordNet', async () => {
    const { deriveClasses, renderGenerated, GENERATED_FILE, WORDNET_DICT } = await import('../../tools/derive-meaning-classes');
    const { readFileSync } = await import('node:fs');
    assert.equal(
      readFileSync(GENERATED_FILE, 'utf8'),
      renderGenerated(deriveClasses(WORDNET_DICT)),
      'run: node --import tsx tools/derive-meaning-classes.ts',
    );
  });
});

describe('negation the reader understands', () => {
  const negatedPack = `pack: t\nrules:\n  - id: t/rule\n    category: test\n    severity: error\n    message: "m"\n    reason: r\n    patterns: ["{host} %openai-name =on =aws", "{call} *4 =on %openai-name"]\n    conditions: { not-negated: true }\n    examples: { bad: [], good: [] }\n`;
  const found = (text: string): number =>
    createEngine([{ file: 't.termguard.yaml', text: negatedPack }]).check(text, 'plaintext').findings.length;
  it('negative contractions written without the apostrophe negate ("we dont host")', () => {
    assert.equal(found('we dont host gpt-5 on AWS'), 0);
    assert.equal(found('we host gpt-5 on AWS'), 1);
  });
  it('a negator that opens a bracketed aside negates the claim; one further inside belongs to the aside', () => {
    assert.equal(found('It is calling (not yet) on o4-mini.'), 0);
    assert.equal(found("It is calling (only for hard cases, don't worry) on o4-mini."), 1);
  });
});

describe('definite nouns and empty subjects', () => {
  const read = (text: string): string[] => {
    const [first, second] = sentencesOf(text);
    return tagsOf(readSentence(second!, first).tokens);
  };
  it('"the model" refers back like "it"', () => {
    assert.ok(read('We chose GPT-5. The SRE calls the model for each ticket.').includes('<model>'));
    assert.ok(!read('We compared GPT-5 and Claude. The SRE calls the model for each ticket.').includes('<model>'));
  });
  it('an empty "it" ("it is easy to") refers to nothing', () => {
    assert.ok(!read('We love GPT-5. It is easy to set up a runtime.').includes('<It>'));
    assert.ok(read('We tested GPT-5. It is available to all customers.').includes('<It>'));
  });
});

describe('a subject pronoun is resolved only when the nearest thing and the sentence subject agree', () => {
  const read = (text: string): string[] => {
    const [first, second] = sentencesOf(text);
    return tagsOf(readSentence(second!, first).tokens);
  };
  it('"The agent calls on ChatGPT. It runs on AWS": "It" may be the agent, so it is left alone', () => {
    assert.ok(!read('The agent calls on ChatGPT. It runs on AWS bedrock.').includes('<It>'));
    assert.ok(read('We tested o3 for a month. It is now available in Amazon Bedrock.').includes('<It>'));
  });
});

describe("the prose filter and the trigger index know the reader's tags", () => {
  it('a unit whose only trigger is an OpenAI name, by its shape, is still checked', () => {
    // "call" is an everyday word, so the name (a tag) is this pattern's trigger; no listed word is in the text.
    assert.deepEqual(matches(['{call} %openai-name'], 'Our bot calls gpt5 nightly.'), ['calls']);
    assert.deepEqual(matches(['{call} %openai-name'], 'Our bot calls O4-MINI nightly.'), ['calls']);
  });
});

describe('classes derived from the verb classes', () => {
  it("nouns come from WordNet's derivational links of the class's own senses, acts and messages only", () => {
    const nouns = meaningClassInfo('contact-noun')!;
    assert.ok(nouns.members.includes('consultation') && nouns.members.includes('query') && nouns.members.includes('invocation'));
    // "caller" is a person (WordNet files it with people); "a contact" is too, in everyday prose, so it is pruned with its reason.
    assert.ok(!nouns.members.includes('caller') && !nouns.members.includes('contact'));
    assert.match(nouns.pruned['contact']!, /person/);
    assert.ok(meaningClassInfo('host-noun')!.members.includes('deployment'));
    assert.match(meaningClassInfo('host-noun')!.source, /singular or plural/);
  });
  it('people are every noun WordNet files as a person, without those that usually name a thing', () => {
    const people = meaningClassInfo('person')!;
    for (const word of ['underwriter', 'nurse', 'developer', 'analyst', 'tenant']) assert.ok(people.members.includes(word), word);
    assert.ok(!people.members.includes('model') && !people.members.includes('server'));
    assert.match(people.pruned['server']!, /thing/);
    assert.deepEqual(matches(['{%person}'], 'Two salesmen and three analysts met.'), ['salesmen', 'analysts']);
  });
  it('"-able" adjectives are formed by the spelling rules, with recorded prunes', () => {
    const able = meaningClassInfo('host-able')!.members;
    for (const word of ['deployable', 'runnable', 'selectable', 'available', 'purchasable']) assert.ok(able.includes(word), word);
    assert.ok(!able.includes('executable'));
  });
  it('verbs also match with "re-" in front, except words that mean something else', () => {
    assert.deepEqual(matches(['{%send *2 =to} %openai-name'], 'It re-sends the request to gpt-5. It reroutes it to o3.'), [
      're-sends the request to',
      'reroutes it to',
    ]);
    assert.ok(!meaningClassInfo('contact')!.members.includes('recall'));
  });
  it('a noun class matches singular and plural, not verb forms', () => {
    assert.deepEqual(
      matches(['{%contact-noun =to} %openai-name'], 'Queries to o3 are logged. A consultation to gpt-5 is cheap. It queried to o3.'),
      ['Queries to', 'consultation to'],
    );
  });
});

describe('AWS region codes', () => {
  it('are recognised by their shape and reached through %aws-region', () => {
    assert.deepEqual(
      matches(
        ['{%openai-name} *3 %aws-region'],
        'GPT-5 runs in us-east-1. GPT-5 runs in ap-southeast-2. GPT-5 runs in us-east. GPT-5 runs in eu-west-1a.',
      ),
      ['GPT-5', 'GPT-5'],
    );
  });
  it('a unit whose only place is a region code still passes the prose filter', () => {
    assert.deepEqual(matches(['{%aws-region}'], 'Deploy to eu-central-1 tonight.'), ['eu-central-1']);
  });
});

describe('provider-prefixed model ids', () => {
  it('"openai/gpt-5" is one name, not the company name misspelt', () => {
    assert.deepEqual(tagsOf(tagOpenAINames(sentencesOf('Default model: openai/gpt-5 or openai / gpt-5')[0]!)), [
      'Default',
      'model',
      '[openai/gpt-5]',
      'or',
      'openai',
      '[gpt-5]',
    ]);
  });
});
