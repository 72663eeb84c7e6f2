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

  test("a finding's hover adds the rule's reason and link; the message (with the matched words) is the diagnostic's", async () => {
    const position = positionOf(editor.document, 16, 'enables access to', 3);
    const text = await hoverText(editor.document.uri, position);
    const explanation = await api.explainRule('memo/enables-access');
    assert.ok(explanation, 'memo/enables-access is loaded');
    assert.ok(text.includes(explanation.rule.reason), `hover:\n${text}\n\nreason: ${explanation.rule.reason}`);
    assert.ok(text.includes('docs/rules.md#memo-enables-access'), `hover links the rule documentation:\n${text}`);
    assert.ok(!text.includes('memo/enables-access'), `the rule id is the diagnostic's, not repeated in the hover:\n${text}`);
    const finding = vscode.languages.getDiagnostics(editor.document.uri).find((diagnostic) => diagnostic.range.contains(position));
    assert.match(finding?.message ?? '', /^“enables access to/, 'the message quotes the matched words');
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
