import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  exampleExpectations,
  expectFindings,
  openFile,
  ruleOf,
  termguardDiagnostics,
  waitForDiagnostics,
  type TermguardApi,
} from './testkit';

suite('Server lifecycle', () => {
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

  test('adding a language to termguard.languages starts checking documents of that language', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: '# Planning agents call on GPT-5 to split a ticket.\nx = 1\n',
    });
    await vscode.window.showTextDocument(document);
    const settings = vscode.workspace.getConfiguration('termguard');
    try {
      assert.deepEqual(termguardDiagnostics(document.uri), [], 'source code is not checked by default');
      await settings.update('languages', ['markdown', 'plaintext', 'python'], vscode.ConfigurationTarget.Workspace);
      const found = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0, 'a finding in the python comment');
      assert.deepEqual(found.map(ruleOf), ['memo/calls-on']);
    } finally {
      await settings.update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0, 'python to be dropped again');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  // The language client makes one collection for published diagnostics and the diagnostic feature one for pulled
  // ones; with the same name VS Code warns in the extension host's log at every start.
  test('never creates two diagnostic collections of the same name', function () {
    const folder = path.dirname(api.logUri.fsPath);
    const logs = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => /exthost.*\.log$/i.test(name)) : [];
    if (logs.length === 0) {
      console.log(`no extension host log beside ${api.logUri.fsPath}: not checked`);
      this.skip();
    }
    for (const name of logs) {
      assert.doesNotMatch(
        fs.readFileSync(path.join(folder, name), 'utf8'),
        /DiagnosticCollection with name '[^']*termguard[^']*' does already exist/i,
        name,
      );
    }
  });
});
