/**
 * The status bar item's words (client/src/statusText.ts): the current file's
 * state, "checking…" before its first result, always labelled "Termguard",
 * and a plain accessible label.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusView, type CurrentFile, type ServerState } from '../../client/src/statusText';

const checked = (errors: number, warnings: number, infos = 0, name = 'notes.md'): CurrentFile => ({
  kind: 'checked',
  name,
  counts: { errors, warnings, infos },
  noun: 'finding',
});

describe('the status bar item', () => {
  it('says "checking…" until the current file has a result, then that file\'s findings', () => {
    assert.equal(statusView('running', { kind: 'checking', name: 'notes.md' }, false).text, '$(book) Termguard: checking…');
    assert.equal(statusView('running', checked(1, 1), false).text, '$(book) Termguard: 2 findings');
    assert.equal(statusView('running', checked(0, 0, 1), false).text, '$(book) Termguard: 1 finding');
    assert.equal(statusView('running', checked(0, 0), false).text, '$(book) Termguard $(check)');
    assert.equal(
      statusView(
        'running',
        { kind: 'checked', name: 'team.termguard.yaml', counts: { errors: 2, warnings: 0, infos: 0 }, noun: 'problem' },
        false,
      ).text,
      '$(book) Termguard: 2 problems',
    );
  });

  it('keeps the Termguard label in every state', () => {
    const files: CurrentFile[] = [{ kind: 'none' }, { kind: 'checking', name: 'a.md' }, checked(0, 0), checked(3, 4)];
    const servers: ServerState[] = ['starting', 'running', 'stopped', 'failed'];
    for (const server of servers) {
      for (const file of files) {
        for (const restricted of [false, true]) {
          const view = statusView(server, file, restricted);
          assert.match(view.text, /Termguard/, JSON.stringify({ server, file, restricted }));
          assert.match(view.accessibleLabel, /^Termguard/);
        }
      }
    }
  });

  it('gives screen readers a plain sentence: no codicons, no Markdown', () => {
    const views = [
      statusView('running', checked(1, 2, 0, 'release_notes*.md'), true),
      statusView('running', { kind: 'checking', name: 'a.md' }, false),
      statusView('starting', { kind: 'none' }, true),
      statusView('failed', { kind: 'none' }, false),
      statusView('running', checked(0, 0), false),
    ];
    for (const view of views) assert.doesNotMatch(view.accessibleLabel, /\$\(|\*\*|`|…$/, view.accessibleLabel);
    assert.equal(views[0]!.accessibleLabel, 'Termguard: 3 findings in release_notes*.md (Restricted Mode: only the built-in rules run)');
    assert.equal(views[4]!.accessibleLabel, 'Termguard: no findings in notes.md');
  });

  it('escapes the file name in the Markdown tooltip and shows the error background only when the server failed', () => {
    const view = statusView('running', checked(1, 0, 0, 'a_b*.md'), false);
    assert.match(view.tooltip, /a\\_b\\\*\\\.md/);
    assert.equal(view.error, false);
    assert.equal(statusView('failed', { kind: 'none' }, false).error, true);
  });
});
