/**
 * The warning about a broken pack, in plain text: the file and the first
 * problem with its line lead, then how many more, then what is off.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Problem } from '../../server/src/engine/api';
import { brokenPackMessage } from '../../server/src/lsp/engines';

const problem = (line: number, message: string): Problem => ({
  file: 'p.termguard.yaml',
  line,
  column: 4,
  severity: 'error',
  message,
  code: 'x',
});

describe('the broken-pack warning', () => {
  it('leads with the first problem by line and counts the others, with no Markdown', () => {
    const message = brokenPackMessage(
      'packs/p.termguard.yaml',
      [problem(20, 'pattern `a (b` is never closed.'), problem(9, 'unknown word set `@vendr` (known sets: @vendor)')],
      true,
    );
    assert.equal(
      message,
      'Termguard: packs/p.termguard.yaml has 2 errors; the first, on line 10: unknown word set @vendr (known sets: @vendor). ' +
        'The parts with errors are off until they are fixed; all other rules still run.',
    );
  });

  it('says the whole pack is off when none of it loaded', () => {
    assert.match(brokenPackMessage('p.termguard.yaml', [problem(0, 'not a pack')], false), /The whole pack is off until it is fixed;/);
  });
});
