import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, expectFindings, hoverText, openFile, positionOf, waitForDiagnostics } from './testkit';

// The workspace's .termguard.yaml names packs/team.termguard.yaml (test/vscode/workspace/).
suite('A team pack named in .termguard.yaml', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activateExtension();
    editor = await openFile('notes/team-notes.md');
  });

  suiteTeardown(async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('its rule reports "utilize" as a warning', async () => {
    const [finding] = await expectFindings(editor.document.uri, [{ line: 3, rule: 'team/no-utilize' }]);
    assert.equal(finding!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(finding!.range), 'utilize');
    assert.match(finding!.message, /long way to say/);
  });

  test('its glossary term has a hover', async () => {
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 4, 'runbook', 2));
    assert.match(text, /step-by-step guide for operating a service/, `hover:\n${text}`);
  });

  test('its fix replaces "utilize" with "use"', async () => {
    const [finding] = await waitForDiagnostics(editor.document.uri, (diagnostics) => diagnostics.length === 1, 'the team finding');
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        finding!.range,
      )) ?? [];
    const fix = actions.find(
      (action) =>
        action.edit &&
        action.kind?.value === vscode.CodeActionKind.QuickFix.value &&
        /use/.test(action.title) &&
        !/disable/i.test(action.title),
    );
    assert.ok(fix?.edit, `a fix among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(2).text, 'Our agents use the planner for every ticket.');
    await waitForDiagnostics(editor.document.uri, (diagnostics) => diagnostics.length === 0, 'no findings after the fix');
  });
});
