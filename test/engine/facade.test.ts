/**
 * The engine's facade is the only door: code outside the engine (the language
 * server, the CLI, the disk layer, the protocol and the VS Code extension)
 * imports it through `engine/index.ts`, its vocabulary `engine/api.ts`, or
 * the one renderer of rule and glossary text, `engine/rules/ruleText.ts`
 * (pure and importing only api types, so the extension can render without
 * bundling the engine). Tests, tools and benchmarks may reach inside.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importsOf, repoPath, resolveRelative, REPO_ROOT, sourceFilesUnder } from '../helpers/importGraph';

const ENGINE = join(REPO_ROOT, 'server/src/engine');
const DOORS = new Set([join(ENGINE, 'index.ts'), join(ENGINE, 'api.ts'), join(ENGINE, 'rules/ruleText.ts')]);
const OUTSIDE = ['server/src/lsp', 'server/src/cli', 'server/src/project', 'server/src/protocol', 'client/src'];

/** `file:line -> engine path` for every import from outside the engine that passes the facade by. */
function deepImports(folders: readonly string[]): string[] {
  const found: string[] = [];
  for (const folder of folders) {
    for (const file of sourceFilesUnder(join(REPO_ROOT, folder))) {
      for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'))) {
        const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined;
        if (target !== undefined && target.startsWith(ENGINE + '/') && !DOORS.has(target)) {
          found.push(`${repoPath(file)}:${line} -> ${repoPath(target)}`);
        }
      }
    }
  }
  return found;
}

test('no file outside the engine imports past its facade', () => {
  assert.deepEqual(deepImports(OUTSIDE), []);
});

test('the check sees the imports it is meant to refuse', () => {
  // tools/ may reach inside the engine, and does: the same walk over it must find those imports.
  assert.ok(deepImports(['tools']).length > 0);
});
