import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, openFile, ruleOf, statusToBe, waitForDiagnostics } from './testkit';

suite('Activation', () => {
  // How long activate() takes is reported here for the record; the target lives in the benchmark, not in a pass/fail test.
  test('activates and starts the server', async () => {
    const api = await activateExtension();
    console.log(`activate() took ${api.activationMs.toFixed(1)} ms`);
    // `npm run bench` reports the last real-editor measurement from this file.
    const artifacts = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test-artifacts', 'vscode');
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(
      path.join(artifacts, 'activation.json'),
      JSON.stringify({ activationMs: api.activationMs, measuredAt: new Date().toISOString() }),
    );
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activation time was recorded: ${api.activationMs}`);
    assert.doesNotMatch(api.statusText(), /sync~spin|circle-slash/, `status bar after start: ${api.statusText()}`);
  });

  // The first Markdown file of the session, in a folder whose .termguard.yaml names a team pack. How long it takes
  // is logged for the record (`npm run bench` measures it); the test is that the team pack's finding arrives.
  // The status item says "checking…" while the first engine is built, then the file's result.
  test('the first Markdown file opened gets the team pack\'s findings, with "checking…" until then', async () => {
    const api = await activateExtension();
    const seenBefore = api.statusTexts().length;
    const started = performance.now();
    const editor = await openFile('notes/team-notes.md');
    const found = await waitForDiagnostics(
      editor.document.uri,
      (diagnostics) => diagnostics.some((d) => ruleOf(d) === 'team/no-utilize'),
      "the team pack's finding",
    );
    console.log(`first Markdown file → first diagnostics (${found.length}): ${(performance.now() - started).toFixed(0)} ms`);
    const result = await statusToBe(api, '$(book) Termguard: 1 finding');
    const seen = api.statusTexts().slice(seenBefore);
    const checking = seen.indexOf('$(book) Termguard: checking…');
    assert.ok(checking >= 0 && checking < seen.lastIndexOf(result), `"checking…" came before the result: ${JSON.stringify(seen)}`);
  });
});
