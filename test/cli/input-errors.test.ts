/**
 * Input that cannot be checked: files named on the command line fail the run
 * (exit 2) with a clear message while the other files are still checked;
 * odd paths get names for what is wrong with them; packs and configs that are
 * devices, huge or not YAML at all are refused without echoing their content.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../server/src/engine/index';
import { run, tempTree } from '../helpers/cliRun';

const STACK_LINE = /^\s+at /m;
const UTF16 = new Uint8Array([0xff, 0xfe, 0x66, 0x00, 0x6f, 0x00]);
const LATIN1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]);
const BINARY = new Uint8Array([0x66, 0x00, 0x01]);

test('a file named on the command line that cannot be checked fails the run; the others are still checked', async () => {
  const root = tempTree({
    'utf16.md': UTF16,
    'latin1.md': LATIN1,
    'bin.md': BINARY,
    'big.md': 'meh '.repeat(50),
    'ok.md': 'meh',
    'other.md': 'meh',
  });
  for (const [name, message] of [
    ['utf16.md', /^termguard: utf16\.md is UTF-16 encoded; only UTF-8 is supported, so it cannot be checked$/m],
    ['latin1.md', /^termguard: latin1\.md is not valid UTF-8 \(first bad byte at offset 3, line 1\), so it cannot be checked$/m],
    ['bin.md', /^termguard: bin\.md looks binary \(NUL bytes\), so it cannot be checked$/m],
    ['big.md', /^termguard: big\.md is 200 bytes, over --max-file-size 100, so it cannot be checked$/m],
  ] as const) {
    const { code, out, err } = await run(root, ['check', '--format', 'json', '--max-file-size', '100', 'ok.md', name, 'other.md']);
    assert.equal(code, 2, name);
    assert.match(err, message);
    assert.deepEqual(
      JSON.parse(out).map((entry: { file: string }) => entry.file),
      ['ok.md', 'other.md'],
      name,
    );
  }
  const stylish = await run(root, ['check', 'ok.md', 'bin.md']);
  assert.equal(stylish.code, 2);
  assert.match(stylish.out, /✖ 1 problem \(0 errors, 1 warning\) in 1 file checked; 1 file could not be checked$/m);
});

test('files found by walking a folder that cannot be checked are skipped with a notice', async () => {
  const root = tempTree({ 'docs/utf16.md': UTF16, 'docs/ok.md': 'fine' });
  const { code, out, err } = await run(root, ['check', '--format', 'json', 'docs']);
  assert.equal(code, 0);
  assert.match(err, /^termguard: docs\/utf16\.md is UTF-16 encoded; only UTF-8 is supported; skipped$/m);
  assert.deepEqual(
    JSON.parse(out).map((entry: { file: string }) => entry.file),
    ['docs/ok.md'],
  );
});

test('a missing path among several is reported, the rest are checked, and the run exits 2', async () => {
  const root = tempTree({ 'a.md': 'forbidden', 'b.md': 'meh' });
  const { code, out, err } = await run(root, ['check', '--format', 'json', 'a.md', 'missing.md', 'b.md', 'nothing/*.md']);
  assert.equal(code, 2);
  assert.match(err, /^termguard: missing\.md: no such file or directory$/m);
  assert.match(err, /^termguard: nothing\/\*\.md: no files match this pattern$/m);
  assert.deepEqual(
    JSON.parse(out).map((entry: { file: string }) => entry.file),
    ['a.md', 'b.md'],
  );
  const stylish = await run(root, ['check', 'b.md', 'missing.md']);
  assert.equal(stylish.code, 2);
  assert.match(stylish.out, /✖ 1 problem \(0 errors, 1 warning\) in 1 file checked; 1 file could not be checked$/m);
  const alone = await run(root, ['check', 'missing.md']);
  assert.equal(alone.code, 2);
  assert.equal(alone.out, '✖ 1 file could not be checked; no problems in 0 files checked\n');
});

test('symbolic link loops and broken links are named as such', async () => {
  const root = tempTree({ 'docs/ok.md': 'fine' });
  fs.symlinkSync('loop2', path.join(root, 'loop1'));
  fs.symlinkSync('loop1', path.join(root, 'loop2'));
  fs.symlinkSync('nowhere.md', path.join(root, 'broken.md'));
  fs.symlinkSync('../loop1', path.join(root, 'docs/looped.md'));
  const explicit = await run(root, ['check', 'loop1', 'broken.md']);
  assert.equal(explicit.code, 2);
  assert.match(explicit.err, /^termguard: loop1: symbolic link loop$/m);
  assert.match(explicit.err, /^termguard: broken\.md: broken symbolic link \(its target does not exist\)$/m);
  const walked = await run(root, ['check', '--format', 'json', 'docs']);
  assert.equal(walked.code, 0);
  assert.match(walked.err, /docs\/looped\.md: symbolic link loop; skipped/);
  assert.deepEqual(
    JSON.parse(walked.out).map((entry: { file: string }) => entry.file),
    ['docs/ok.md'],
  );
});

test('--fix - keeps the byte-order mark of standard input', async () => {
  const root = tempTree({});
  const fixed = await run(root, ['check', '--fix', '-'], { stdin: '\uFEFFa forbidden b\n' });
  assert.equal(fixed.out, '\uFEFFa allowed b\n');
  assert.equal(fixed.code, 0);
  const unchanged = await run(root, ['check', '--fix', '-'], { stdin: '\uFEFFnothing to fix\n' });
  assert.equal(unchanged.out, '\uFEFFnothing to fix\n');
});

test('a pack or config that is a device, a folder or too large is refused with a clear message', { timeout: 30_000 }, async () => {
  const root = tempTree({ 'a.md': 'x', 'packs/dir/x': '' });
  const huge = path.join(root, 'huge.termguard.yaml');
  fs.writeFileSync(huge, '');
  fs.truncateSync(huge, 17 * 1024 * 1024);
  for (const [pack, message] of [
    ['/dev/zero', /^\.termguard\.yaml:1:\d+: error: pack file \/dev\/zero is not a regular file$/m],
    ['packs/dir', /^\.termguard\.yaml:1:\d+: error: pack file packs\/dir is not a regular file$/m],
    [
      'huge.termguard.yaml',
      /^huge\.termguard\.yaml:1:1: error: pack file is 17825792 bytes, over the limit of 16777216 bytes for packs and configs$/m,
    ],
  ] as const) {
    fs.writeFileSync(path.join(root, '.termguard.yaml'), `packs: [${pack}]\n`);
    const { code, err } = await run(root, ['check', 'a.md']);
    assert.equal(code, 2, pack);
    assert.match(err, message);
  }
  fs.rmSync(path.join(root, '.termguard.yaml'));
  const config = await run(root, ['check', '--config', '/dev/zero', 'a.md']);
  assert.equal(config.code, 2);
  assert.match(config.err, /^\/dev\/zero:1:1: error: config file is not a regular file$/m);
  const examples = await run(root, ['test', '/dev/zero']);
  assert.equal(examples.code, 2);
  assert.equal(examples.err, 'termguard: /dev/zero: not a regular file\n');
});

const SHADOW = [
  'root:$6$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ:19000:0:99999:7:::',
  'daemon:*:19000:0:99999:7:::',
  'bin:*:19000:0:99999:7:::',
  '',
].join('\n');

test('a pack or config that is not YAML of the right kind is refused with at most a short excerpt', async () => {
  const root = tempTree({ shadow: SHADOW, 'a.md': 'x', '.termguard.yaml': 'packs: [shadow]\n' });
  const real = { dependencies: { engineFactory: createEngine, builtinPackFiles: () => [] } };
  for (const argv of [
    ['check', 'a.md'],
    ['check', '--config', 'shadow', 'a.md'],
  ]) {
    const { code, err } = await run(root, argv, real);
    assert.equal(code, 2, argv.join(' '));
    const lines = err.trim().split('\n');
    assert.equal(lines.length, 1, err);
    assert.match(
      lines[0]!,
      /^shadow:1:1: error: (pack|config) file is not a Termguard (rule pack|config); it begins "root:\$6\$abcdefg.{0,20}…"/,
    );
    assert.doesNotMatch(err, /daemon|ABCDEFGHIJ/);
  }
  // A real pack with a mistake still gets the precise message.
  fs.writeFileSync(
    path.join(root, 'team.termguard.yaml'),
    'pack: team\nrules:\n  - id: team/a\n    category: c\n    severity: error\n    message: m\n    reason: r\n    patterns: [foo]\n    colour: red\n',
  );
  fs.writeFileSync(path.join(root, '.termguard.yaml'), 'packs: [team.termguard.yaml]\n');
  const team = await run(root, ['check', 'a.md'], real);
  assert.equal(team.code, 2);
  assert.match(team.err, /team\.termguard\.yaml:9:5: error: .*colour/);
});

test('usage and configuration errors under --format json print a JSON error object on stdout', async () => {
  const root = tempTree({ 'a.md': 'x', 'bad/.termguard.yaml': 'rules:\n  no-forbidden: loud\n', 'bad/b.md': 'x' });
  for (const argv of [
    ['check', '--format', 'json', '--bogus'],
    ['check', '--format=json', '--max-file-size', 'lots'],
    ['check', '-f', 'json', '-', '-'],
  ]) {
    const { code, out, err } = await run(root, argv);
    assert.equal(code, 2, argv.join(' '));
    const parsed = JSON.parse(out) as { error: { message: string } };
    assert.equal(typeof parsed.error.message, 'string');
    assert.ok(err.includes(parsed.error.message), `${err} / ${parsed.error.message}`);
  }
  assert.match(JSON.parse((await run(root, ['check', '--format', 'json', '--bogus'])).out).error.message, /unknown option `--bogus`/);
  const config = await run(root, ['check', '--format', 'json', 'bad']);
  assert.equal(config.code, 2);
  assert.match(JSON.parse(config.out).error.message, /bad\/\.termguard\.yaml:2:17: error: /);
  const stylish = await run(root, ['check', '--bogus']);
  assert.equal(stylish.out, '');
});

test('none of these errors prints a stack trace', async () => {
  const root = tempTree({ 'bin.md': BINARY, '.termguard.yaml': 'packs: [/dev/zero]\n' });
  for (const argv of [
    ['check', 'bin.md'],
    ['check', '--format', 'json', '--nope'],
    ['check', 'nope.md'],
  ]) {
    const { err } = await run(root, argv);
    assert.doesNotMatch(err, STACK_LINE, argv.join(' '));
  }
});
