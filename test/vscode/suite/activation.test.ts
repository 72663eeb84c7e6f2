import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { activateExtension } from './testkit';

suite('Activation', () => {
  test('activates within 50 ms and starts the server', async () => {
    const api = await activateExtension();
    console.log(`activate() took ${api.activationMs.toFixed(1)} ms`);
    assert.ok(api.activationMs < 50, `activate() took ${api.activationMs.toFixed(1)} ms`);
    assert.doesNotMatch(api.statusText(), /sync~spin|circle-slash/, `status bar after start: ${api.statusText()}`);
  });
});
