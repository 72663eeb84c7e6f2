/**
 * The rule runner's shortcuts must not change what is found: a sentence is
 * scanned only with the patterns whose required words it contains, and
 * which word sets a sentence contains is worked out once per sentence.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createEngine } from '../../server/src/engine/index';
import { loadPack } from '../../server/src/engine/packs/loadPack';
import { meaningClassMembers } from '../../server/src/engine/meaning/meaningClasses';
import { parsePattern } from '../../server/src/engine/patterns/parsePattern';
import { pickTrigger, requiredWords } from '../../server/src/engine/patterns/requiredWords';
import { TAG_OPENAI_NAME } from '../../server/src/engine/reading/tags';
import { scanProgram } from '../../server/src/engine/patterns/runProgram';
import { tagSentence } from '../../server/src/engine/reading/sentenceReading';
import { tokenizeUnit, type Token } from '../../server/src/engine/text/tokenize';
import { readLabelledSentences } from '../helpers/builtinEngine';

const fixtures = join(__dirname, '../fixtures');

function sentencesOf(text: string): Token[][] {
  const sentences: Token[][] = [];
  let previous: readonly Token[] | undefined;
  tokenizeUnit(text, { segments: [{ start: 0, end: text.length }] }, (sentence) => {
    const tagged = tagSentence(sentence.tokens, previous);
    sentences.push([...tagged]);
    previous = tagged;
  });
  return sentences;
}

describe('a sentence is scanned only with the patterns it has the words for', () => {
  it('finds exactly what the whole group finds, with a fraction of the program', () => {
    const pack = loadPack({
      file: 'memo.termguard.yaml',
      text: readFileSync(join(__dirname, '../../packs/memo.termguard.yaml'), 'utf8'),
    }).pack!;
    const texts = [
      'heldout-sentences.jsonl',
      'fragments-chat-idioms-sentences.jsonl',
      'indirect-availability-naming-sentences.jsonl',
      'chat-nonnative-sentences.jsonl',
    ].flatMap((name) => readLabelledSentences(join(fixtures, name)).map((sentence) => sentence.text));
    let wholeSize = 0;
    let scannedSize = 0;
    for (const text of texts) {
      for (const tokens of sentencesOf(text)) {
        const words = new Set(tokens.flatMap((token) => (token.tag === undefined ? [token.lower] : [token.lower, token.tag])));
        for (const rule of pack.rules) {
          for (const group of rule.scanGroups) {
            const able = group.requirements.flatMap((required, index) =>
              required.every((keys) => [...words].some((word) => keys.has(word))) ? [index] : [],
            );
            if (able.length === 0) continue;
            const subset = group.programFor(able);
            assert.deepEqual(
              scanProgram(subset, tokens, undefined),
              scanProgram(group.program, tokens, undefined),
              `${rule.info.id}: ${text}`,
            );
            wholeSize += group.program.instructions.length;
            scannedSize += subset.instructions.length;
          }
        }
      }
    }
    assert.ok(scannedSize * 2 < wholeSize, `scanned ${scannedSize} instructions where the whole groups have ${wholeSize}`);
  });
});

describe('required word sets', () => {
  const packWith = (members: string[]): string =>
    `pack: t\nsets:\n  name: ${JSON.stringify(members)}\nrules:\n  - id: t/rule\n    category: test\n    severity: error\n    message: "found {match}"\n    reason: test\n    patterns: ["{call} *2 @name =today", "{phone} @name"]\n    examples: { bad: [], good: [] }\n`;
  for (const [size, label] of [
    [10, 'a small set, indexed word by word'],
    [1000, 'a large set, tested against the sentence'],
  ] as const) {
    it(`${label}: a pattern runs only when the sentence holds a member`, () => {
      const members = Array.from({ length: size }, (_, i) => `member${i}`);
      const engine = createEngine([{ file: 't.termguard.yaml', text: packWith(members) }]);
      const found = (text: string): number => engine.check(text, 'plaintext').findings.length;
      assert.equal(found(`We call ${members[size - 1]} today.`), 1);
      assert.equal(found(`We call them today. We phone ${members[0]}.`), 1);
      assert.equal(found('We call nobody today.'), 0);
    });
  }
});

describe('the trigger a pattern is indexed by', () => {
  it('is a set of names (one holding a reader tag) rather than a shorter list of ordinary nouns', () => {
    // "{request} a @model-output from @openai-product": the name, not "summary" or "answer", should wake the pattern up.
    const outputs = new Set(['summary', 'summaries', 'answer', 'answers', 'response', 'responses']);
    const names = new Set([TAG_OPENAI_NAME, 'chatgpt', 'gpt-5', 'gpt-4o', 'o3', 'openai', 'open', 'whisper', 'sora']);
    assert.equal(pickTrigger([outputs, names]), names);
    assert.equal(pickTrigger([new Set(['the', 'a']), outputs]), outputs);
  });
});

describe('a class of thousands of words', () => {
  it('is one node of many keys, and too large to be a required set', () => {
    const people = meaningClassMembers('person')!;
    assert.equal(people.length, 1);
    assert.equal(people[0]!.type, 'words');
    const required = requiredWords(parsePattern('give %person %openai-name'), (name) =>
      name.startsWith('%') ? meaningClassMembers(name.slice(1)) : undefined,
    );
    // "give" and the name are required; the people are not worth a requirement (any sentence may hold one).
    assert.equal(required.length, 2);
    assert.ok(required.every((keys) => keys.size < 1000));
  });
});
