import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import { activateExtension, exampleExpectations, expectFindings, openFile, type Finding } from './testkit';

/** Opened by workspaceCheck.test.ts only after the workspace check: it must stay unopened until then. */
const RESERVED_FOR_WORKSPACE_CHECK = 'launch-blog.md';

suite('Examples in the editor match examples/README.md', () => {
  let expectations: Map<string, Finding[]>;

  suiteSetup(async () => {
    await activateExtension();
    expectations = exampleExpectations();
    assert.ok(expectations.has('release-notes.md'), 'README lists release-notes.md');
  });

  test('release-notes.md', async () => {
    const editor = await openFile('examples/release-notes.md');
    await expectFindings(editor.document.uri, expectations.get('release-notes.md')!);
  });

  for (const file of ['sales-faq.md', 'partner-one-pager.md', 'connector-readme.md', 'customer-email.txt']) {
    test(file, async () => {
      const expected = expectations.get(file);
      assert.ok(expected, `README lists ${file}`);
      const editor = await openFile(`examples/${file}`);
      await expectFindings(editor.document.uri, expected);
    });
  }

  test(`every example file but ${RESERVED_FOR_WORKSPACE_CHECK} is covered above`, () => {
    const covered = ['release-notes.md', 'sales-faq.md', 'partner-one-pager.md', 'connector-readme.md', 'customer-email.txt', RESERVED_FOR_WORKSPACE_CHECK, 'README.md'];
    assert.deepEqual([...expectations.keys()].filter((file) => !covered.includes(file)), []);
  });
});
