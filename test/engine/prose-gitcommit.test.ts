import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanGitCommitBlocks } from '../../server/src/engine/prose/gitcommit';
import {
  blocksOf,
  checkRandomDocuments,
  checkRestarts,
  commentsOf,
  cuts,
  located,
  prose,
  unsuppressed,
  words,
} from '../helpers/readerTestkit';

const commit = scanGitCommitBlocks;

const MESSAGE = `Fix the agent calls on retry

The scheduler no longer calls on the model twice
when a task is retried.

Signed-off-by: Ada Lovelace <ada@example.com>
Co-authored-by: Bob <bob@example.com>
# Please enter the commit message for your changes. Lines starting
# with '#' will be ignored.
#
# On branch main
# ------------------------ >8 ------------------------
# Do not modify or remove the line above.
diff --git a/x b/x
+calls on
`;

describe('git commit message prose', () => {
  it('reads the subject and body paragraphs, with exact word offsets', () => {
    assert.deepEqual(prose(commit, MESSAGE), [
      'Fix the agent calls on retry',
      'The scheduler no longer calls on the model twice when a task is retried.',
    ]);
    assert.deepEqual(words(commit, MESSAGE)[0], located(MESSAGE, 'Fix', 'the', 'agent', 'calls', 'on', 'retry'));
  });

  it('leaves out comment lines, trailers and everything from the scissors line on', () => {
    const list = blocksOf(commit, MESSAGE);
    const last = list[list.length - 1]!;
    assert.equal(MESSAGE.slice(last.start, last.end).split('\n')[0], '# ------------------------ >8 ------------------------');
    assert.equal(last.end, MESSAGE.length);
    assert.deepEqual(last.units, []);
    assert.deepEqual(last.comments, []);
    assert.deepEqual(
      commentsOf(commit, MESSAGE).map((c) => c.body),
      ['Please enter the commit message for your changes. Lines starting', "with '#' will be ignored.", '', 'On branch main'],
    );
  });

  it('cuts a block per paragraph, with the blank and comment lines after it', () => {
    const text = '# leading comment\n\nSubject\n\nBody one\n# inside\nbody two\n\n\nBody three';
    assert.deepEqual(cuts(commit, text), ['# leading comment\n\n', 'Subject\n\n', 'Body one\n# inside\nbody two\n\n\n', 'Body three']);
    // a comment line inside a paragraph is stripped: the paragraph reads on
    assert.deepEqual(prose(commit, text), ['Subject', 'Body one body two', 'Body three']);
  });

  it('keeps a paragraph that merely looks like trailers when no key is a known trailer', () => {
    const text = 'Subject\n\nNote: the agent calls on it.\n\nSigned-off-by: A <a@b.c>\n  continued\nCloses: #12';
    assert.deepEqual(prose(commit, text), ['Subject', 'Note: the agent calls on it.']);
  });

  it('makes a unit of each list item and drops a Conventional Commits prefix', () => {
    const text = 'feat(parser)!: add the reader\n\n- first item\n  continues here\n* second item\n1. third';
    assert.deepEqual(prose(commit, text), ['add the reader', 'first item continues here', 'second item', 'third']);
    assert.deepEqual(words(commit, text)[0], located(text, 'add', 'the', 'reader'));
  });

  it('applies suppression directives written as comment lines', () => {
    const text = 'Subject calls\n\n# termguard-disable-next-line demo-rule\nBody calls\n\nMore calls\n';
    const all = located(text, 'calls', 'calls', 'calls');
    assert.deepEqual(unsuppressed(commit, text, 'calls'), [all[0], all[2]]);
    assert.deepEqual(commentsOf(commit, text), [
      { source: '# termguard-disable-next-line demo-rule', body: 'termguard-disable-next-line demo-rule' },
    ]);
  });

  it('handles CRLF, the empty message and a message of only comments', () => {
    assert.deepEqual(blocksOf(commit, ''), []);
    assert.deepEqual(prose(commit, 'Subject\r\n\r\nBody\r\n'), ['Subject', 'Body']);
    assert.deepEqual(cuts(commit, 'Subject\r\n\r\nBody\r\n'), ['Subject\r\n\r\n', 'Body\r\n']);
    assert.deepEqual(prose(commit, '# a\n#\n'), []);
    checkRestarts(commit, MESSAGE);
  });

  it('keeps the reader promises on random messages', () => {
    const pieces = [
      'Subject',
      'word',
      ' words here',
      '\n',
      '\n',
      '\n\n',
      '# comment',
      '#',
      '# ---- >8 ----',
      'Signed-off-by: x',
      'Key: value',
      '  ',
      '- ',
      '1. ',
      'feat: ',
      '\r\n',
      ':',
    ];
    checkRandomDocuments(commit, pieces, 400);
  });
});
