/**
 * The claim model (server/src/engine/claims/): how it reads a sentence
 * (entity tokens, stems, n-grams), that its verdicts are deterministic, that
 * the engine reports what the rules miss and nothing the rules already
 * report, the switches that turn it off, and that the shipped artifact is
 * exactly what tools/train-claim-model.ts produces.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { main } from '../../server/src/cli/main';
import {
  bucketOf,
  claimWords,
  ENTITY,
  featureNames,
  forEachFeature,
  namesOpenAI,
  OPENAI_MENTION_WORDS,
  stem,
} from '../../server/src/engine/claims/claimFeatures';
import { ClaimModel, type ClaimModelData } from '../../server/src/engine/claims/claimModel';
import { createEngine, loadPack } from '../../server/src/engine/index';
import { scanPlainTextBlocks } from '../../server/src/engine/prose/plaintext/plainTextReader';
import { tokenizeUnit, type Token } from '../../server/src/engine/text/tokenize';
import { WordFilter } from '../../server/src/engine/text/wordFilter';
import { renderFinding } from '../../server/src/lsp/hover';
import { ARTIFACT, trainFinal } from '../../tools/train-claim-model';
import { builtinEngine } from '../helpers/builtinEngine';
import { memoryIO, tempTree } from '../helpers/cliRun';

/** The tokens of the first sentence of `text`, as the engine reads plain text. */
function tokensOf(text: string): Token[] {
  let tokens: Token[] | undefined;
  for (const block of scanPlainTextBlocks(text, 0)) {
    for (const unit of block.units) tokenizeUnit(text, unit, (sentence) => (tokens ??= [...sentence.tokens]));
  }
  return tokens ?? [];
}

/** The keys the model reads for `text`. */
function keys(text: string): string[] {
  return claimWords(tokensOf(text)).map((word) => word.key);
}

/** A sentence the pattern rules miss and the shipped model reports (from the training sentences, v024). */
const MODEL_ONLY = 'The agent calls, whenever it needs a summary, on GPT-5.';

describe('claim model features', () => {
  it('replaces every way of naming an OpenAI model, product or API by one token', () => {
    for (const name of [
      'ChatGPT',
      'GPT-4o',
      'GPT 5',
      'gpt5',
      'gpt-4.1',
      'o3',
      'o4-mini',
      'OpenAI models',
      "OpenAI's newest models",
      'the OpenAI API',
      'openai/gpt-5',
      'openai.gpt-4o',
      'Chat GPT',
      'ChatGPT Enterprise',
    ]) {
      const words = keys(`Agents use ${name} daily.`);
      assert.deepEqual(
        words.filter((key) => key.startsWith('<')),
        [ENTITY.openaiModel],
        name,
      );
      assert.equal(words.length, name.startsWith('the ') ? 5 : 4, `${name}: ${words.join(' ')}`);
    }
  });

  it('gives AWS, Azure, our product and the bare company name tokens of their own', () => {
    assert.deepEqual(keys('Amazon Bedrock and Amazon Web Services and AWS'), [ENTITY.aws, 'and', ENTITY.aws, 'and', ENTITY.aws]);
    assert.deepEqual(keys('Microsoft Azure or Azure OpenAI Service'), [ENTITY.azure, 'or', ENTITY.azure]);
    assert.deepEqual(keys('SRE, the Stateful Runtime Environment, Frontier and our agents'), [
      ENTITY.ours,
      '|',
      'the',
      ENTITY.ours,
      '|',
      ENTITY.ours,
      'and',
      ENTITY.ours,
    ]);
    assert.deepEqual(keys('OpenAI signed a deal'), [ENTITY.openai, 'sign', 'a', 'deal']);
  });

  it('reads words that name properties of JavaScript objects as ordinary words', () => {
    for (const word of ['constructor', '__proto__', 'hasownproperty', 'valueof']) assert.equal(stem(word), word);
    assert.doesNotThrow(() => builtinEngine().check('The __proto__ and constructor of ChatGPT.', 'markdown'));
  });

  it('sends the forms of a word to one stem and marks the words a negation covers', () => {
    assert.deepEqual(['enable', 'enables', 'enabled', 'enabling'].map(stem), ['enabl', 'enabl', 'enabl', 'enabl']);
    assert.deepEqual(['gave', 'given', 'calls', 'called', 'running', 'is'].map(stem), ['give', 'give', 'call', 'call', 'run', 'be']);
    assert.deepEqual(keys('SRE does not enable access, but it integrates'), [
      ENTITY.ours,
      'do',
      'not',
      '!enabl',
      '!access',
      '|',
      'but',
      'it',
      'integrat',
    ]);
    assert.deepEqual(keys('GPT-5 is not only fast'), [ENTITY.openaiModel, 'be', 'not', 'only', 'fast']);
  });

  it('builds word 1-3-grams, pairs around names and character 3-5-grams, and hashes them as their names', () => {
    const words = claimWords(tokensOf('SRE enables access to ChatGPT'));
    const names = featureNames(words);
    for (const expected of [
      'w1:enabl',
      'w2:<s> <ours>',
      'w2:<ours> enabl',
      'w3:enabl access to',
      'w2:<openai-model> </s>',
      'p:access<<openai-model>',
      'p:<ours>>enabl',
      'c:^en',
      'c:^ena',
      'c:^enab',
      'c:les$',
    ]) {
      assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    }
    assert.ok(!names.some((name) => name.startsWith('c:') && /chatgpt|sre/.test(name)), 'names have no spelling features');
    const buckets: number[] = [];
    forEachFeature(words, (bucket) => buckets.push(bucket));
    assert.deepEqual(buckets, names.map(bucketOf));
  });

  it('hashes exactly the features it names, for any list of words', () => {
    const word = fc.oneof(
      fc.record({
        key: fc.string({ maxLength: 8 }),
        chars: fc.string({ maxLength: 12 }),
        negated: fc.boolean(),
        firstToken: fc.nat(30),
        lastToken: fc.nat(30),
      }),
      fc
        .constantFrom(...Object.values(ENTITY), '|', '<code>')
        .map((key) => ({ key, chars: '', negated: false, firstToken: 0, lastToken: 0 })),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const buckets: number[] = [];
        forEachFeature(words, (bucket) => buckets.push(bucket));
        assert.deepEqual(buckets, featureNames(words).map(bucketOf));
      }),
      { numRuns: 300 },
    );
  });

  it('wakes the model on the listed names only, and the word filter lets every listed name through', () => {
    assert.ok(namesOpenAI(tokensOf('We moved to gpt5 last week.')));
    assert.ok(namesOpenAI(tokensOf('Set model to openai.gpt-4o-mini.')));
    assert.ok(!namesOpenAI(tokensOf('Claude runs on Amazon Bedrock.')));
    const filter = new WordFilter(['gpt', ...OPENAI_MENTION_WORDS]);
    for (const word of OPENAI_MENTION_WORDS) {
      // An underscore anywhere sends the filter down its hashed path, which reads whole words.
      for (const text of [`Use ${word} now.`, `Use ${word} in my_file now.`]) {
        assert.ok(filter.mayContain(text, { segments: [{ start: 0, end: text.length }] }), text);
      }
    }
  });
});

describe('claim model inference', () => {
  const data = JSON.parse(readFileSync(ARTIFACT, 'utf8')) as ClaimModelData;

  it('gives the same verdicts every time and from every copy of the model', () => {
    const words = claimWords(tokensOf(MODEL_ONLY));
    const first = new ClaimModel(data).judge(words);
    assert.deepEqual(new ClaimModel(data).judge(words), first);
    assert.deepEqual(new ClaimModel(data).judge(claimWords(tokensOf(MODEL_ONLY))), first);
    const engine = builtinEngine();
    assert.deepEqual(engine.check(MODEL_ONLY, 'markdown'), engine.check(MODEL_ONLY, 'markdown'));
  });

  it('stores integer weights only, for buckets that fit the table', () => {
    assert.ok(data.weights.every(Number.isInteger));
    assert.ok(data.bucketDeltas.every((delta) => Number.isInteger(delta) && delta >= 0));
    assert.ok(data.bucketDeltas.reduce((sum, delta) => sum + delta, 0) < 1 << 18);
  });

  it('reports a claim the rules miss, as a warning without fixes that names the words that weighed most', () => {
    const findings = builtinEngine().check(MODEL_ONLY, 'markdown').findings;
    assert.deepEqual(
      findings.map((finding) => finding.ruleId),
      ['memo/likely-calls-on'],
    );
    const finding = findings[0]!;
    assert.equal(finding.category, 'calls-on');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.fixes, []);
    assert.match(
      finding.message,
      /^Reads as a claim that the product calls an OpenAI model directly; say it integrates with or is powered by OpenAI\.$/,
    );
    assert.ok(finding.evidence && finding.evidence.length >= 1 && finding.evidence.length <= 3, JSON.stringify(finding.evidence));
    for (const words of finding.evidence) assert.ok(MODEL_ONLY.replace(/,/g, '').includes(words), words);
    assert.equal(MODEL_ONLY.slice(finding.range.start, finding.range.end).replace(/,/g, ''), finding.matchedText);
  });

  it('shows the words that weighed most in the hover', () => {
    const finding = builtinEngine().check(MODEL_ONLY, 'markdown').findings[0]!;
    const hover = renderFinding(finding, builtinEngine());
    assert.match(hover, /\*Words that weighed most:\* “[^”]+”/);
    assert.ok(hover.includes(`“${finding.evidence![0]!}”`), hover);
  });

  it('stays out of a sentence whose category a rule already reported, and out of a question answered "No"', () => {
    const engine = builtinEngine();
    assert.deepEqual(
      engine.check('The SRE enables access to ChatGPT.', 'markdown').findings.map((finding) => finding.ruleId),
      ['memo/enables-access'],
    );
    assert.deepEqual(engine.check('Is GPT-5 available on AWS? No, it is not.', 'markdown').findings, []);
  });

  it('is silenced by its own severity override, by `claimModel: false`, and with the rule it stands in for', () => {
    const engine = builtinEngine();
    const ruleIds = (options: Parameters<typeof engine.check>[2]): string[] =>
      engine.check(MODEL_ONLY, 'markdown', options).findings.map((finding) => finding.ruleId);
    assert.deepEqual(ruleIds({ severityOverrides: { 'memo/likely-calls-on': 'off' } }), []);
    assert.deepEqual(ruleIds({ claimModel: false }), []);
    assert.deepEqual(ruleIds({ severityOverrides: { 'memo/calls-on': 'off' } }), []);
    assert.deepEqual(ruleIds({ severityOverrides: { 'memo/likely-calls-on': 'error' } }), ['memo/likely-calls-on']);
  });
});

describe('claim-model rules in packs', () => {
  const pack = (rule: string): string =>
    `pack: house\nrules:\n  - id: house/x\n    category: access\n    severity: warning\n    message: M.\n    reason: R.\n${rule}    examples:\n      good: [Fine.]\n`;

  it('load without patterns, and run beside a pattern rule of their category', () => {
    const text =
      pack('    claim-model: calls-on\n') +
      '  - id: house/calls\n    category: access\n    severity: error\n    message: M.\n    reason: R.\n    patterns: ["invoke"]\n    examples:\n      good: [Fine.]\n';
    const loaded = loadPack({ file: 'house.termguard.yaml', text });
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.pack!.rules[0]!.info.claimModel, 'calls-on');
    const engine = createEngine([{ file: 'house.termguard.yaml', text }]);
    assert.deepEqual(
      engine.check(MODEL_ONLY, 'markdown').findings.map((finding) => finding.ruleId),
      ['house/x'],
    );
  });

  it('refuse patterns, and a rule with neither patterns nor a claim model, with a message naming the key', () => {
    const both = loadPack({ file: 'p.yaml', text: pack('    claim-model: access\n    patterns: ["x"]\n') });
    assert.equal(both.pack!.rules.length, 0);
    assert.match(both.problems[0]!.message, /reports the claim model's findings, so it takes no `patterns`/);
    const neither = loadPack({ file: 'p.yaml', text: pack('') });
    assert.equal(neither.pack, undefined);
    assert.match(neither.problems.map((problem) => problem.message).join('\n'), /missing the required key `patterns`/);
    const unknown = loadPack({ file: 'p.yaml', text: pack('    claim-model: naming\n') });
    assert.match(unknown.problems.map((problem) => problem.message).join('\n'), /must be one of: access, calls-on, availability/);
  });
});

describe('termguard check and the claim model', () => {
  const files = { 'doc.md': `# Notes\n\n${MODEL_ONLY}\n` };

  async function check(
    tree: Record<string, string>,
  ): Promise<{ code: number; report: { diagnostics: { ruleId: string; evidence?: string[] }[] }[]; err: string }> {
    const io = memoryIO(tempTree(tree));
    const code = await main(['check', '--format', 'json', 'doc.md'], io);
    return { code, report: JSON.parse(io.out()) as { diagnostics: { ruleId: string; evidence?: string[] }[] }[], err: io.err() };
  }

  it('prints the finding with its evidence in JSON', async () => {
    const { report } = await check(files);
    const diagnostics = report[0]!.diagnostics;
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.ruleId),
      ['memo/likely-calls-on'],
    );
    assert.ok(Array.isArray(diagnostics[0]!.evidence) && diagnostics[0]!.evidence.length > 0);
  });

  it('reports nothing of the model under `claim-model: false` in .termguard.yaml', async () => {
    const { code, report, err } = await check({ ...files, '.termguard.yaml': 'claim-model: false\n' });
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.deepEqual(report[0]!.diagnostics, []);
  });

  it('explains a claim-model rule', async () => {
    const io = memoryIO(tempTree());
    assert.equal(await main(['explain', 'memo/likely-access'], io), 0);
    assert.match(io.out(), /Found by the built-in claim model, not by patterns/);
  });
});

describe('the shipped claim model artifact', () => {
  it('is exactly what tools/train-claim-model.ts produces from the current sentences and code', { timeout: 180_000 }, () => {
    const shipped = readFileSync(ARTIFACT, 'utf8');
    const recorded = JSON.parse(shipped) as { lambdas: number[]; thresholds: number[]; inputsDigest: string };
    // The cross-validation that chose the thresholds takes a minute; the final training alone is quick.
    const retrained = trainFinal(recorded.lambdas, recorded.thresholds);
    const advice = 'run `node --import tsx tools/train-claim-model.ts` and commit the artifact';
    assert.equal(
      recorded.inputsDigest,
      retrained.digest,
      `the training sentences or the model code changed since the artifact was written: ${advice}`,
    );
    assert.ok(shipped === retrained.text, `the artifact differs from what training gives: ${advice}`);
    // Trained on 48 sets the artifact is 1.2 MB and loads with its first verdict in under 50 ms
    // (tools/measure-claim-model.ts); the bound keeps growth a decision, not an accident.
    assert.ok(Buffer.byteLength(shipped) < 1.25 * 1024 * 1024, 'the artifact stays under 1.25 MB');
  });

  it('is imported by the engine from its JSON, as a browser bundle would', () => {
    const source = readFileSync(join(__dirname, '../../server/src/engine/claims/claimReader.ts'), 'utf8');
    assert.match(source, /import claimModelData from '\.\/claimModel\.generated\.json';/);
  });
});
