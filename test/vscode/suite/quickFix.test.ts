import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  NEEDS_PAGE_REASON,
  openFile,
  probePage,
  ruleOf,
  runnerSeesThePage,
  screenshot,
  waitForDiagnostics,
  type QuickFixMenu,
} from './testkit';

const LINE = 16; // 1-based: "- The SRE now enables access to ChatGPT for every support agent."
const isTarget = (diagnostic: vscode.Diagnostic): boolean =>
  ruleOf(diagnostic) === 'memo/enables-access' && diagnostic.range.start.line === LINE - 1;

suite('Quick fixes', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activateExtension();
    editor = await openFile('examples/release-notes.md');
  });

  suiteTeardown(async () => {
    // Leave the document as the other suites expect it (the file itself is a temporary copy).
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(editor.document.uri, (diagnostics) => diagnostics.some(isTarget), 'the finding after the revert');
  });

  test('screenshot: the Quick Fix menu on a memo finding lists the rewrite', async function () {
    if (!runnerSeesThePage()) {
      console.log(`Quick Fix menu screenshot: skipped, ${NEEDS_PAGE_REASON}`);
      this.skip();
    }
    const [finding] = (
      await waitForDiagnostics(editor.document.uri, (diagnostics) => diagnostics.some(isTarget), 'memo/enables-access on line 16')
    ).filter(isTarget);
    // Only the document on screen, as in the README's other picture (earlier suites leave broken-pack notifications).
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('notifications.clearAll');
    editor = await vscode.window.showTextDocument(editor.document, { preview: false });
    const position = finding!.range.start.translate(0, 3);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(finding!.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.quickFix');
    const menu = await probePage<QuickFixMenu>('quick-fix-menu', 'quick-fix-menu', { expectTitle: 'integrates with' });
    const seen = JSON.stringify(menu, null, 2);
    assert.ok(menu.ready && menu.visible, `the Quick Fix menu opened and lists the rewrite:\n${seen}`);
    assert.ok(
      menu.titles?.some((title) => /Replace with .integrates with./.test(title)),
      `the menu offers the rewrite to "integrates with":\n${seen}`,
    );
    await screenshot('quick-fix');
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });

  test('the preferred fix rewrites "enables access to" as "integrates with" and the finding goes', async () => {
    const [finding] = (
      await waitForDiagnostics(editor.document.uri, (diagnostics) => diagnostics.some(isTarget), 'memo/enables-access on line 16')
    ).filter(isTarget);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        finding!.range,
      )) ?? [];
    const titles = actions.map((action) => action.title);
    const preferred = actions.find((action) => action.isPreferred && action.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.ok(preferred?.edit, `a preferred quick fix with an edit among: ${titles.join(' | ')}`);
    assert.ok(
      titles.some((title) => /disable memo\/enables-access for this line/i.test(title)),
      `a disable action among: ${titles.join(' | ')}`,
    );

    assert.ok(await vscode.workspace.applyEdit(preferred.edit), 'the edit applies');
    assert.equal(editor.document.lineAt(LINE - 1).text, '- The SRE now integrates with ChatGPT for every support agent.');
    const after = await waitForDiagnostics(
      editor.document.uri,
      (diagnostics) => diagnostics.length > 0 && !diagnostics.some(isTarget),
      'the finding to go',
    );
    assert.ok(
      after.some((diagnostic) => ruleOf(diagnostic) === 'memo/calls-on'),
      'the other findings stay',
    );
  });
});
