/**
 * Code actions over a real LSP connection: the text after applying each
 * action's WorkspaceEdit (with an independent implementation) is compared
 * with the expected text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { applyEdits } from '../../server/src/engine/index';
import { selectFixes } from '../../server/src/engine/fixes/applyEdits';
import { builtinEngine } from '../helpers/builtinEngine';
import { applyWorkspaceEdit, serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

const TEXT = [
  '# Notes',
  '',
  'The SRE enables access to ChatGPT for every support agent.',
  '',
  '  Indented: agents call on OpenAI models. Also the router invokes ChatGPT.',
  '',
  '> Quoted: the runtime invokes ChatGPT to classify each email.',
  '',
  '- We integrate with Chat GPT and run on AWS bedrock.',
  '',
].join('\n');

describe('lsp code actions', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server));

  async function openChecked(name: string, text: string, languageId = 'markdown'): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = workspace.uri(name);
    await client.open(uri, text, languageId);
    const published = await client.waitForDiagnostics(uri, 1);
    return { uri, diagnostics: published.diagnostics };
  }

  it('offers every fix of every finding, each producing the fixed text; the preferred one is marked', async () => {
    const { uri, diagnostics } = await openChecked('fixes.md', TEXT);
    const findings = builtinEngine().check(TEXT, 'markdown').findings;
    assert.equal(diagnostics.length, findings.length);
    let checkedActions = 0;
    for (const [index, diagnostic] of diagnostics.entries()) {
      const finding = findings[index]!;
      const actions = (await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] }))!;
      const fixActions = actions.filter(
        (action) => action.kind === 'quickfix' && !action.title.startsWith('Disable') && !action.title.startsWith('Fix all'),
      );
      assert.deepEqual(
        fixActions.map((action) => action.title),
        finding.fixes.map((fix) => fix.title),
        `fix titles of ${finding.ruleId}`,
      );
      for (const [fixIndex, fix] of finding.fixes.entries()) {
        const action = fixActions[fixIndex]!;
        assert.equal(action.isPreferred === true, fix.preferred === true, `isPreferred of ${fix.title}`);
        assert.deepEqual(action.diagnostics, [diagnostic]);
        assert.equal(applyWorkspaceEdit(TEXT, uri, action.edit), applyEdits(TEXT, fix.edits), `${finding.ruleId}: ${fix.title}`);
        checkedActions++;
      }
    }
    assert.ok(checkedActions >= 8, `many fixes checked (${checkedActions})`);
    // A literal spot check of the whole round trip.
    const first = (await client.codeActions(uri, diagnostics[0]!.range, { diagnostics: [diagnostics[0]!] }))!.find(
      (action) => action.isPreferred,
    )!;
    assert.ok(applyWorkspaceEdit(TEXT, uri, first.edit).includes('The SRE integrates with ChatGPT for every support agent.'));
  });

  it('offers only fixes that fit: the preferred one keeps the markup; a finding without a safe fix keeps its disable action', async () => {
    const text = 'Our runtime *enables access* to GPT-4o.\n\nThe SRE enables *secure* access to GPT-5.\n';
    const { uri, diagnostics } = await openChecked('fitting.md', text);
    assert.equal(diagnostics.length, 2);
    const [split, unsafe] = diagnostics as [Diagnostic, Diagnostic];
    const splitActions = (await client.codeActions(uri, split.range, { diagnostics: [split] }))!;
    const preferred = splitActions.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1);
    assert.ok(applyWorkspaceEdit(text, uri, preferred[0]!.edit).startsWith('Our runtime *integrates* with GPT-4o.\n'));
    const unsafeActions = (await client.codeActions(uri, unsafe.range, { diagnostics: [unsafe] }))!;
    assert.deepEqual(
      unsafeActions.map((action) => action.title),
      ['Disable memo/enables-access for this line'],
    );
  });

  it('uses versioned document edits', async () => {
    const { uri, diagnostics } = await openChecked('versioned.md', 'The SRE enables access to ChatGPT.\n');
    const actions = (await client.codeActions(uri, diagnostics[0]!.range))!;
    const change = actions[0]!.edit!.documentChanges![0] as { textDocument: { uri: string; version: number } };
    assert.deepEqual(change.textDocument, { uri, version: 1 });
  });

  it('"Disable RULE for this line" inserts the directive above the line, keeping indentation and quote markers, and silences the finding', async () => {
    const { uri, diagnostics } = await openChecked('disable.md', TEXT);
    const expectations: Record<string, string> = {
      'memo/enables-access': TEXT.replace(
        'The SRE enables access',
        '<!-- termguard-disable-next-line memo/enables-access -->\nThe SRE enables access',
      ),
      'memo/calls-on@4': TEXT.replace('  Indented:', '  <!-- termguard-disable-next-line memo/calls-on -->\n  Indented:'),
      'memo/calls-on@6': TEXT.replace('> Quoted:', '> <!-- termguard-disable-next-line memo/calls-on -->\n> Quoted:'),
      'names/chatgpt': TEXT.replace('- We integrate', '<!-- termguard-disable-next-line names/chatgpt -->\n- We integrate'),
    };
    const seen = new Set<string>();
    for (const diagnostic of diagnostics) {
      const actions = (await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] }))!;
      const disable = actions.filter((action) => action.title === `Disable ${diagnostic.code} for this line`);
      assert.equal(disable.length, 1, `one disable action for ${diagnostic.code}`);
      const after = applyWorkspaceEdit(TEXT, uri, disable[0]!.edit);
      const key =
        expectations[`${diagnostic.code}@${diagnostic.range.start.line}`] !== undefined
          ? `${diagnostic.code}@${diagnostic.range.start.line}`
          : String(diagnostic.code);
      if (expectations[key] !== undefined) {
        assert.equal(after, expectations[key], key);
        seen.add(key);
      }
      const remaining = builtinEngine()
        .check(after, 'markdown')
        .findings.filter(
          (finding) =>
            finding.ruleId === diagnostic.code &&
            finding.range.start === offsetOfLine(after, diagnostic.range.start.line + 1) + diagnostic.range.start.character,
        );
      assert.deepEqual(remaining, [], `the directive silences ${diagnostic.code} on line ${diagnostic.range.start.line}`);
    }
    assert.deepEqual([...seen].sort(), Object.keys(expectations).sort());
  });

  it('offers no "disable" action in plain text (it has no comments)', async () => {
    const { uri, diagnostics } = await openChecked('plain.txt', 'The SRE enables access to ChatGPT.\n', 'plaintext');
    const actions = (await client.codeActions(uri, diagnostics[0]!.range))!;
    assert.ok(actions.length > 0);
    assert.ok(!actions.some((action) => action.title.startsWith('Disable')));
  });

  it('offers "disable" in JSON with comments (jsonc), writing a // line that silences the finding, and never in strict JSON', async () => {
    await client.changeSettings({ debounceMs: 0, languages: ['json', 'jsonc'] });
    try {
      const text = '{\n  // Shown on the home page.\n  "title": "The SRE enables access to ChatGPT."\n}\n';
      const strict = await openChecked('locales/strict.json', text, 'json');
      const strictActions = (await client.codeActions(strict.uri, strict.diagnostics[0]!.range))!;
      assert.ok(strictActions.length > 0);
      assert.ok(!strictActions.some((action) => action.title.startsWith('Disable')));

      const withComments = await openChecked('locales/comments.json', text, 'jsonc');
      const finding = withComments.diagnostics.find((diagnostic) => diagnostic.code === 'memo/enables-access')!;
      const disable = (await client.codeActions(withComments.uri, finding.range))!.find(
        (action) => action.title === 'Disable memo/enables-access for this line',
      );
      assert.ok(disable, 'a disable action in jsonc');
      const after = applyWorkspaceEdit(text, withComments.uri, disable.edit);
      assert.equal(
        after,
        '{\n  // Shown on the home page.\n  // termguard-disable-next-line memo/enables-access\n  "title": "The SRE enables access to ChatGPT."\n}\n',
      );
      assert.deepEqual(
        builtinEngine()
          .check(after, 'json')
          .findings.filter((found) => found.ruleId === 'memo/enables-access'),
        [],
      );
    } finally {
      await client.changeSettings({ debounceMs: 0 });
    }
  });

  it('"Fix all RULE findings" applies the first fix of each finding of that rule', async () => {
    const text = 'Agents call on ChatGPT.\n\nThe router calls on GPT-5 too. We use Chat GPT.\n\nPlanners call upon OpenAI models.\n';
    const { uri, diagnostics } = await openChecked('fixall.md', text);
    const callsOn = diagnostics.find((diagnostic) => diagnostic.code === 'memo/calls-on')!;
    const actions = (await client.codeActions(uri, callsOn.range, { diagnostics: [callsOn] }))!;
    const fixAll = actions.filter((action) => action.title === 'Fix all memo/calls-on findings in this document');
    assert.equal(fixAll.length, 1);
    const expectedText =
      'Agents integrate with ChatGPT.\n\nThe router integrates with GPT-5 too. We use Chat GPT.\n\nPlanners integrate with OpenAI models.\n';
    assert.equal(applyWorkspaceEdit(text, uri, fixAll[0]!.edit), expectedText);
    const findings = builtinEngine()
      .check(text, 'markdown')
      .findings.filter((finding) => finding.ruleId === 'memo/calls-on');
    assert.equal(applyWorkspaceEdit(text, uri, fixAll[0]!.edit), applyEdits(text, selectFixes(findings).edits));
    // A rule with a single finding gets no "fix all".
    const chatgpt = diagnostics.find((diagnostic) => diagnostic.code === 'names/chatgpt')!;
    const single = (await client.codeActions(uri, chatgpt.range, { diagnostics: [chatgpt] }))!;
    assert.ok(!single.some((action) => action.title.startsWith('Fix all')));
  });

  it('source.fixAll.termguard fixes every finding (for editor.codeActionsOnSave) and is only offered when asked for', async () => {
    const { uri } = await openChecked('source.md', TEXT);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const only of [['source.fixAll'], ['source'], ['source.fixAll.termguard']]) {
      const actions = (await client.codeActions(uri, whole, { diagnostics: [], only }))!;
      assert.equal(actions.length, 1, `one action for only=${only}`);
      assert.equal(actions[0]!.kind, 'source.fixAll.termguard');
      const findings = builtinEngine().check(TEXT, 'markdown').findings;
      assert.equal(applyWorkspaceEdit(TEXT, uri, actions[0]!.edit), applyEdits(TEXT, selectFixes(findings).edits));
    }
    const fixed = applyWorkspaceEdit(
      TEXT,
      uri,
      (await client.codeActions(uri, whole, { diagnostics: [], only: ['source.fixAll'] }))![0]!.edit,
    );
    assert.equal(
      fixed,
      [
        '# Notes',
        '',
        'The SRE integrates with ChatGPT for every support agent.',
        '',
        '  Indented: agents integrate with OpenAI models. Also the router integrates with ChatGPT.',
        '',
        '> Quoted: the runtime integrates with ChatGPT to classify each email.',
        '',
        '- We integrate with ChatGPT and run on Amazon Bedrock.',
        '',
      ].join('\n'),
    );
    const quickOnly = (await client.codeActions(uri, whole, { diagnostics: [], only: ['quickfix'] }))!;
    assert.deepEqual(quickOnly, []);
    const none = (await client.codeActions(uri, whole, { diagnostics: [] }))!;
    assert.ok(!none.some((action: CodeAction) => action.kind?.startsWith('source')), 'no source action unless requested');
  });

  it('removes an unused suppression comment with its line', async () => {
    const text = 'First paragraph.\n\n<!-- termguard-disable-next-line memo/calls-on -->\nNothing to suppress here.\n';
    const { uri, diagnostics } = await openChecked('unused.md', text);
    const unused = diagnostics.find((diagnostic) => diagnostic.code === 'termguard/unused-suppression');
    assert.ok(unused, `an unused-suppression diagnostic among ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.deepEqual(unused.tags, [1]);
    const actions = (await client.codeActions(uri, unused.range, { diagnostics: [unused] }))!;
    assert.equal(actions.length, 1);
    assert.equal(applyWorkspaceEdit(text, uri, actions[0]!.edit), 'First paragraph.\n\nNothing to suppress here.\n');
  });

  it('ignores diagnostics that no longer match the current version', async () => {
    const { uri, diagnostics } = await openChecked('stale.md', 'The SRE enables access to ChatGPT.\n');
    const stale = diagnostics[0]!;
    await client.replace(uri, 0, 0, 'Intro. ');
    const actions = (await client.codeActions(uri, stale.range, { diagnostics: [stale] }))!;
    assert.deepEqual(actions, [], 'a diagnostic with an outdated range gets no fix');
  });

  it('answers a cancelled request with null', async () => {
    const { uri, diagnostics } = await openChecked('cancel.md', 'The SRE enables access to ChatGPT.\n');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => client.codeActions(uri, diagnostics[0]!.range, { diagnostics, cancelled: true })),
    );
    assert.ok(
      results.every((result) => result === null),
      JSON.stringify(results).slice(0, 200),
    );
  });
});

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}
