import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import { activateExtension, exampleExpectations, expectFindings, openFile } from './testkit';

/** Opened by workspaceCheck.test.ts only after the workspace check: it must stay unopened until then. */
const RESERVED_FOR_WORKSPACE_CHECK = 'launch-blog.md';

// The workspace is known when mocha loads this file, so there is one test per
// file listed in examples/README.md's machine-readable block, release notes first.
const expectations = exampleExpectations();
const files = [...expectations.keys()]
  .filter((file) => file !== RESERVED_FOR_WORKSPACE_CHECK && expectations.get(file)!.length > 0)
  .sort((a, b) => Number(b === 'release-notes.md') - Number(a === 'release-notes.md') || a.localeCompare(b));

suite('Examples in the editor match examples/README.md', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('the README lists release-notes.md and the file reserved for the workspace check', () => {
    assert.ok(expectations.get('release-notes.md')?.length, 'release-notes.md has findings');
    assert.ok(expectations.get(RESERVED_FOR_WORKSPACE_CHECK)?.length, `${RESERVED_FOR_WORKSPACE_CHECK} has findings`);
  });

  for (const file of files) {
    test(file, async () => {
      const editor = await openFile(`examples/${file}`);
      await expectFindings(editor.document.uri, expectations.get(file)!);
    });
  }
});
