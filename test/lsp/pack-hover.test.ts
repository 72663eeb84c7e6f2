/**
 * Hovers in rule packs and configs over a real LSP connection: word sets
 * list their members, rule ids show the rule.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/engine/index';
import { ruleSummary } from '../../server/src/engine/rules/ruleText';
import { builtinEngine } from '../helpers/builtinEngine';
import { serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

const MANY = Array.from({ length: 60 }, (_, index) => `word${index}`);

const HOUSE = `pack: house
sets:
  vendor: [Acme, "Acme Corp"]
  weak-verb: [utilize, leverage]
  many: [${MANY.join(', ')}]
rules:
  - id: house/weak-verbs
    category: style
    severity: warning
    message: "Prefer a plain verb to {match}."
    reason: Plain verbs are easier to read.
    patterns:
      - "{@weak-verb} @many"
      - "partner with @openai-model"
    conditions:
      sentence-mentions:
        - vendor
    fixes:
      - replace: use
    examples:
      bad: ["We utilized the cache."]
      good: ["We used the cache."]
glossary:
  - id: acme
    term: Acme
    forms: [Acme]
    definition: A reseller.
`;

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

function unescape(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]<>#|()])/g, '$1');
}

describe('lsp pack hover', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  const packUri = (): string => workspace.uri('house.termguard.yaml');
  serverForSuite(async (server) => {
    ({ client, workspace } = server);
    await client.open(packUri(), HOUSE, 'termguard-pack');
  });

  it('lists the members of a set referenced in a pattern, with the reference as range', async () => {
    const offset = HOUSE.indexOf('@weak-verb}') + 3;
    const hover = await client.hover(packUri(), offset);
    const markdown = markdownOf(hover);
    assert.ok(markdown.startsWith('**@weak-verb** · word set of house · 2 members'), markdown);
    assert.deepEqual(
      markdown.split('\n').filter((line) => line.startsWith('- ')),
      ['- `utilize`', '- `leverage`'],
    );
    const lines = new LineIndex(HOUSE);
    const start = HOUSE.indexOf('@weak-verb}');
    assert.deepEqual(hover!.range, { start: lines.positionAt(start), end: lines.positionAt(start + '@weak-verb'.length) });
  });

  it('truncates long sets after 50 members', async () => {
    const markdown = markdownOf(await client.hover(packUri(), HOUSE.indexOf('@many') + 1));
    const items = markdown.split('\n').filter((line) => line.startsWith('- '));
    assert.equal(items.length, 51);
    assert.equal(items[49], '- `word49`');
    assert.equal(items[50], '- … and 10 more');
  });

  it('describes sets at their definition and in conditions too', async () => {
    assert.match(
      markdownOf(await client.hover(packUri(), HOUSE.indexOf('vendor:') + 2)),
      /^\*\*@vendor\*\* · word set of house · 2 members\n\n- `Acme`\n- `Acme Corp`$/,
    );
    assert.match(markdownOf(await client.hover(packUri(), HOUSE.indexOf('- vendor') + 4)), /^\*\*@vendor\*\*/);
  });

  it('says when a set of another pack cannot be used in this one', async () => {
    const markdown = markdownOf(await client.hover(packUri(), HOUSE.indexOf('@openai-model') + 2));
    assert.match(markdown, /^\*\*@openai-model\*\* · word set of memo/);
    assert.match(markdown, /patterns of this pack cannot refer to it/);
  });

  it('shows message, reason and severity on a rule id', async () => {
    const offset = HOUSE.indexOf('house/weak-verbs') + 4;
    const markdown = unescape(markdownOf(await client.hover(packUri(), offset)));
    assert.equal(markdown, '**house/weak-verbs** · warning · style\n\nPrefer a plain verb to ….\n\n*Why:* Plain verbs are easier to read.');
  });

  it('shows the rule on a key of a config’s rules, for built-in and listed packs', async () => {
    // A rule whose pattern names an unknown set does not load; this one must.
    workspace.write('packs/house.termguard.yaml', HOUSE.replace('      - "partner with @openai-model"\n', ''));
    const uri = workspace.uri('.termguard.yaml');
    const text = 'packs: [packs/house.termguard.yaml]\nrules:\n  memo/enables-access: off\n  house/weak-verbs: error\n';
    await client.open(uri, text, 'termguard-pack');
    const rule = builtinEngine().rule('memo/enables-access')!;
    const builtin = unescape(markdownOf(await client.hover(uri, text.indexOf('memo/enables-access') + 5)));
    assert.ok(builtin.startsWith(`**memo/enables-access** · ${rule.severity} · ${rule.category}\n\n${ruleSummary(rule)}`), builtin);
    assert.ok(builtin.includes(`*Why:* ${rule.reason}`));
    const listed = unescape(markdownOf(await client.hover(uri, text.indexOf('house/weak-verbs') + 1)));
    assert.match(listed, /^\*\*house\/weak-verbs\*\* · warning · style/);
    assert.equal(await client.hover(uri, text.indexOf(': off') + 3), null, 'nothing on the value');
  });

  it('answers null elsewhere: glossary ids, messages, blank lines', async () => {
    assert.equal(await client.hover(packUri(), HOUSE.indexOf('id: acme') + 5), null);
    assert.equal(await client.hover(packUri(), HOUSE.indexOf('Plain verbs')), null);
    assert.equal(await client.hover(packUri(), HOUSE.indexOf('pack: house') + 2), null);
  });
});
