import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, hoverText, openFile, positionOf, ruleOf, screenshot, waitForDiagnostics, type TermguardApi } from './testkit';

suite('Hovers', () => {
  let api: TermguardApi;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    api = await activateExtension();
    editor = await openFile('examples/release-notes.md');
    await waitForDiagnostics(editor.document.uri, (diagnostics) => diagnostics.length > 0, 'findings');
  });

  async function definitionOf(id: string): Promise<string> {
    const entry = (await api.glossary(editor.document.uri)).find((candidate) => candidate.id === id);
    assert.ok(entry, `glossary entry ${id}`);
    return entry.definition;
  }

  test('"SRE" shows the glossary definition', async () => {
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 10, '(SRE)', 2));
    const definition = await definitionOf('sre');
    assert.ok(text.includes(definition.slice(0, 80)), `hover:\n${text}`);
    assert.match(text, /Stateful Runtime Environment/);
  });

  test('"Amazon Bedrock" shows the glossary definition', async () => {
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 27, 'Amazon Bedrock', 8));
    const definition = await definitionOf('amazon-bedrock');
    assert.ok(text.includes(definition.slice(0, 80)), `hover:\n${text}`);
  });

  test("a finding shows the matched words and the rule's reason", async () => {
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 16, 'enables access to', 3));
    const explanation = await api.explainRule('memo/enables-access');
    assert.ok(explanation, 'memo/enables-access is loaded');
    assert.ok(text.includes(explanation.rule.reason), `hover:\n${text}\n\nreason: ${explanation.rule.reason}`);
    assert.ok(text.includes('enables access to'), `hover:\n${text}`);
    assert.ok(text.includes('memo/enables-access'), `hover names the rule:\n${text}`);
  });

  test('no hover on plain words', async () => {
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 9, 'reaches', 2));
    assert.equal(text, '');
  });

  test('screenshot: squiggles and the hover of a finding', async () => {
    // Only the document with findings on screen: no side bar, panel or other editor groups.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const position = positionOf(editor.document, 16, 'enables access to', 3);
    editor = await vscode.window.showTextDocument(editor.document, { preview: false });
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    // Pulled diagnostics belong to open tabs: closing the editors dropped them, and showing the document pulls them again.
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (all) => all.some((diagnostic) => diagnostic.range.contains(position)),
      'the finding under the cursor',
    );
    const finding = diagnostics.find((diagnostic) => diagnostic.range.contains(position));
    assert.equal(finding && ruleOf(finding), 'memo/enables-access');
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('squiggle-hover');
  });
});
