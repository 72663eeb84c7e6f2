import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PackSource } from '../../server/src/engine/api';
import { run, tempTree, writeTree } from '../helpers/cliRun';

test('json output is exactly one array entry per checked file with the documented keys', async () => {
  const root = tempTree({ 'docs/a.md': 'Fine.\n\nThis is forbidden and meh.\n', 'docs/b.txt': 'All good.\n', 'docs/skip.py': 'forbidden' });
  const { code, out, err } = await run(root, ['check', '--format', 'json', 'docs']);
  assert.equal(err, '');
  assert.equal(code, 1);
  const parsed = JSON.parse(out);
  assert.deepEqual(parsed, [
    {
      file: 'docs/a.md',
      diagnostics: [
        {
          ruleId: 'no-forbidden',
          severity: 'error',
          message: 'Avoid "forbidden".',
          range: { start: { line: 2, character: 8 }, end: { line: 2, character: 17 } },
          fixes: [
            {
              title: 'Replace with "allowed"',
              edits: [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 17 } }, newText: 'allowed' }],
            },
          ],
        },
        {
          ruleId: 'no-meh',
          severity: 'warning',
          message: 'Avoid "meh".',
          range: { start: { line: 2, character: 22 }, end: { line: 2, character: 25 } },
          fixes: [],
        },
      ],
    },
    { file: 'docs/b.txt', diagnostics: [] },
  ]);
  // The text itself is what JSON.stringify(report, null, 2) writes, byte for byte (the formatter writes it by hand, for speed).
  assert.equal(out, JSON.stringify(parsed, null, 2) + '\n');
});

test('exit status: 0 for warnings only, 1 for errors, 2 for usage errors and missing paths', async () => {
  const root = tempTree({ 'warn.md': 'meh\n', 'err.md': 'forbidden\n', 'empty.md': '' });
  assert.equal((await run(root, ['check', 'warn.md', 'empty.md'])).code, 0);
  assert.equal((await run(root, ['check', 'err.md'])).code, 1);
  assert.equal((await run(root, ['check', '--format', 'xml'])).code, 2);
  const missing = await run(root, ['check', 'warn.md', 'missing.md']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /missing\.md: no such file or directory/);
  // The files that exist are still checked and reported.
  assert.match(missing.out, /^warn\.md:1:1 /);
});

test('severity overrides from the config reach the engine; category keys work; unknown keys warn', async () => {
  const root = tempTree({
    '.termguard.yaml': 'rules:\n  no-forbidden: warning\n  "category:test": hint\n  no-such-rule: off\n',
    'a.md': 'forbidden meh\n',
  });
  const { code, out, err } = await run(root, ['check', '--format', 'json']);
  assert.equal(code, 0);
  assert.deepEqual(
    JSON.parse(out)[0].diagnostics.map((d: { severity: string }) => d.severity),
    ['warning', 'hint'],
  );
  assert.match(err, /^\.termguard\.yaml:4:3: warning: unknown rule `no-such-rule`/m);
});

test('config errors exit 2 naming file:line:col; broken packs too', async () => {
  const root = tempTree({
    'a/.termguard.yaml': 'rules:\n  no-forbidden: loud\n',
    'a/x.md': 'x',
    'b/.termguard.yaml': 'packs: [bad.termguard.yaml]\n',
    'b/bad.termguard.yaml': 'pack: bad\nrule r x error\nbroken\n',
    'b/y.md': 'x',
  });
  const config = await run(root, ['check', 'a']);
  assert.equal(config.code, 2);
  assert.match(config.err, /^a\/\.termguard\.yaml:2:17: error: /m);
  assert.equal(config.out, '');
  const pack = await run(root, ['check', 'b']);
  assert.equal(pack.code, 2);
  assert.match(pack.err, /^b\/bad\.termguard\.yaml:3:3: error: this pack is broken/m);
});

test('a broken pack is reported at file:line:col and fails the run, while the built-in rules and the other packs still check', async () => {
  const root = tempTree({
    '.termguard.yaml': 'root: true\npacks: [good.termguard.yaml, bad.termguard.yaml]\n',
    'good.termguard.yaml': 'rule good/no-meh2 meh2 warning\n',
    'bad.termguard.yaml': 'pack: bad\nrule bad/no-x x error\nbroken\n',
    'a.md': 'This is forbidden, meh2 and x.\n',
  });
  const { code, out, err } = await run(root, ['check', '--format', 'json', 'a.md']);
  assert.equal(code, 2, err);
  assert.match(err, /^bad\.termguard\.yaml:3:3: error: this pack is broken/m);
  const report = JSON.parse(out) as { file: string; diagnostics: { ruleId: string }[] }[];
  assert.deepEqual(
    report.map((file) => [file.file, file.diagnostics.map((diagnostic) => diagnostic.ruleId)]),
    [['a.md', ['no-forbidden', 'good/no-meh2']]],
  );
});

test('--fix and --update-baseline write nothing while a pack is broken', async () => {
  const root = tempTree({
    '.termguard.yaml': 'root: true\npacks: [bad.termguard.yaml]\n',
    'bad.termguard.yaml': 'pack: bad\nbroken\n',
    'a.md': 'This is forbidden.\n',
  });
  for (const args of [
    ['check', '--fix', 'a.md'],
    ['check', '--update-baseline', '--baseline', 'base.json', 'a.md'],
  ]) {
    const { code, err } = await run(root, args);
    assert.equal(code, 2, err);
    assert.match(err, /^bad\.termguard\.yaml:2:3: error: this pack is broken/m);
  }
  assert.equal(fs.readFileSync(path.join(root, 'a.md'), 'utf8'), 'This is forbidden.\n');
  assert.equal(fs.existsSync(path.join(root, 'base.json')), false);
});

// The alias cap of the YAML parser is what keeps this quick; the test's timeout is only a guard against a hang.
test('a YAML alias bomb config is a located config error', { timeout: 60_000 }, async () => {
  const lines = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i < 12; i++)
    lines.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  const root = tempTree({ '.termguard.yaml': `${lines.join('\n')}\n`, 'a.md': 'x' });
  const { code, err } = await run(root, ['check']);
  assert.equal(code, 2);
  assert.match(err, /^\.termguard\.yaml:\d+:\d+: error: /m);
});

test('engines are built once per distinct pack set, not per file', async () => {
  const root = tempTree({
    'team.termguard.yaml': 'rule no-team team error',
    'a/.termguard.yaml': 'packs: [../team.termguard.yaml]\n',
    'a/1.md': 'team',
    'a/2.md': 'team',
    'a/sub/3.md': 'team',
    'b/.termguard.yaml': 'rules:\n  no-meh: off\n',
    'b/4.md': 'x',
    'c/5.md': 'x',
  });
  const builds: (readonly PackSource[])[] = [];
  const { code, out } = await run(root, ['check', '--format', 'json'], { onEngine: (packs) => builds.push(packs) });
  assert.equal(builds.length, 2);
  assert.deepEqual(builds.map((packs) => packs.map((pack) => pack.file).includes('team.termguard.yaml')).sort(), [false, true]);
  assert.equal(code, 1);
  assert.equal(JSON.parse(out).length, 5);
});

test('config `ignore` globs skip files (with a note for explicitly named ones)', async () => {
  const root = tempTree({
    '.termguard.yaml': 'ignore: [drafts, "**/*.gen.md"]\n',
    'drafts/a.md': 'forbidden',
    'b.gen.md': 'forbidden',
    'c.md': 'ok',
  });
  const walked = await run(root, ['check', '--format', 'json']);
  assert.deepEqual(
    JSON.parse(walked.out).map((entry: { file: string }) => entry.file),
    ['c.md'],
  );
  assert.equal(walked.code, 0);
  const explicit = await run(root, ['check', 'drafts/a.md']);
  assert.match(explicit.err, /drafts\/a\.md: ignored/);
  assert.equal(explicit.code, 0);
});

test('binary, invalid UTF-8 and oversized files are skipped with a note; others still checked', async () => {
  const root = tempTree({
    'bin.md': new Uint8Array([0x66, 0x00, 0x01]),
    'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'big.md': 'forbidden '.repeat(20),
    'ok.md': 'forbidden',
  });
  const before = fs.readFileSync(path.join(root, 'latin1.md'));
  const { code, out, err } = await run(root, ['check', '--format', 'json', '--max-file-size', '100', '--fix']);
  assert.match(err, /bin\.md looks binary.*skipped/);
  assert.match(err, /latin1\.md is not valid UTF-8 \(first bad byte at offset 3, line 1\); skipped/);
  assert.match(err, /big\.md is 200 bytes, over --max-file-size 100; skipped/);
  assert.deepEqual(
    JSON.parse(out).map((entry: { file: string }) => entry.file),
    ['ok.md'],
  );
  assert.deepEqual(fs.readFileSync(path.join(root, 'latin1.md')), before);
  assert.equal(code, 0); // ok.md was fixed
});

test('--fix rewrites only the fixed words: line endings, BOM and other bytes stay identical', async () => {
  const original = '\uFEFF# Title\r\n\r\nThis forbidden thing 😀 is meh.\rforbidden\n\tend forbidden';
  const root = tempTree({ 'doc.md': original, 'clean.md': 'Nothing here.\r\n', 'unfixable.md': 'meh\n' });
  const mtimeClean = fs.statSync(path.join(root, 'clean.md')).mtimeMs;
  const mtimeUnfixable = fs.statSync(path.join(root, 'unfixable.md')).mtimeMs;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const { code, out } = await run(root, ['check', '--fix']);
  const fixed = fs.readFileSync(path.join(root, 'doc.md'));
  const expected = Buffer.from(original.replaceAll('forbidden', 'allowed'), 'utf8');
  assert.deepEqual(fixed, expected);
  assert.equal(fixed[0], 0xef);
  assert.equal(fs.statSync(path.join(root, 'clean.md')).mtimeMs, mtimeClean);
  assert.equal(fs.statSync(path.join(root, 'unfixable.md')).mtimeMs, mtimeUnfixable);
  assert.equal(code, 0);
  assert.match(out, /3 findings fixed/);
  assert.match(out, /doc\.md:3:26\s+warning\s+Avoid "meh"\.\s+no-meh/);
});

test('stdin: `-` is checked as <stdin>; with --fix the fixed text goes to stdout and the report to stderr', async () => {
  const root = tempTree({});
  const checked = await run(root, ['check', '--format', 'json', '-'], { stdin: 'a forbidden b\n' });
  assert.equal(checked.code, 1);
  assert.equal(JSON.parse(checked.out)[0].file, '<stdin>');
  const fixed = await run(root, ['check', '--fix', '-'], { stdin: 'a forbidden b\r\n' });
  assert.equal(fixed.out, 'a allowed b\r\n');
  assert.match(fixed.err, /No problems in 1 file, 1 finding fixed/);
  assert.equal(fixed.code, 0);
  const binary = await run(root, ['check', '-'], { stdin: new Uint8Array([0, 1, 2]) });
  assert.equal(binary.code, 2);
  assert.match(binary.err, /<stdin> looks binary/);
});

test('stylish output: grouped, aligned, 1-based, summary; colour only when asked for', async () => {
  const root = tempTree({ 'a.md': 'meh\n\nforbidden\n' });
  const plain = await run(root, ['check']);
  assert.equal(
    plain.out,
    'a.md:1:1  warning  Avoid "meh".  no-meh\na.md:3:1  error    Avoid "forbidden".  no-forbidden\n\n✖ 2 problems (1 error, 1 warning) in 1 file checked\n',
  );
  assert.doesNotMatch(plain.out, /\u001b\[/);
  const tty = await run(root, ['check'], { isTTY: true });
  assert.match(tty.out, /\u001b\[31merror/);
  const noColor = await run(root, ['check'], { isTTY: true, env: { NO_COLOR: '1' } });
  assert.doesNotMatch(noColor.out, /\u001b\[/);
  const clean = await run(tempTree({ 'b.md': 'fine' }), ['check']);
  assert.equal(clean.out, '✔ No problems in 1 file\n');
});

test('sarif output has the fields GitHub code scanning requires', async () => {
  const root = tempTree({ 'docs/my file.md': 'x\nforbidden 😀 meh\n' });
  const { code, out } = await run(root, ['check', '--format', 'sarif']);
  assert.equal(code, 1);
  const log = JSON.parse(out);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const [runEntry] = log.runs;
  const driver = runEntry.tool.driver;
  assert.equal(driver.name, 'Termguard');
  assert.equal(driver.version, '9.9.9');
  assert.match(driver.informationUri, /^https:\/\//);
  const rule = driver.rules.find((candidate: { id: string }) => candidate.id === 'no-forbidden');
  assert.equal(rule.shortDescription.text, 'Avoid "forbidden".');
  assert.equal(rule.fullDescription.text, '"forbidden" is not allowed here.');
  assert.match(rule.help.text, /allowed/);
  assert.match(rule.help.markdown, /This is forbidden\./);
  assert.equal(rule.defaultConfiguration.level, 'error');
  assert.equal(runEntry.results.length, 2);
  const [error, warning] = runEntry.results;
  assert.equal(error.ruleId, 'no-forbidden');
  assert.equal(driver.rules[error.ruleIndex].id, 'no-forbidden');
  assert.equal(error.level, 'error');
  assert.equal(warning.level, 'warning');
  assert.equal(error.message.text, 'Avoid "forbidden".');
  const location = error.locations[0].physicalLocation;
  assert.deepEqual(location.artifactLocation, { uri: 'docs/my%20file.md', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(location.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 10 });
  assert.deepEqual(warning.locations[0].physicalLocation.region, { startLine: 2, startColumn: 14, endLine: 2, endColumn: 17 });
  assert.equal(typeof Object.values(error.partialFingerprints)[0], 'string');
  assert.deepEqual(error.fixes[0].artifactChanges[0].replacements[0], {
    deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 10 },
    insertedContent: { text: 'allowed' },
  });
  assert.match(runEntry.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
});

test('baseline round trip: update, clean run, then one new finding is reported', async () => {
  const root = tempTree({ 'docs/a.md': 'One forbidden thing.\n\nTwo forbidden things. Meh.\n', 'b.txt': 'forbidden' });
  const update = await run(root, ['check', '--baseline', '.termguard/baseline.json', '--update-baseline']);
  assert.equal(update.code, 0);
  assert.match(update.err, /baseline written to \.termguard\/baseline\.json: 3 findings/);
  const baseline = JSON.parse(fs.readFileSync(path.join(root, '.termguard', 'baseline.json'), 'utf8'));
  assert.deepEqual(
    baseline.entries.map((entry: { file: string; ruleId: string; count: number }) => [entry.file, entry.ruleId, entry.count]),
    [
      ['../b.txt', 'no-forbidden', 1],
      ['../docs/a.md', 'no-forbidden', 1],
      ['../docs/a.md', 'no-forbidden', 1],
    ],
  );

  const clean = await run(root, ['check', '--format', 'json', '--baseline', '.termguard/baseline.json']);
  assert.equal(clean.code, 0);
  assert.ok(JSON.parse(clean.out).every((entry: { diagnostics: unknown[] }) => entry.diagnostics.length === 0));

  // Moving text around does not matter; a new occurrence does.
  writeTree(root, { 'docs/a.md': 'Intro.\n\nTwo forbidden things. Meh.\n\nOne forbidden thing.\n\nThree forbidden.\n' });
  const after = await run(root, ['check', '--format', 'json', '--baseline', '.termguard/baseline.json']);
  assert.equal(after.code, 1);
  const diagnostics = JSON.parse(after.out).flatMap(
    (entry: { diagnostics: { range: { start: { line: number } } }[] }) => entry.diagnostics,
  );
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].range.start.line, 6);

  const missing = await run(root, ['check', '--baseline', 'nope.json']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.json: cannot read baseline/);
});

test('a 50 MB file is checked, not skipped', async () => {
  const chunk = 'Plain words in a long document, nothing to see here.\n';
  const body = chunk.repeat(Math.ceil((50 * 1024 * 1024) / chunk.length));
  const root = tempTree({ 'huge.md': `${body}forbidden\n` });
  const { code, out, err } = await run(root, ['check', '--format', 'json']);
  assert.equal(err, '');
  assert.equal(code, 1);
  const [entry] = JSON.parse(out);
  assert.equal(entry.diagnostics.length, 1);
  assert.equal(entry.diagnostics[0].range.start.line, body.length / chunk.length);
});
