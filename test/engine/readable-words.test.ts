import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/engine/index';
import { DISGUISE_NOTE } from '../../server/src/engine/rules/ruleSet';
import { scanPlainTextBlocks } from '../../server/src/engine/prose/plaintext/plainTextReader';
import { tokenizeUnit } from '../../server/src/engine/text/tokenize';
import { WordFilter } from '../../server/src/engine/text/wordFilter';
import { builtinEngine } from '../helpers/builtinEngine';

/** The sentences of a text, as lists of token texts. */
function sentencesOf(text: string): string[][] {
  const sentences: string[][] = [];
  tokenizeUnit(text, { segments: [{ start: 0, end: text.length }] }, (sentence) =>
    sentences.push(sentence.tokens.map((token) => token.text)),
  );
  return sentences;
}

/** Each finding as `ruleId: the source text it covers`. */
function findings(text: string): string[] {
  return builtinEngine()
    .check(text, 'markdown')
    .findings.map((finding) => `${finding.ruleId}: ${text.slice(finding.range.start, finding.range.end)}`);
}

describe('a full stop glued to the next word', () => {
  it('ends the sentence before a capitalised word or, after a letter, a number', () => {
    assert.deepEqual(sentencesOf('It runs on AWS.Thanks for asking'), [
      ['It', 'runs', 'on', 'AWS'],
      ['Thanks', 'for', 'asking'],
    ]);
    assert.deepEqual(sentencesOf('We call ChatGPT.1 more thing'), [
      ['We', 'call', 'ChatGPT'],
      ['1', 'more', 'thing'],
    ]);
    assert.deepEqual(findings('GPT-5 runs on AWS.Thanks to the team'), ['memo/availability-claim: GPT-5 runs on AWS']);
    assert.deepEqual(findings('SRE enables access to ChatGPT.1 more'), ['memo/enables-access: enables access to']);
  });

  it('keeps versions, abbreviations, initials, file names and dotted names whole', () => {
    const text = 'Use gpt-4.1, v1.2, e.g.The, U.S.Army, Fig.1, Mr.Smith, node.js, README.md, ASP.NET and Python3.11 today';
    assert.deepEqual(sentencesOf(text), [
      [
        'Use',
        'gpt-4.1',
        'v1.2',
        'e.g.The',
        'U.S.Army',
        'Fig.1',
        'Mr.Smith',
        'node.js',
        'README.md',
        'ASP.NET',
        'and',
        'Python3.11',
        'today',
      ],
    ]);
  });
});

describe('words written so as not to be found', () => {
  const hidden: [string, string][] = [
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner', '\u200c'],
    ['zero-width joiner', '\u200d'],
    ['word joiner', '\u2060'],
    ['zero-width no-break space', '\ufeff'],
    ['soft hyphen', '\u00ad'],
    ['variation selector', '\ufe0f'],
    ['tag character', '\u{e0041}'],
  ];
  for (const [name, character] of hidden) {
    it(`reads a word with a ${name} inside as the word, underlining it all`, () => {
      const text = `SRE en${character}ables access to ChatGPT.`;
      const found = builtinEngine().check(text, 'markdown').findings;
      assert.deepEqual(
        found.map((finding) => finding.ruleId),
        ['memo/enables-access'],
      );
      assert.equal(text.slice(found[0]!.range.start, found[0]!.range.end), `en${character}ables access to`);
      assert.ok(found[0]!.message.endsWith(DISGUISE_NOTE), found[0]!.message);
    });
  }

  it('reads fullwidth letters and Cyrillic or Greek look-alikes as Latin letters', () => {
    assert.deepEqual(findings('GPT-5 runs on \uff21\uff37\uff33.'), ['memo/availability-claim: GPT-5 runs on \uff21\uff37\uff33']);
    assert.deepEqual(findings('GPT-5 runs on \u0410WS.'), ['memo/availability-claim: GPT-5 runs on \u0410WS']);
    assert.deepEqual(findings('SRE is powered by \u039fpen-AI.'), ['names/openai: \u039fpen-AI']);
    assert.deepEqual(findings('SRE en\u0430bles access to ChatGPT.'), ['memo/enables-access: en\u0430bles access to']);
  });

  it('says so in the message only when such characters are in the matched words', () => {
    const [disguised] = builtinEngine().check('GPT-5 runs on \u0410WS.', 'markdown').findings;
    assert.ok(disguised!.message.endsWith(DISGUISE_NOTE));
    const [plain] = builtinEngine().check('GPT-5 runs on AWS, caf\u00e9 and na\u00efve \u201cquotes\u201d.', 'markdown').findings;
    assert.ok(!plain!.message.includes(DISGUISE_NOTE), plain!.message);
  });

  it('replaces the disguised word whole when a fix is applied', () => {
    const text = 'SRE en\u200bables access to \u0421hatGPT.';
    const finding = builtinEngine()
      .check(text, 'markdown')
      .findings.find((candidate) => candidate.ruleId === 'memo/enables-access')!;
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), 'SRE integrates with \u0421hatGPT.');
  });

  it('reads a Markdown word split by an entity of an invisible character or by <wbr> as one word', () => {
    for (const text of [
      'SRE en&shy;ables access to ChatGPT.',
      'SRE en&#x200B;ables access to ChatGPT.',
      'SRE enables access to Chat<wbr>GPT.',
    ]) {
      assert.deepEqual(
        builtinEngine()
          .check(text, 'markdown')
          .findings.map((finding) => finding.ruleId),
        ['memo/enables-access'],
        text,
      );
    }
  });

  it('leaves words of other scripts alone', () => {
    assert.deepEqual(sentencesOf('\u0432\u0445\u043e\u0434 \u0438 \u0432\u044b\u0445\u043e\u0434 caf\u00e9'), [
      ['\u0432\u0445\u043e\u0434', '\u0438', '\u0432\u044b\u0445\u043e\u0434', 'caf\u00e9'],
    ]);
  });

  it('finds the same rules at the same words, whatever invisible characters are slipped into them', () => {
    const sentences = [
      'SRE enables access to ChatGPT.',
      'GPT-5 runs on AWS.',
      'The planner calls on ChatGPT to plan.',
      'SRE is powered by Open-AI.',
    ];
    const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\ufe0f');
    fc.assert(
      fc.property(fc.constantFrom(...sentences), fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 6 }), (sentence, insertions) => {
        // Insert only between two letters, where a reader still sees one word.
        let text = sentence;
        for (const [at, character] of insertions) {
          const letters = [...text.matchAll(/[a-z](?=[a-z])/gi)].map((match) => match.index + 1);
          if (letters.length === 0) continue;
          const index = letters[at % letters.length]!;
          text = text.slice(0, index) + character + text.slice(index);
        }
        // eslint-disable-next-line no-misleading-character-class
        const visible = (found: string[]): string[] => found.map((line) => line.replace(/[\u200b-\u200d\u2060\ufeff\u00ad\ufe0f]/g, ''));
        assert.deepEqual(visible(findings(text)), findings(sentence));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the unit filter, before any tokenizing', () => {
  const wanted = ['access', 'chatgpt', 'aws', 'openai', 'thanks', 'gpt-4o'];
  const filters = [
    ['native expression', new WordFilter(wanted)],
    // Past 2,000 words the filter hashes instead of using one expression.
    ['hashes', new WordFilter([...wanted, ...Array.from({ length: 3000 }, (_, i) => `filler${i}`)])],
  ] as const;
  const word = fc.constantFrom(...wanted, 'Thanks', 'AWS', 'ChatGPT', 'GPT-4o', 'laws', 'chat', 'the', 'U', 'S', 'e', 'g', 'v1', '4');
  const disguise = fc.constantFrom(
    (text: string) => text,
    (text: string) => (text.length > 1 ? `${text[0]}\u200b${text.slice(1)}` : text),
    (text: string) => text.replace(/a/, '\u0430').replace(/A/, '\u0410'),
    (text: string) => text.replace(/[A-Za-z]/, (letter) => String.fromCharCode(letter.charCodeAt(0) + 0xfee0)),
    (text: string) => `${text}\u00ad`,
  );
  const separator = fc.constantFrom(' ', '.', '. ', ', ', '-', "'", '\u200d');
  const unitText = fc
    .array(fc.tuple(word, disguise, separator), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.map(([w, d, sep]) => d(w) + sep).join(''));

  for (const [name, filter] of filters) {
    it(`(${name}) never turns away a unit in which the tokenizer reads one of its words`, () => {
      fc.assert(
        fc.property(unitText, (text) => {
          for (const block of scanPlainTextBlocks(text)) {
            for (const unit of block.units) {
              const words: string[] = [];
              tokenizeUnit(text, unit, (sentence) => words.push(...sentence.tokens.map((token) => token.lower)));
              if (words.some((found) => wanted.includes(found))) assert.ok(filter.mayContain(text, unit), JSON.stringify({ text, words }));
            }
          }
        }),
        { numRuns: 2000, examples: [['on AWS.Thanks'], ['ask ChatGPT.1 more'], ['the Open\u00adAI docs']] },
      );
    });
  }
});
