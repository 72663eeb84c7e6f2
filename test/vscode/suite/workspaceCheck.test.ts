import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  exampleExpectations,
  expectFindings,
  listedTermguardCounts,
  waitFor,
  workspaceFile,
  type TermguardApi,
} from './testkit';

interface Summary {
  readonly files: number;
  readonly counts: Readonly<Record<'error' | 'warning' | 'information' | 'hint', number>>;
  readonly cancelled: boolean;
}

suite('Termguard: Check Workspace', () => {
  let api: TermguardApi;
  const neverOpened = workspaceFile('examples/launch-blog.md');

  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('puts the findings of a file that was never opened in the Problems panel', async () => {
    assert.ok(
      !vscode.workspace.textDocuments.some((document) => document.uri.toString() === neverOpened.toString()),
      'launch-blog.md is not open',
    );
    const summary = await vscode.commands.executeCommand<Summary>('termguard.checkWorkspace');
    assert.ok(summary && !summary.cancelled, `summary: ${JSON.stringify(summary)}`);
    assert.ok(summary.files >= 7, `files checked: ${summary.files}`);
    assert.ok(summary.counts.error > 0 && summary.counts.warning > 0, `counts: ${JSON.stringify(summary.counts)}`);
    await expectFindings(neverOpened, exampleExpectations().get('launch-blog.md')!);
    assert.ok(
      !vscode.workspace.textDocuments.some((document) => document.uri.toString() === neverOpened.toString()),
      'the check did not open launch-blog.md',
    );
  });

  test('its counts are what the Problems panel lists for Termguard', async () => {
    const summary = await api.checkWorkspace();
    assert.ok(summary && !summary.cancelled, `summary: ${JSON.stringify(summary)}`);
    const same = (): boolean => JSON.stringify(listedTermguardCounts()) === JSON.stringify(summary.listed);
    // Published diagnostics of files that are not open may still be on their way when the command returns.
    await waitFor(
      same,
      () =>
        `the Problems panel (${JSON.stringify(listedTermguardCounts())}) to list what the summary counts (${JSON.stringify(summary.listed)})`,
    );
    console.log(`Check Workspace: ${JSON.stringify(summary.listed)} in ${summary.files} files`);
  });
});
