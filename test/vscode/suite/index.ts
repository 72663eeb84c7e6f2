/**
 * The real-editor suite's entry point, loaded by the extension host
 * (`extensionTestsPath`) under either runner: runs every `*.test.js` next to
 * this file, in name order, with mocha's TDD interface.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // TERMGUARD_SUITE_GREP runs only the tests whose full title matches (while working on one suite).
  const grep = process.env.TERMGUARD_SUITE_GREP;
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} real-editor test(s) failed`)) : resolve()));
  });
}
