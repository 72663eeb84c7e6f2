/**
 * Reading the `termguard` settings section: the re-check delay is
 * `checkDelay` (its title in the Settings editor is "Check Delay"), and the
 * older key `debounceMs` still works where `checkDelay` is not set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/lsp/configuration';

describe('the re-check delay setting', () => {
  it('is read from checkDelay, else from the older debounceMs, else the default', () => {
    assert.equal(parseSettings({ checkDelay: 30 }).settings.debounceMs, 30);
    assert.equal(parseSettings({ debounceMs: 40 }).settings.debounceMs, 40);
    assert.equal(parseSettings({ checkDelay: 30, debounceMs: 40 }).settings.debounceMs, 30);
    assert.equal(parseSettings({}).settings.debounceMs, DEFAULT_SETTINGS.debounceMs);
  });

  it('names the key it read in a problem', () => {
    assert.deepEqual(parseSettings({ checkDelay: -1 }).problems, [
      'termguard.checkDelay must be a number from 0 to 2000; using the default',
    ]);
  });
});
