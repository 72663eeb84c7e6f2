import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, exampleExpectations, expectFindings, waitFor, workspaceFile, type TermguardApi } from './testkit';

interface Summary {
  readonly files: number;
  readonly counts: Readonly<Record<'error' | 'warning' | 'information' | 'hint', number>>;
  readonly cancelled: boolean;
}

/** What the status bar should say for the Termguard diagnostics VS Code holds. */
function expectedStatusText(): string {
  let errors = 0;
  let warnings = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'termguard') continue;
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  return errors + warnings === 0 ? '$(book) Termguard $(check)' : `$(book) $(error) ${errors} $(warning) ${warnings}`;
}

suite('Termguard: Check Workspace', () => {
  let api: TermguardApi;
  const neverOpened = workspaceFile('examples/launch-blog.md');

  suiteSetup(async () => {
    api = await activateExtension();
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

  test('the status bar counts the errors and warnings of the Problems panel', async () => {
    const text = await waitFor(
      () => (api.statusText() === expectedStatusText() ? api.statusText() : undefined),
      () => `status "${api.statusText()}" to be "${expectedStatusText()}"`,
    );
    console.log(`status bar: ${text}`);
    const [, errors] = /\$\(error\) (\d+)/.exec(text) ?? [];
    assert.ok(Number(errors) >= 7, `launch-blog.md alone has 5 errors and the open examples more: ${text}`);
  });
});
