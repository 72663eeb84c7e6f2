/**
 * "Check Workspace" counts what the Problems panel lists
 * (client/src/workspaceSummary.ts): hints (baselined findings) are left out,
 * and the problems of packs and configs and of open documents outside the
 * walk are in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeWorkspaceCheck, summarizeWorkspaceCheck, type WorkspaceFileResult } from '../../client/src/workspaceSummary';

const file = (uri: string, error: number, warning: number, information = 0, hint = 0, skipped?: string): WorkspaceFileResult => ({
  uri,
  counts: { error, warning, information, hint },
  diagnostics: [],
  ...(skipped !== undefined ? { skipped } : {}),
});

describe('the Check Workspace summary', () => {
  it('leaves out baselined findings (hints), which the Problems panel does not list', () => {
    const summary = summarizeWorkspaceCheck({ files: [file('a.md', 1, 0), file('baselined.md', 0, 0, 0, 4)], cancelled: false }, []);
    assert.equal(summary.filesWithFindings, 1, 'a file with only baselined findings is not a file with problems');
    assert.deepEqual(summary.listed, { errors: 1, warnings: 0, infos: 0 });
    assert.equal(summary.counts.hint, 4);
    assert.equal(describeWorkspaceCheck(summary), 'Checked 2 files: 1 problem in 1 file (1 error).');
  });

  it('counts infos, and the problems of packs and other open documents the Problems panel lists, each file once', () => {
    const summary = summarizeWorkspaceCheck({ files: [file('a.md', 0, 2, 1), file('big.md', 0, 0, 0, 0, 'too large')], cancelled: false }, [
      { uri: 'team.termguard.yaml', counts: { errors: 1, warnings: 0, infos: 0 } },
      { uri: 'a.md', counts: { errors: 0, warnings: 2, infos: 1 } },
      { uri: 'untitled:Untitled-1', counts: { errors: 0, warnings: 0, infos: 0 } },
    ]);
    assert.deepEqual(summary.listed, { errors: 1, warnings: 2, infos: 1 });
    assert.equal(summary.filesWithFindings, 2);
    assert.equal(describeWorkspaceCheck(summary), 'Checked 1 file (1 skipped): 4 problems in 2 files (1 error, 2 warnings, 1 info).');
  });

  it('says so when there is nothing, and when the check was stopped', () => {
    assert.equal(
      describeWorkspaceCheck(summarizeWorkspaceCheck({ files: [file('a.md', 0, 0)], cancelled: false }, [])),
      'Checked 1 file: no problems.',
    );
    assert.equal(
      describeWorkspaceCheck(summarizeWorkspaceCheck({ files: [file('a.md', 0, 1)], cancelled: true }, [])),
      'Stopped after 1 file: 1 problem in 1 file (1 warning).',
    );
  });
});
