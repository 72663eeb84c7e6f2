/**
 * Hovers over a real LSP connection: every glossary form of the built-in
 * pack, findings, and places with neither.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { glossaryHoverMarkdown } from '../../server/src/engine/rules/ruleText';
import { LineIndex } from '../../server/src/engine/index';
import { builtinEngine } from '../helpers/builtinEngine';
import { serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

/**
 * Literal texts a glossary form matches: case markers (`^`, `=`, `~`) drop,
 * optional parts (`[...]`) and gaps (`*N`) are left out, and every
 * alternative of a choice `(a|b)` is produced.
 */
function literalsOf(form: string): string[] {
  const withoutOptional = form.replace(/\[[^\]]*\]/g, ' ').replace(/\*\d+/g, ' ');
  const choice = /\(([^()]*)\)/.exec(withoutOptional);
  if (choice) {
    return choice[1]!
      .split('|')
      .flatMap((alternative) =>
        literalsOf(withoutOptional.slice(0, choice.index) + alternative + withoutOptional.slice(choice.index + choice[0].length)),
      );
  }
  return [
    withoutOptional
      .replace(/(^|\s)[\^=~]/g, '$1')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
}

/** Markdown without backslash escapes, to compare with pack text. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]<>#|()])/g, '$1');
}

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('lsp hover', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server));

  it('shows the glossary entry for every form of every built-in glossary entry', async () => {
    const engine = builtinEngine();
    const cases: { entryId: string; literal: string; offset: number }[] = [];
    let text = '# Glossary check\n\n';
    for (const entry of engine.glossary()) {
      for (const form of entry.forms) {
        for (const literal of literalsOf(form)) {
          const sentence = `Yesterday the notes mentioned ${literal} twice.`;
          cases.push({ entryId: entry.id, literal, offset: text.length + sentence.indexOf(literal) + Math.floor(literal.length / 2) });
          text += `${sentence}\n\n`;
        }
      }
    }
    assert.ok(cases.length >= 50, `the built-in glossary has many forms (${cases.length})`);
    const uri = workspace.uri('glossary.md');
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, 1);
    const lines = new LineIndex(text);
    for (const { entryId, literal, offset } of cases) {
      const occurrence = engine.termAt(text, 'markdown', offset);
      assert.ok(occurrence, `the engine finds a term in "${literal}"`);
      assert.equal(occurrence.entry.id, entryId, `"${literal}" belongs to ${entryId}`);
      const hover = await client.hover(uri, offset);
      const markdown = markdownOf(hover);
      const entry = occurrence.entry;
      assert.equal(markdown, glossaryHoverMarkdown(entry), `hover for "${literal}" is the entry's glossary hover`);
      assert.ok(unescape(markdown).startsWith(`**${entry.term}**: `), `hover for "${literal}" starts with the term and its definition`);
      assert.deepEqual(hover!.range, { start: lines.positionAt(occurrence.range.start), end: lines.positionAt(occurrence.range.end) });
    }
  });

  it('renders an entry as definition, guidance, the facts that fit and a link to the full entry', async () => {
    const uri = workspace.uri('sre.md');
    const text = 'Our SRE keeps memory between tasks.\n';
    await client.open(uri, text);
    const markdown = unescape(markdownOf(await client.hover(uri, text.indexOf('SRE') + 1)));
    const entry = builtinEngine()
      .glossary()
      .find((candidate) => candidate.id === 'sre')!;
    const blocks = markdown.split('\n\n');
    assert.equal(
      blocks[0],
      '**Stateful Runtime Environment (SRE)**: The runtime that Amazon and OpenAI built together so that AI agents can keep memory and context from one task to the next.',
    );
    assert.equal(blocks[1], `*Guidance:* ${entry.guidance}`);
    for (const fact of blocks.slice(2, -1).flatMap((block) => block.split('\n'))) {
      assert.ok(entry.facts.map((text) => `- ${text}`).includes(fact), `a fact of the entry: ${fact}`);
    }
    assert.equal(blocks.at(-1), '[Full entry](https://github.com/termguard/termguard/blob/main/docs/rules.md#term-sre)');
  });

  it('shows what the message lacks on a finding (reason, alternatives, link), not the message or rule id, with the finding as range', async () => {
    const uri = workspace.uri('finding.md');
    const text = 'Intro line.\n\nThe SRE enables access to ChatGPT for every support agent.\n';
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, 1);
    const diagnostic = published.diagnostics.find((candidate) => candidate.code === 'memo/enables-access')!;
    const hover = await client.hover(uri, text.indexOf('access'));
    const markdown = markdownOf(hover);
    const rule = builtinEngine().rule('memo/enables-access')!;
    assert.ok(!markdown.includes(String(diagnostic.message)), 'the message is not repeated under the diagnostic');
    assert.ok(!markdown.includes('memo/enables-access'), 'nor the rule id');
    assert.ok(!markdown.includes('enables access to ChatGPT'), 'nor the matched words');
    assert.ok(markdown.includes(rule.reason.slice(0, 30)), 'the reason');
    for (const alternative of rule.alternatives) assert.ok(markdown.includes(`“${alternative}”`), `alternative ${alternative}`);
    assert.ok(
      markdown.endsWith('(https://github.com/termguard/termguard/blob/main/docs/rules.md#memo-enables-access)'),
      'links the rule documentation',
    );
    assert.deepEqual(hover!.range, diagnostic.range);
  });

  it('answers null where there is neither a finding nor a term, and for unknown documents', async () => {
    const uri = workspace.uri('plain.md');
    const text = 'Nothing to see in this sentence.\n';
    await client.open(uri, text);
    assert.equal(await client.hover(uri, 3), null);
    assert.equal(
      await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: workspace.uri('nope.md') },
        position: { line: 0, character: 0 },
      }),
      null,
    );
  });

  it('hovers the current version right after an edit (the pending check runs first)', async () => {
    const uri = workspace.uri('edit.md');
    await client.changeSettings({ debounceMs: 2000 });
    await client.open(uri, 'Nothing here.\n');
    const version = await client.replace(uri, 0, 0, 'Agents call on ChatGPT. ');
    const hover = await client.hover(uri, 10);
    assert.ok(markdownOf(hover).includes('calls'), 'the new finding is hovered without waiting for the debounce');
    assert.equal(client.lastDiagnostics(uri)?.version, version, 'and its diagnostics were published on the way');
    await client.changeSettings({ debounceMs: 0 });
  });
});
