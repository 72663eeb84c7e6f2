import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, openFile, statusToBe, type TermguardApi } from './testkit';

suite('The status bar item', () => {
  let api: TermguardApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('says "checking…" for a new file until its result, then that file\'s findings', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'Planning agents call on GPT-5 to split a ticket.\n\nWe utilize the planner.\n',
    });
    const seenBefore = api.statusTexts().length;
    await vscode.window.showTextDocument(document);
    const text = await statusToBe(api, /^\$\(book\) Termguard: \d+ findings?$/);
    const seen = api.statusTexts().slice(seenBefore);
    const checking = seen.indexOf('$(book) Termguard: checking…');
    assert.ok(checking >= 0 && checking < seen.indexOf(text), `"checking…" came before the result: ${JSON.stringify(seen)}`);
    assert.equal(seen.filter((each) => /\$\(check\)/.test(each)).length, 0, `no ✓ flashed before the findings: ${JSON.stringify(seen)}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test("shows the current file's state, not workspace totals", async () => {
    await openFile('notes/team-notes.md');
    await statusToBe(api, '$(book) Termguard: 1 finding');
    const clean = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Nothing to see here.\n' });
    await vscode.window.showTextDocument(clean);
    await statusToBe(api, '$(book) Termguard $(check)');
    const other = await vscode.workspace.openTextDocument({ language: 'json', content: '{}\n' });
    await vscode.window.showTextDocument(other);
    await statusToBe(api, '$(book) Termguard');
  });

  test('has a plain accessible label that names the file', async () => {
    await openFile('notes/team-notes.md');
    await statusToBe(api, '$(book) Termguard: 1 finding');
    const label = api.statusAccessibleLabel();
    assert.equal(label, 'Termguard: 1 finding in notes/team-notes.md');
    assert.doesNotMatch(label, /\$\(|\*\*|`/);
  });
});
