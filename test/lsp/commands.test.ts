/**
 * `workspace/executeCommand` over a real LSP connection.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GlossaryEntry, RuleInfo } from '../../server/src/engine/api';
import type { RuleExplanation, WorkspaceCheckResult } from '../../server/src/lsp/commands';
import { builtinEngine } from '../helpers/builtinEngine';
import { TempWorkspace, TestClient } from '../helpers/lspTestClient';

describe('lsp commands', () => {
  it('termguard.checkWorkspace checks every file, publishes for files not open and returns per-file results', async () => {
    const ws = new TempWorkspace();
    ws.write('a.md', 'The SRE enables access to ChatGPT.\n');
    ws.write('notes/b.txt', 'Agents call on ChatGPT.\n');
    ws.write('clean.md', 'Nothing to report.\n');
    ws.write('open.md', 'On disk: agents call on ChatGPT.\n');
    ws.write('ignored/c.md', 'The SRE enables access to ChatGPT.\n');
    ws.write('.gitignore', 'ignored/\n');
    ws.write('image.png', 'not checked\n');
    const client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    try {
      const open = ws.uri('open.md');
      await client.open(open, 'In the editor: the SRE enables access to ChatGPT.\n\nWe use Chat GPT.\n');
      await client.waitForDiagnostics(open, 1);
      const result = await client.executeCommand<WorkspaceCheckResult>('termguard.checkWorkspace');
      assert.equal(result.cancelled, false);
      const byName = new Map(result.files.map((file) => [file.uri.slice(ws.uri('').length + 1), file]));
      assert.deepEqual([...byName.keys()].sort(), ['a.md', 'clean.md', 'notes/b.txt', 'open.md']);
      assert.deepEqual(byName.get('a.md')!.counts, { error: 1, warning: 0, information: 0, hint: 0 });
      assert.deepEqual(
        byName.get('notes/b.txt')!.diagnostics.map((d) => d.code),
        ['memo/calls-on'],
      );
      assert.equal(byName.get('clean.md')!.diagnostics.length, 0);
      // An open document is reported as the editor has it, not as on disk.
      assert.deepEqual(
        byName.get('open.md')!.diagnostics.map((d) => d.code),
        ['memo/enables-access', 'names/chatgpt'],
      );
      const publishedA = client.lastDiagnostics(ws.uri('a.md'));
      assert.ok(publishedA, 'diagnostics were pushed for a file that is not open');
      assert.equal(publishedA.version, undefined);
      assert.deepEqual(
        publishedA.diagnostics.map((d) => d.code),
        ['memo/enables-access'],
      );
      assert.equal(client.lastDiagnostics(open)!.version, 1, 'the open document keeps its versioned diagnostics');

      const quiet = await client.executeCommand<WorkspaceCheckResult>('termguard.checkWorkspace', { publish: false });
      assert.equal(quiet.files.length, 4);
    } finally {
      client.dispose();
      ws.remove();
    }
  });

  it('termguard.explainRule, termguard.rules and termguard.glossary answer from the engine of the document or workspace', async () => {
    const ws = new TempWorkspace();
    const client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    try {
      const explanation = await client.executeCommand<RuleExplanation | null>('termguard.explainRule', 'memo/calls-on');
      assert.ok(explanation);
      const rule = builtinEngine().rule('memo/calls-on')!;
      assert.equal(explanation.rule.id, 'memo/calls-on');
      assert.equal(explanation.url, 'https://github.com/termguard/termguard/blob/main/docs/rules.md#memo-calls-on');
      assert.ok(explanation.markdown.includes(rule.message.replace(/\{match\}/g, '…')));
      assert.ok(!explanation.markdown.includes('{match}'), 'the placeholder is filled');
      assert.ok(explanation.markdown.includes(rule.reason));
      assert.equal(await client.executeCommand('termguard.explainRule', 'no/such-rule'), null);

      const rules = await client.executeCommand<RuleInfo[]>('termguard.rules');
      assert.deepEqual(
        rules.map((rule) => rule.id),
        builtinEngine()
          .rules()
          .map((rule) => rule.id),
      );

      const glossary = await client.executeCommand<GlossaryEntry[]>('termguard.glossary', ws.uri('any.md'));
      assert.deepEqual(
        glossary.map((entry) => entry.id),
        builtinEngine()
          .glossary()
          .map((entry) => entry.id),
      );
    } finally {
      client.dispose();
      ws.remove();
    }
  });
});
