import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECK_OPTIONS, DEFAULT_MAX_FILE_SIZE, helpText, parseArgs, parseByteSize } from '../../server/src/cli/args';

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
    stdinKindGiven: false,
    quiet: false,
    rules: [],
    categories: [],
    cache: false,
    allowBrokenPacks: false,
    cacheLocation: '.termguard-cache',
    targets: ['.'],
  });
});

test('check options in both spellings, `-` positional', () => {
  const result = parseArgs([
    'check',
    '--format=json',
    '--config',
    'c.yaml',
    '--fix',
    '--baseline',
    'b.json',
    '--update-baseline',
    '--max-file-size',
    '512k',
    '--stdin-kind',
    'plaintext',
    'docs',
    '-',
    '*.md',
  ]);
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
    stdinKindGiven: true,
    quiet: false,
    rules: [],
    categories: [],
    cache: false,
    allowBrokenPacks: false,
    cacheLocation: '.termguard-cache',
    targets: ['docs', '-', '*.md'],
  });
});

test('the CI options: quiet, limits, filters, colour, output file, cache, changed lines, stdin path', () => {
  const result = parseArgs([
    'check',
    '-q',
    '--max-warnings',
    '0',
    '--rule',
    'a/b',
    '--rule=c/d',
    '--category',
    'naming',
    '--no-color',
    '--color',
    '-o',
    'report.sarif',
    '--cache',
    '--cache-location',
    'tmp/c',
    '--changed-since',
    'origin/main',
    '--stdin-filepath',
    'docs/x.txt',
  ]);
  assert.ok('command' in result);
  assert.deepEqual(result.command, {
    kind: 'check',
    format: 'stylish',
    fix: false,
    updateBaseline: false,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    stdinKind: 'plaintext',
    stdinKindGiven: false,
    stdinFilepath: 'docs/x.txt',
    quiet: true,
    maxWarnings: 0,
    rules: ['a/b', 'c/d'],
    categories: ['naming'],
    color: true,
    outputFile: 'report.sarif',
    cache: true,
    allowBrokenPacks: false,
    cacheLocation: 'tmp/c',
    changedSince: 'origin/main',
    targets: ['-'],
  });
  // The last of --color and --no-color wins; --stdin-kind wins over the extension of --stdin-filepath.
  const noColor = parseArgs(['check', '--color', '--no-color', '--stdin-kind', 'markdown', '--stdin-filepath', 'x.txt', '-']);
  assert.ok('command' in noColor && noColor.command.kind === 'check');
  assert.equal(noColor.command.color, false);
  assert.equal(noColor.command.stdinKind, 'markdown');
});

test('every option of check is in --help, and --help lists nothing else', () => {
  const help = helpText('check');
  for (const option of CHECK_OPTIONS) assert.match(help, new RegExp(`--${option.name}\\b`), option.name);
  const listed = [...help.matchAll(/^\s+(?:-\w, )?--([\w-]+)/gm)].map((match) => match[1]);
  assert.deepEqual(
    listed,
    CHECK_OPTIONS.map((option) => option.name),
  );
});

test('usage errors are messages, not throws', () => {
  for (const argv of [
    ['check', '--format', 'xml'],
    ['check', '--bogus'],
    ['check', '--format'],
    ['check', '--update-baseline'],
    ['check', '--max-file-size', 'lots'],
    ['check', '--stdin-kind', 'klingon'],
    ['check', '-', '-'],
    ['check', '--max-warnings', '-1'],
    ['check', '--max-warnings', 'many'],
    ['check', '--rule', ''],
    ['check', '--stdin-filepath', 'x.md', 'docs'],
    ['init', 'extra'],
    ['print-config'],
    ['list-rules', '--format', 'xml'],
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
  assert.deepEqual(parseArgs(['test', 'a.termguard.yaml', 'b.termguard.yaml']), {
    command: { kind: 'test', packs: ['a.termguard.yaml', 'b.termguard.yaml'] },
  });
  assert.deepEqual(parseArgs(['explain', 'no-x', '--config', 'c']), { command: { kind: 'explain', ruleId: 'no-x', config: 'c' } });
  assert.deepEqual(parseArgs(['define', 'single', 'sign-on']), { command: { kind: 'define', term: 'single sign-on' } });
  assert.deepEqual(parseArgs(['server', '--stdio']), { command: { kind: 'server', transport: 'stdio' } });
  assert.deepEqual(parseArgs(['init']), { command: { kind: 'init' } });
  assert.deepEqual(parseArgs(['print-config', 'docs/a.md', '-c', 'x.yaml']), {
    command: { kind: 'print-config', file: 'docs/a.md', config: 'x.yaml' },
  });
  assert.deepEqual(parseArgs(['list-rules']), { command: { kind: 'list-rules', format: 'table' } });
  assert.deepEqual(parseArgs(['list-terms', '--format', 'json']), { command: { kind: 'list-terms', format: 'json' } });
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
