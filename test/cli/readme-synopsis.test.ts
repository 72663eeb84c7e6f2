/**
 * README's command-line section stays true to the CLI: its synopsis names
 * every option of `check`, and its description of `--format json` matches
 * what the formatter writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_OPTIONS, OUTPUT_FORMATS } from '../../server/src/cli/args';
import { run, tempTree } from '../helpers/cliRun';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The command line'), readme.indexOf('### `.termguard.yaml`'));
const synopsis = /```\n(termguard check[\s\S]*?)```/.exec(section)?.[1] ?? '';

test("README's synopsis of check lists every option and every format", () => {
  assert.notEqual(synopsis, '', 'README has a synopsis block starting with `termguard check`');
  for (const option of CHECK_OPTIONS) assert.match(synopsis, new RegExp(`--${option.name}\\b`), `--${option.name}`);
  for (const format of OUTPUT_FORMATS) assert.match(synopsis, new RegExp(`\\b${format}\\b`), format);
});

test("README's description of --format json is the output's shape: one array of {file, diagnostics}", async () => {
  assert.match(section, /`--format json` prints one JSON array with one object per checked file/);
  const described = /`\[\{"file", "diagnostics": \[\{([^}]*)\}\]\}\]`/.exec(section)?.[1];
  assert.ok(described, 'the shape is written out');
  const keys = [...described.matchAll(/"(\w+)"/g)].map((match) => match[1]);
  const root = tempTree({ 'a.md': 'forbidden\n' });
  const report = JSON.parse((await run(root, ['check', '--format', 'json'])).out);
  assert.ok(Array.isArray(report));
  assert.deepEqual(Object.keys(report[0]), ['file', 'diagnostics']);
  assert.deepEqual(Object.keys(report[0].diagnostics[0]), keys);
});

test("README's CI examples name the action's inputs and the hook's id as they are", () => {
  const action = readFileSync(join(__dirname, '../../action.yml'), 'utf8');
  const inputs = [...(action.split('\noutputs:')[0] ?? '').matchAll(/^ {2}([\w-]+):$/gm)].map((match) => match[1]!);
  assert.ok(inputs.length > 3);
  const ci = readme.slice(readme.indexOf('## In CI and before commits'), readme.indexOf('## Two commands on a fresh machine'));
  for (const input of inputs) assert.match(ci, new RegExp(`\`${input}\``), `README names the input ${input}`);
  const hookId = /^- id: (\S+)$/m.exec(readFileSync(join(__dirname, '../../.pre-commit-hooks.yaml'), 'utf8'))?.[1];
  assert.match(ci, new RegExp(`- id: ${hookId}\\b`));
});
