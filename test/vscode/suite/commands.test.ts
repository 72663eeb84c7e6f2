import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, type TermguardApi } from './testkit';

async function pageText(uri: vscode.Uri | undefined): Promise<string> {
  assert.ok(uri, 'the command returns the page it showed');
  assert.equal(uri.scheme, 'termguard-info');
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

suite('Commands', () => {
  let api: TermguardApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('every contributed command is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of [
      'termguard.checkWorkspace',
      'termguard.showGlossary',
      'termguard.explainRule',
      'termguard.restartServer',
      'termguard.showOutput',
    ]) {
      assert.ok(registered.has(command), command);
    }
  });

  test('Explain Rule shows the reason, alternatives and examples of a rule', async () => {
    const text = await pageText(await vscode.commands.executeCommand<vscode.Uri>('termguard.explainRule', 'memo/calls-on'));
    const explanation = await api.explainRule('memo/calls-on');
    assert.ok(explanation);
    assert.ok(text.includes(explanation.rule.reason), text);
    assert.match(text, /Write instead/);
    assert.match(text, /calls on ChatGPT/);
  });

  test("Show Glossary shows a term's definition", async () => {
    const text = await pageText(await vscode.commands.executeCommand<vscode.Uri>('termguard.showGlossary', 'amazon-bedrock'));
    assert.match(text, /^# Amazon Bedrock/);
    assert.match(text, /managed AI platform/);
  });

  test('Show Output runs', async () => {
    await vscode.commands.executeCommand('termguard.showOutput');
  });
});
