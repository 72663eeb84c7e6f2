import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, exampleExpectations, expectFindings, openFile, termguardDiagnostics, type TermguardApi } from './testkit';

suite('Restart Server', () => {
  let api: TermguardApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('a restarted server checks the open documents again', async () => {
    const editor = await openFile('examples/customer-email.txt');
    const expected = exampleExpectations().get('customer-email.txt')!;
    await expectFindings(editor.document.uri, expected);
    await vscode.commands.executeCommand('termguard.restartServer');
    assert.doesNotMatch(api.statusText(), /sync~spin|circle-slash/, `status after restart: ${api.statusText()}`);
    await expectFindings(editor.document.uri, expected);
    assert.ok(termguardDiagnostics(editor.document.uri).length > 0);
  });
});
