/**
 * Every engine source file opens with a comment that says what it is for, so
 * a reader knows a file before reading its code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath, REPO_ROOT, sourceFilesUnder } from '../helpers/importGraph';

test('every engine file starts with a head comment', () => {
  const files = sourceFilesUnder(join(REPO_ROOT, 'server/src/engine')).filter((file) => !file.includes('.generated.'));
  assert.ok(files.length > 50, `read ${files.length} files`);
  const bare = files.filter((file) => !/^(?:\/\*\*|\/\/)/.test(readFileSync(file, 'utf8'))).map(repoPath);
  assert.deepEqual(bare, []);
});
