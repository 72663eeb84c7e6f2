import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './testkit';

suite('Activation', () => {
  // How long activate() takes is reported here for the record; the target lives in the benchmark, not in a pass/fail test.
  test('activates and starts the server', async () => {
    const api = await activateExtension();
    console.log(`activate() took ${api.activationMs.toFixed(1)} ms`);
    // `npm run bench` reports the last real-editor measurement from this file.
    const artifacts = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test-artifacts', 'vscode');
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, 'activation.json'), JSON.stringify({ activationMs: api.activationMs, measuredAt: new Date().toISOString() }));
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activation time was recorded: ${api.activationMs}`);
    assert.doesNotMatch(api.statusText(), /sync~spin|circle-slash/, `status bar after start: ${api.statusText()}`);
  });
});
