import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE, parseArgs, parseByteSize } from '../../server/src/cli/args';

test('check defaults: stylish, target `.`, 64 MiB limit', () => {
  const result = parseArgs(['check']);
  assert.ok('command' in result);
  assert.deepEqual(result.command, {
    kind: 'check',
    format: 'stylish',
    fix: false,
    updateBaseline: false,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    stdinKind: 'markdown',
    targets: ['.'],
  });
});

test('check options in both spellings, `-` positional', () => {
  const result = parseArgs(['check', '--format=json', '--config', 'c.yaml', '--fix', '--baseline', 'b.json', '--update-baseline', '--max-file-size', '512k', '--stdin-kind', 'plaintext', 'docs', '-', '*.md']);
  assert.ok('command' in result);
  assert.deepEqual(result.command, {
    kind: 'check',
    format: 'json',
    config: 'c.yaml',
    fix: true,
    baseline: 'b.json',
    updateBaseline: true,
    maxFileSize: 512 * 1024,
    stdinKind: 'plaintext',
    targets: ['docs', '-', '*.md'],
  });
});

test('usage errors are messages, not throws', () => {
  for (const argv of [
    ['check', '--format', 'xml'],
    ['check', '--bogus'],
    ['check', '--format'],
    ['check', '--update-baseline'],
    ['check', '--max-file-size', 'lots'],
    ['check', '--stdin-kind', 'html'],
    ['check', '-', '-'],
    ['frobnicate'],
    ['--frobnicate'],
    ['explain'],
    ['explain', 'a', 'b'],
    ['define'],
    ['server'],
  ]) {
    const result = parseArgs(argv);
    assert.ok('error' in result, `expected a usage error for ${argv.join(' ')}`);
    assert.ok(result.error.length > 0);
  }
  const unknown = parseArgs(['check', '--bogus']);
  assert.ok('error' in unknown && unknown.error.includes('--bogus'));
});

test('help, version and per-command help', () => {
  assert.deepEqual(parseArgs([]), { command: { kind: 'help' } });
  assert.deepEqual(parseArgs(['--help']), { command: { kind: 'help' } });
  assert.deepEqual(parseArgs(['--version']), { command: { kind: 'version' } });
  assert.deepEqual(parseArgs(['-v']), { command: { kind: 'version' } });
  assert.deepEqual(parseArgs(['check', '--help']), { command: { kind: 'help', topic: 'check' } });
  assert.deepEqual(parseArgs(['help', 'explain']), { command: { kind: 'help', topic: 'explain' } });
});

test('other commands', () => {
  assert.deepEqual(parseArgs(['test', 'a.termguard.yaml', 'b.termguard.yaml']), { command: { kind: 'test', packs: ['a.termguard.yaml', 'b.termguard.yaml'] } });
  assert.deepEqual(parseArgs(['explain', 'no-x', '--config', 'c']), { command: { kind: 'explain', ruleId: 'no-x', config: 'c' } });
  assert.deepEqual(parseArgs(['define', 'single', 'sign-on']), { command: { kind: 'define', term: 'single sign-on' } });
  assert.deepEqual(parseArgs(['server', '--stdio']), { command: { kind: 'server', transport: 'stdio' } });
});

test('byte sizes', () => {
  assert.equal(parseByteSize('100'), 100);
  assert.equal(parseByteSize('2K'), 2048);
  assert.equal(parseByteSize('64m'), 64 * 1024 * 1024);
  assert.equal(parseByteSize('1GiB'), 1024 ** 3);
  assert.equal(parseByteSize('0'), undefined);
  assert.equal(parseByteSize('-5'), undefined);
  assert.equal(parseByteSize('5x'), undefined);
});
