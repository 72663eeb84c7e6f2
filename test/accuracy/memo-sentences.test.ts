import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinEngine, categoriesFound, readLabelledSentences, scoreSentences as score } from '../helpers/builtinEngine';

const devFile = [
  join(__dirname, '../../../shared/eval/dev-sentences.jsonl'),
  join(process.cwd(), '../shared/eval/dev-sentences.jsonl'),
].find(existsSync);
/**
 * Sentence sets written independently of the rules, from the article and the memo alone: every
 * `*-sentences.jsonl` in test/fixtures (the held-back set lives in a folder of its own), so a new
 * set is held to a floor the moment it is added.
 */
const fixtures = join(__dirname, '../fixtures');
const independentFiles = readdirSync(fixtures)
  .filter((name) => name.endsWith('-sentences.jsonl'))
  .sort()
  .map((name) => join(fixtures, name));

describe('the memo pack on the labelled development sentences', () => {
  // A skipped suite with no tests would count as nothing in the summary; one skipped test shows the reason there.
  if (devFile === undefined) it('every development sentence', { skip: 'the shared/eval folder is not beside the repository' }, () => {});
  for (const sentence of devFile ? readLabelledSentences(devFile) : []) {
    it(`${sentence.id}: ${sentence.text.replace(/\n/g, '\\n')}`, () => {
      const found = categoriesFound(sentence);
      for (const category of sentence.expect)
        assert.ok(found.has(category), `expected ${category}, found ${[...found].join(', ') || 'nothing'}`);
      for (const category of found) {
        assert.ok(sentence.expect.includes(category) || sentence.either.includes(category), `unexpected ${category}`);
      }
    });
  }
});

/**
 * The fragments-chat-idioms set was written to be unusual on purpose (slide fragments,
 * lowercase chat, table cells, clefts); its recall is held at 0.93, the
 * level measured after its misses were studied, so it cannot slip back.
 */
const RECALL_FLOOR: Readonly<Record<string, number>> = {
  'fragments-chat-idioms-sentences.jsonl': 0.93,
  // Studied after their blind measurement (0.679 and 0.802); held a little below what the meaning classes and sentence reader reach.
  'chat-nonnative-sentences.jsonl': 0.97,
  'support-email-sentences.jsonl': 0.97,
  // Studied after their blind measurement (0.794 and 0.777); held a little below what the derived noun, adjective and people classes and the new constructions reach (0.971 and 0.957).
  'code-ui-slides-sentences.jsonl': 0.95,
  'social-press-meetings-sentences.jsonl': 0.94,
  // Measured blind at 0.821, 0.839, 0.734 and 0.672 (rules + model); studied for general constructions
  // (quoted wording, one category per claim, routes through Azure) and trained on. Held just below today's level.
  'forums-faq-tickets-sentences.jsonl': 0.93,
  'listings-release-notes-sentences.jsonl': 0.95,
  'messages-scripts-reviews-sentences.jsonl': 0.9,
  'code-docs-ui-battlecards-sentences.jsonl': 0.9,
  // Measured blind at 0.863, 0.875, 0.883 and then at 0.860, 0.813, 0.895 (rules + model); studied for general
  // constructions and trained on. Marketing microcopy (verbless slogans, hashtags) is held lowest.
  'spoken-transcripts-sentences.jsonl': 0.95,
  'engineering-ops-sentences.jsonl': 0.95,
  'procurement-finance-sentences.jsonl': 0.95,
  'long-form-editorial-sentences.jsonl': 0.95,
  // Refitted on 38 sets, the model's availability threshold rose from 0.817 to 0.917 (chosen out of fold for
  // precision); two verbless slogans it used to catch ("YOUR DATA. YOUR AWS. YOUR GPT-5.") now fall below it.
  'marketing-microcopy-sentences.jsonl': 0.9,
  'personal-career-sentences.jsonl': 0.95,
  // Measured blind at 0.938, 0.898 and 0.938 (rules + model) and trained on, not studied.
  'onboarding-wiki-sentences.jsonl': 0.95,
  'customer-notifications-sentences.jsonl': 0.91,
  'whitepapers-research-sentences.jsonl': 0.94,
  // Measured blind at 0.917, 0.958 and 0.868 (rules + model) and trained on, not studied.
  'product-requirements-sentences.jsonl': 0.94,
  'video-scripts-sentences.jsonl': 0.95,
  'governance-audit-sentences.jsonl': 0.89,
  // Round 5, measured blind at 0.926, 0.866, 0.884, 0.908, 0.885, 0.885 and 0.926 (rules + model), studied for
  // general constructions and trained on. Held just below today's level.
  'case-studies-sentences.jsonl': 0.95,
  'training-quizzes-sentences.jsonl': 0.91,
  'newsletters-forums-sentences.jsonl': 0.94,
  'legal-contracts-sentences.jsonl': 0.95,
  'social-posts-sentences.jsonl': 0.95,
  'tutorials-answers-sentences.jsonl': 0.95,
  'investor-analyst-sentences.jsonl': 0.95,
  // Round 6 (education, prompts and bug reports, public sector, HR and helpdesk, events and co-marketing), measured
  // blind at a mean of 0.972 / 0.942 and trained on: each is held to the default floors, 0.95 and 0.95.
  // Round 7, measured blind at a mean of 0.981 / 0.920, studied for general constructions and trained on (with the
  // thresholds chosen on 43 sets). Translated text (calques, "asks to ChatGPT") is held lowest.
  'translated-text-sentences.jsonl': 0.92,
  'status-ops-sentences.jsonl': 0.94,
};

/**
 * The personal and career set labels search queries in lower case ("gpt-5 amazon bedrock model id") as
 * fine, where the naming rule flags the product's name in lower case; its precision is held at 0.93.
 */
const PRECISION_FLOOR: Readonly<Record<string, number>> = {
  'personal-career-sentences.jsonl': 0.93,
  // Measured blind at 0.938 and trained on, not studied: held just below today's level.
  'onboarding-wiki-sentences.jsonl': 0.94,
  // Measured blind at 0.929 each. The governance set labels audit findings that quote bad copy as making the claim.
  'video-scripts-sentences.jsonl': 0.92,
  'governance-audit-sentences.jsonl': 0.92,
  // Round 5: the quiz set quotes forbidden phrases as answer options a sentence after the question that names them.
  'training-quizzes-sentences.jsonl': 0.93,
};

describe('the memo pack on the independently written sentence sets', () => {
  for (const file of independentFiles) {
    const name = file.split('/').pop()!;
    const recallFloor = RECALL_FLOOR[name] ?? 0.95;
    const precisionFloor = PRECISION_FLOOR[name] ?? 0.95;
    it(`keeps precision at or above ${precisionFloor} and recall at or above ${recallFloor} on ${name}`, () => {
      const result = score(readLabelledSentences(file));
      const report = `precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}\n${result.misses.join('\n')}`;
      assert.ok(result.precision >= precisionFloor, report);
      assert.ok(result.recall >= recallFloor, report);
    });
  }
});

/**
 * A set never studied and never trained on (test/fixtures/heldback/): its
 * numbers estimate how the rules and the model do on unseen registers.
 * Measured blind at 0.792 / 0.808; the floors only keep it from slipping.
 */
describe('the memo pack on the held-back sentence set', () => {
  it('keeps precision at or above 0.87 and recall at or above 0.86', () => {
    const result = score(readLabelledSentences(join(__dirname, '../fixtures/heldback/hr-training-analyst-sentences.jsonl')));
    const numbers = `precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`;
    assert.ok(result.precision >= 0.87, numbers);
    assert.ok(result.recall >= 0.86, numbers);
  });
});

describe('every literal memo expression, in any inflection and formatting', () => {
  const objects = ['ChatGPT', 'GPT-4o', 'OpenAI models', 'the OpenAI API', "OpenAI's models", 'GPT-5', 'o3'];
  const cases: [string, string][] = [];
  for (const verb of ['enable', 'enables', 'enabled', 'enabling', 'Enable', 'ENABLES']) {
    for (const object of objects) {
      for (const text of [
        `SRE ${verb} access to ${object}.`,
        `SRE **${verb} access** to ${object}.`,
        `SRE _${verb}_ access to ${object}.`,
        `SRE ${verb}\naccess to ${object}.`,
        `> SRE ${verb}\n> access to ${object}.`,
        `SRE [${verb} access](https://example.com) to ${object}.`,
        `- SRE ${verb}   access to ${object}.`,
        `| SRE ${verb} access to ${object} | x |\n|---|---|`,
        `# SRE ${verb} access to ${object}`,
      ])
        cases.push([text, 'memo/enables-access']);
    }
  }
  for (const phrase of [
    'call on',
    'calls on',
    'called on',
    'calling on',
    'call upon',
    'calls upon',
    'called upon',
    'Calling on',
    'CALLS ON',
  ]) {
    const [verb, particle] = phrase.split(' ');
    for (const object of objects) {
      for (const text of [
        `The agent ${phrase} ${object}.`,
        `The agent **${phrase}** ${object}.`,
        `The agent ${verb}\n${particle} ${object}.`,
        `> The agent ${verb}\n> ${particle} ${object}.`,
        `The agent *${verb}* ${particle} ${object}.`,
        `1. The agent ${phrase} ${object} for each ticket.`,
      ])
        cases.push([text, 'memo/calls-on']);
    }
  }
  it(`catches all ${cases.length} variants`, () => {
    const missed = cases.filter(
      ([text, ruleId]) =>
        !builtinEngine()
          .check(text, 'markdown')
          .findings.some((finding) => finding.ruleId === ruleId),
    );
    assert.deepEqual(missed, []);
  });
});

describe('claims in context', () => {
  const engine = builtinEngine();
  const availability = (text: string): number =>
    engine.check(text, 'markdown').findings.filter((finding) => finding.ruleId === 'memo/availability-claim').length;

  it('takes a question answered "No" by the next sentence as no claim', () => {
    assert.equal(availability('Is GPT-5 available on AWS? No, OpenAI models are served through Azure.'), 0);
    assert.equal(availability('GPT-5 on Bedrock? Nope.'), 0);
    assert.equal(availability('Is GPT-5 available on AWS? Yes, in Bedrock.'), 1);
    assert.equal(availability('Is GPT-5 available on AWS? Nobody knows yet, but it is.'), 1);
  });

  it('reads "is false" after a claim, and "whether" before it, as denials', () => {
    assert.equal(availability('Claims that ChatGPT runs on AWS are false.'), 0);
    assert.equal(availability('Customers ask whether GPT-5 is on Bedrock.'), 0);
    assert.equal(availability('Running GPT-4o on AWS has never been easier.'), 1);
  });
});
