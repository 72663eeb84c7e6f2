/** The tokenizer marks words inside quotation marks, and never takes an apostrophe for one. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanPlainTextBlocks } from '../../server/src/engine/prose/plaintext/plainTextReader';
import { tokenizeUnit, type Token } from '../../server/src/engine/text/tokenize';

function quotedWords(text: string): string[] {
  const tokens: Token[] = [];
  for (const block of scanPlainTextBlocks(text, 0))
    for (const unit of block.units) tokenizeUnit(text, unit, (sentence) => tokens.push(...sentence.tokens));
  return tokens.filter((token) => token.quoted === true).map((token) => token.text);
}

describe('quotation marks', () => {
  it('straight and curly double quotes', () => {
    assert.deepEqual(quotedWords('Avoid "calls on" and “enables access” here.'), ['calls', 'on', 'enables', 'access']);
  });
  it('single quotes open before a word and close after one', () => {
    assert.deepEqual(quotedWords("Never write 'calls on GPT-5' again."), ['calls', 'on', 'GPT-5']);
    assert.deepEqual(quotedWords('Use ‘integrates with’ instead.'), ['integrates', 'with']);
  });
  it('apostrophes are not quotation marks', () => {
    assert.deepEqual(quotedWords("Don't touch the users' data; it's OpenAI's model."), []);
  });
  it('a quotation may hold several sentences', () => {
    assert.deepEqual(quotedWords('She said: "It works. Really." Then left.'), ['It', 'works', 'Really']);
  });
});
