/**
 * The unit filter may let a unit through wrongly (it is then tokenized for
 * nothing) but must never turn away a unit in which the tokenizer finds one
 * of its words: that would lose a finding. Both of its ways are held to
 * that, the native expression (small word sets) and the hashes (large ones),
 * on generated units full of case, apostrophe, hyphen and markup variants.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanMarkdownBlocks } from '../../server/src/engine/prose/markdown/markdownReader';
import { scanPlainTextBlocks } from '../../server/src/engine/prose/plaintext/plainTextReader';
import type { ProseUnit } from '../../server/src/engine/prose/prose';
import { tokenizeUnit } from '../../server/src/engine/text/tokenize';
import { WordFilter } from '../../server/src/engine/text/wordFilter';
import { seededRandom } from '../helpers/seededRandom';

const WANTED = ['access', 'chatgpt', 'gpt-4o', 'aws', 'openai', "don't", 'kelvin', 'bedrock', 'o3'];
const OTHER = ['laws', 'accessible', 'chat', 'gpt', 'open', 'the', 'agent', 'runs', 'on', 'data', 'o', '3', 'kel', 'vin'];
const SEPARATORS = [
  ' ',
  '  ',
  ', ',
  '. ',
  '\n',
  ' (',
  ') ',
  ' "',
  '" ',
  '-',
  "'",
  '’',
  '_',
  '/',
  ' **',
  '** ',
  '*',
  '`',
  '[',
  '](https://example.com/aws) ',
  '\n> ',
  '\n- ',
  ' | ',
];

/** A word in a random written form: case, a Kelvin sign for k, a typographic apostrophe, emphasis inside or around it. */
function variant(word: string, next: () => number): string {
  let written = next() < 0.3 ? word.toUpperCase() : next() < 0.5 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  if (next() < 0.2) written = written.replace(/k/gi, '\u212a');
  if (next() < 0.5) written = written.replace(/'/g, '’');
  if (next() < 0.15 && written.length > 3) written = `${written.slice(0, 2)}**${written.slice(2)}**`;
  else if (next() < 0.15) written = `_${written}_`;
  return written;
}

function units(text: string, kind: 'markdown' | 'plaintext'): ProseUnit[] {
  const found: ProseUnit[] = [];
  for (const block of (kind === 'markdown' ? scanMarkdownBlocks : scanPlainTextBlocks)(text)) found.push(...block.units);
  return found;
}

function tokenWords(text: string, unit: ProseUnit): string[] {
  const words: string[] = [];
  tokenizeUnit(text, unit, (sentence) => {
    for (const token of sentence.tokens) words.push(token.lower);
  });
  return words;
}

describe('the unit filter', () => {
  const small = new WordFilter(WANTED);
  // Past 2,000 words the filter hashes instead of using one expression.
  const large = new WordFilter([...WANTED, ...Array.from({ length: 3000 }, (_, i) => `filler${i}`)]);

  for (const [name, filter] of [
    ['native expression', small],
    ['hashes', large],
  ] as const) {
    it(`(${name}) never turns away a unit that holds one of its words`, () => {
      const next = seededRandom(name.length * 7);
      let held = 0;
      let refused = 0;
      for (let trial = 0; trial < 1500; trial++) {
        let text = '';
        const count = 1 + Math.floor(next() * 12);
        for (let i = 0; i < count; i++) {
          const pool = next() < 0.25 ? WANTED : OTHER;
          text += variant(pool[Math.floor(next() * pool.length)]!, next) + SEPARATORS[Math.floor(next() * SEPARATORS.length)]!;
        }
        for (const kind of ['markdown', 'plaintext'] as const) {
          for (const unit of units(text, kind)) {
            const holds = tokenWords(text, unit).some((word) => WANTED.includes(word));
            const passes = filter.mayContain(text, unit);
            if (holds) {
              held++;
              assert.ok(
                passes,
                `${kind} unit ${JSON.stringify(text.slice(unit.segments[0]!.start, unit.segments.at(-1)!.end))} holds a wanted word`,
              );
            } else if (!passes) {
              refused++;
            }
          }
        }
      }
      assert.ok(held > 500, `enough units held a word (${held})`);
      assert.ok(refused > 500, `and enough did not, and were turned away (${refused})`);
    });
  }

  it('reads a unit with the native expression when it can, and with the hashes otherwise', () => {
    // Only the expression, which reads the unit's whole stretch of source, sees into a code span (harmlessly).
    const text = 'Use `aws` here.';
    const [unit] = units(text, 'markdown');
    assert.equal(small.mayContain(text, unit!), true);
    assert.equal(large.mayContain(text, unit!), false);
    // Intraword emphasis splits a word across segments: the hashes follow it there.
    const glued = 'We use ch**atgpt**.';
    const [split] = units(glued, 'markdown');
    assert.equal(small.mayContain(glued, split!), true);
  });

  it('turns away words that only contain a wanted word ("laws", "accessible")', () => {
    const text = 'The laws are accessible to everyone.';
    const [unit] = units(text, 'plaintext');
    assert.equal(small.mayContain(text, unit!), false);
    assert.equal(large.mayContain(text, unit!), false);
  });
});
