import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, exampleExpectations, expectFindings, workspaceFile } from './testkit';

interface Summary {
  readonly files: number;
  readonly counts: Readonly<Record<'error' | 'warning' | 'information' | 'hint', number>>;
  readonly cancelled: boolean;
}

suite('Termguard: Check Workspace', () => {
  const neverOpened = workspaceFile('examples/launch-blog.md');

  suiteSetup(async () => {
    await activateExtension();
  });

  test('puts the findings of a file that was never opened in the Problems panel', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === neverOpened.toString()), 'launch-blog.md is not open');
    const summary = await vscode.commands.executeCommand<Summary>('termguard.checkWorkspace');
    assert.ok(summary && !summary.cancelled, `summary: ${JSON.stringify(summary)}`);
    assert.ok(summary.files >= 7, `files checked: ${summary.files}`);
    assert.ok(summary.counts.error > 0 && summary.counts.warning > 0, `counts: ${JSON.stringify(summary.counts)}`);
    await expectFindings(neverOpened, exampleExpectations().get('launch-blog.md')!);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === neverOpened.toString()), 'the check did not open launch-blog.md');
  });
});
