/**
 * The settings the extension contributes (package.json `contributes`), as
 * the Settings editor shows them: Markdown descriptions (plain descriptions
 * would show backticks literally), keys whose derived titles read as words
 * ("Check Delay"), units named where a title does not, and a fixed order.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_LANGUAGE_IDS } from '../../server/src/protocol/protocol';

interface SettingSchema {
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly enum?: readonly string[];
  readonly enumDescriptions?: readonly string[];
  readonly markdownEnumDescriptions?: readonly string[];
  readonly order?: number;
  readonly default?: unknown;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { title: string; properties: Record<string, SettingSchema> } };
};
const settings = manifest.contributes.configuration.properties;

describe('the contributed settings', () => {
  it('are described in Markdown, never in plain descriptions with backticks', () => {
    for (const [key, setting] of Object.entries(settings)) {
      assert.equal(setting.description, undefined, `${key} has a plain description`);
      assert.ok(setting.markdownDescription && setting.markdownDescription.length > 0, `${key} has no markdownDescription`);
      assert.match(setting.markdownDescription, /^[A-Z*]/, `${key} starts with a capital`);
    }
  });

  it('have keys whose derived titles read as words ("Check Delay", not "Debounce Ms")', () => {
    // The Settings editor's title: the key after `termguard.`, camel case split into capitalised words.
    const title = (key: string): string =>
      key
        .slice('termguard.'.length)
        .split('.')
        .map((part) => part.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase()))
        .join(' › ');
    const titles = Object.keys(settings).map(title);
    assert.ok(titles.includes('Check Delay'), titles.join(', '));
    for (const each of titles) assert.doesNotMatch(each, /\b(Ms|Debounce)\b/, each);
  });

  it('name the unit of a number whose title does not', () => {
    assert.match(settings['termguard.checkDelay']!.markdownDescription!, /^Milliseconds to wait after an edit/);
    assert.match(settings['termguard.maxFileSizeKB']!.markdownDescription!, /^\*\*Largest file checked \(kilobytes\)\.\*\*/);
  });

  it('describe every choice of an enumeration, and come in a fixed order', () => {
    for (const [key, setting] of Object.entries(settings)) {
      if (setting.enum)
        assert.equal((setting.markdownEnumDescriptions ?? setting.enumDescriptions)?.length, setting.enum.length, `${key}'s choices`);
      assert.equal(typeof setting.order, 'number', `${key} has an order`);
    }
    const orders = Object.values(settings).map((setting) => setting.order);
    assert.equal(new Set(orders).size, orders.length, 'no two settings share a place');
  });

  it('default termguard.languages to the list the client and the server share', () => {
    assert.deepEqual(settings['termguard.languages']!.default, DEFAULT_LANGUAGE_IDS);
  });
});
