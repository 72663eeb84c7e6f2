/**
 * The options that fit `termguard check` into pipelines: --quiet,
 * --max-warnings, colour, --output-file, --stdin-filepath, --rule and
 * --category, --cache and --changed-since.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentKind, Engine } from '../../server/src/engine/api';
import type { AtomicWriteFileSystem } from '../../server/src/project/atomicWrite';
import { parseUnifiedDiff, unquoteC } from '../../server/src/cli/changedLines';
import { run, tempTree, writeTree } from '../helpers/cliRun';

/** True when the text holds an ANSI escape sequence. */
const coloured = (text: string): boolean => text.includes('\u001b[');

/** Wraps engines so a test can count checks and see the kinds checked. */
function countingEngine(log: { checks: number; kinds: DocumentKind[] }): (engine: Engine) => Engine {
  return (engine) => {
    const wrapped = Object.create(engine) as Engine;
    wrapped.check = (text, kind, options) => {
      log.checks++;
      log.kinds.push(kind);
      return engine.check(text, kind, options);
    };
    return wrapped;
  };
}

test('--quiet reports errors only; --max-warnings fails the run when warnings exceed it, hidden or not', async () => {
  const root = tempTree({ 'a.md': 'meh meh\n', 'b.md': 'forbidden meh\n' });
  const quiet = await run(root, ['check', '--quiet', '--format', 'json']);
  assert.deepEqual(
    JSON.parse(quiet.out).flatMap((file: { diagnostics: { ruleId: string }[] }) => file.diagnostics.map((d) => d.ruleId)),
    ['no-forbidden'],
  );
  assert.equal(quiet.code, 1);

  assert.equal((await run(root, ['check', 'a.md', '--max-warnings', '2'])).code, 0);
  const over = await run(root, ['check', 'a.md', '--max-warnings', '1']);
  assert.equal(over.code, 1);
  assert.match(over.err, /^termguard: 2 warnings found, more than --max-warnings 1 allows$/m);
  // --quiet hides the warnings from the report, but they still count.
  const quietOver = await run(root, ['check', 'a.md', '--quiet', '--max-warnings', '0']);
  assert.equal(quietOver.code, 1);
  assert.match(quietOver.out, /No problems in 1 file/);
});

test('colour: --color and --no-color win over FORCE_COLOR, which wins over NO_COLOR and the terminal', async () => {
  const root = tempTree({ 'a.md': 'meh\n' });
  const cases: [string[], Record<string, string>, boolean, boolean][] = [
    [[], {}, false, false],
    [[], {}, true, true],
    [[], { NO_COLOR: '1' }, true, false],
    [[], { FORCE_COLOR: '1' }, false, true],
    [[], { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [[], { FORCE_COLOR: '0' }, true, false],
    [['--color'], { NO_COLOR: '1' }, false, true],
    [['--no-color'], { FORCE_COLOR: '1' }, true, false],
    [['--no-color', '--color'], {}, false, true],
  ];
  for (const [flags, env, isTTY, expected] of cases) {
    const { out } = await run(root, ['check', ...flags, 'a.md'], { env, isTTY });
    assert.equal(coloured(out), expected, `${flags.join(' ')} ${JSON.stringify(env)} tty=${isTTY}`);
  }
});

test('--output-file writes the report to a file in one step, creating its folder, and nothing to stdout', async () => {
  const root = tempTree({ 'a.md': 'forbidden\n' });
  const first = await run(root, ['check', '--format', 'json', '-o', 'reports/out.json', 'a.md'], {
    isTTY: true,
    env: { FORCE_COLOR: '1' },
  });
  assert.equal(first.code, 1);
  assert.equal(first.out, '');
  const report = fs.readFileSync(path.join(root, 'reports/out.json'), 'utf8');
  assert.equal(JSON.parse(report)[0].file, 'a.md');
  // A stylish report in a file is not coloured unless --color asks for it.
  await run(root, ['check', '-o', 'reports/out.txt', 'a.md'], { env: { FORCE_COLOR: '1' } });
  assert.equal(coloured(fs.readFileSync(path.join(root, 'reports/out.txt'), 'utf8')), false);
  assert.deepEqual(fs.readdirSync(path.join(root, 'reports')).sort(), ['out.json', 'out.txt']);
});

test('--output-file: a write that fails leaves the old report whole, says why, and exits 2', async () => {
  const root = tempTree({ 'a.md': 'forbidden\n'.repeat(100), 'out.json': 'old report' });
  const fileSystem: AtomicWriteFileSystem = {
    ...fs,
    writeSync: () => {
      throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
    },
  };
  const { code, err } = await run(root, ['check', '--format', 'json', '-o', 'out.json', 'a.md'], { dependencies: { fileSystem } });
  assert.equal(code, 2);
  assert.match(err, /^termguard: could not write out\.json: no space left on device; the file is unchanged$/m);
  assert.equal(fs.readFileSync(path.join(root, 'out.json'), 'utf8'), 'old report');
  assert.deepEqual(fs.readdirSync(root).sort(), ['a.md', 'out.json']);
});

test('--stdin-filepath: standard input gets the kind, config, ignore rules and name of that path', async () => {
  const root = tempTree({ 'docs/.termguard.yaml': 'rules:\n  no-meh: error\nignore: [drafts]\n', 'docs/drafts/.keep': '' });
  const log = { checks: 0, kinds: [] as DocumentKind[] };
  const notes = await run(root, ['check', '--format', 'json', '--stdin-filepath', 'docs/notes.txt'], {
    stdin: 'meh\n',
    wrapEngine: countingEngine(log),
  });
  assert.deepEqual(log.kinds, ['plaintext']);
  const [entry] = JSON.parse(notes.out);
  assert.equal(entry.file, 'docs/notes.txt');
  assert.equal(entry.diagnostics[0].severity, 'error', 'the config of docs/ applies');
  assert.equal(notes.code, 1);

  await run(root, ['check', '--stdin-filepath', 'docs/readme.md', '-'], { stdin: 'x', wrapEngine: countingEngine(log) });
  assert.equal(log.kinds.at(-1), 'markdown');

  // An ignored path is not checked; with --fix its text comes back unchanged, so an editor piping through loses nothing.
  const ignored = await run(root, ['check', '--fix', '--stdin-filepath', 'docs/drafts/a.md'], { stdin: '\uFEFFforbidden meh\n' });
  assert.equal(ignored.code, 0);
  assert.equal(ignored.out, '\uFEFFforbidden meh\n');
  assert.match(ignored.err, /docs\/drafts\/a\.md: ignored by the `ignore` setting of the config in docs/);
  const fixed = await run(root, ['check', '--fix', '--stdin-filepath', 'docs/x.md'], { stdin: 'forbidden\n' });
  assert.equal(fixed.out, 'allowed\n');
});

test('--rule and --category select what is reported and fixed; unknown names get a note with suggestions', async () => {
  const builtin = tempTree({
    'core.termguard.yaml':
      'rule no-forbidden forbidden error allowed\nrule no-meh meh warning\nrule style/nah nah warning nay category=style\n',
  });
  const pack = [path.join(builtin, 'core.termguard.yaml')];
  const root = tempTree({ 'a.md': 'forbidden meh nah\n' });
  const ids = (out: string): string[] => JSON.parse(out)[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
  assert.deepEqual(ids((await run(root, ['check', '-f', 'json', '--rule', 'no-meh'], { builtin: pack })).out), ['no-meh']);
  assert.deepEqual(ids((await run(root, ['check', '-f', 'json', '--category', 'style'], { builtin: pack })).out), ['style/nah']);
  assert.deepEqual(
    ids((await run(root, ['check', '-f', 'json', '--category', 'style', '--rule', 'no-forbidden'], { builtin: pack })).out),
    ['no-forbidden', 'style/nah'],
  );
  const typo = await run(root, ['check', '-f', 'json', '--rule', 'no-mehh', '--category', 'styel'], { builtin: pack });
  assert.match(typo.err, /no rule has the id `no-mehh` given to --rule; did you mean no-meh\?/);
  assert.match(typo.err, /no rule has the category `styel` given to --category; did you mean style\?/);
  assert.deepEqual(ids(typo.out), []);

  await run(root, ['check', '--fix', '--category', 'style'], { builtin: pack });
  assert.equal(fs.readFileSync(path.join(root, 'a.md'), 'utf8'), 'forbidden meh nay\n', 'only the selected rule was fixed');
});

test('--cache: unchanged files are not checked again; content, config, packs and build each invalidate', async () => {
  const builtin = tempTree({ 'core.termguard.yaml': 'rule no-forbidden forbidden error allowed\nrule no-meh meh warning\n' });
  const pack = path.join(builtin, 'core.termguard.yaml');
  const root = tempTree({ 'a.md': 'forbidden\n', 'b.md': 'meh\n', 'c.md': 'fine\n' });
  const log = { checks: 0, kinds: [] as DocumentKind[] };
  const check = async (buildId = 'build-1'): Promise<{ checks: number; out: string; code: number; err: string }> => {
    log.checks = 0;
    const result = await run(root, ['check', '--cache', '--format', 'json'], {
      builtin: [pack],
      wrapEngine: countingEngine(log),
      dependencies: { buildId: () => buildId },
    });
    return { checks: log.checks, out: result.out, code: result.code, err: result.err };
  };
  const first = await check();
  assert.equal(first.checks, 3);
  assert.ok(fs.existsSync(path.join(root, '.termguard-cache/.gitignore')));
  const second = await check();
  assert.equal(second.checks, 0);
  assert.equal(second.out, first.out, 'a cached result reports exactly what a check did');
  assert.equal(second.code, 1);

  fs.writeFileSync(path.join(root, 'c.md'), 'meh, now\n');
  assert.equal((await check()).checks, 1, 'a changed file is checked again');
  fs.writeFileSync(path.join(root, '.termguard.yaml'), 'rules:\n  no-meh: error\n');
  assert.equal((await check()).checks, 3, 'changed overrides invalidate every file');
  assert.equal((await check()).checks, 0);
  fs.appendFileSync(pack, 'rule no-x xyzzy warning\n');
  assert.equal((await check()).checks, 3, 'a changed pack invalidates every file');
  assert.equal((await check('build-2')).checks, 3, 'another build of Termguard invalidates every file');

  // A damaged or truncated entry is a miss, checked again and rewritten.
  const entries = fs.readdirSync(path.join(root, '.termguard-cache')).filter((name) => name.endsWith('.json'));
  for (const name of entries) fs.writeFileSync(path.join(root, '.termguard-cache', name), '{"format":1,"key":');
  const damaged = await check('build-2');
  assert.equal(damaged.checks, 3);
  assert.equal(damaged.err, '');
  assert.equal((await check('build-2')).checks, 0);
  // A removed cache folder is simply empty.
  fs.rmSync(path.join(root, '.termguard-cache'), { recursive: true });
  assert.equal((await check('build-2')).checks, 3);
});

test('--cache: runs sharing a cache folder at once agree, and a cache that cannot be written is noted once', async () => {
  const root = tempTree(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.md`, `forbidden ${i} meh\n`])));
  const runs = await Promise.all([1, 2, 3].map(() => run(root, ['check', '--cache', '--cache-location', 'shared', '-f', 'json'])));
  for (const result of runs) assert.equal(result.out, runs[0]!.out);
  const again = await run(root, ['check', '--cache', '--cache-location', 'shared', '-f', 'json']);
  assert.equal(again.out, runs[0]!.out);

  fs.writeFileSync(path.join(root, 'blocker'), 'a file where the cache folder should be');
  const blocked = await run(root, ['check', '--cache', '--cache-location', 'blocker/cache', '-f', 'json']);
  assert.equal(blocked.out, runs[0]!.out);
  assert.equal(blocked.err.match(/cannot write the cache/g)?.length, 1);
  assert.equal(blocked.code, 1);
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

test('--changed-since REF reports only findings on lines changed since REF, untracked files throughout', async () => {
  const root = tempTree({ 'docs/a.md': 'forbidden one\nfine\nmeh three\n', 'docs/same.md': 'forbidden\n', 'docs/gone.md': 'x\n' });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'base');
  writeTree(root, {
    'docs/a.md': 'forbidden one\nfine meh\nmeh three\nforbidden four\n',
    'docs/new.md': 'meh\n',
    'docs/-- odd name.md': 'forbidden\n',
  });
  fs.rmSync(path.join(root, 'docs/gone.md'));
  const log = { checks: 0, kinds: [] as DocumentKind[] };
  const { code, out, err } = await run(root, ['check', '--format', 'json', '--changed-since', 'main', 'docs'], {
    wrapEngine: countingEngine(log),
  });
  assert.equal(err, '');
  const found = JSON.parse(out).flatMap((file: { file: string; diagnostics: { ruleId: string; range: { start: { line: number } } }[] }) =>
    file.diagnostics.map((d) => `${file.file}:${d.range.start.line + 1} ${d.ruleId}`),
  );
  assert.deepEqual(found, ['docs/-- odd name.md:1 no-forbidden', 'docs/a.md:2 no-meh', 'docs/a.md:4 no-forbidden', 'docs/new.md:1 no-meh']);
  assert.equal(log.checks, 3, 'docs/same.md did not change, so it was not even checked');
  assert.equal(code, 1);
  // From a subfolder, paths still line up with git's.
  const sub = await run(path.join(root, 'docs'), ['check', '--format', 'json', '--changed-since', 'HEAD', 'a.md']);
  assert.deepEqual(JSON.parse(sub.out)[0].diagnostics.length, 2);
});

test('--changed-since outside a repository, with an unknown ref, or with an option for a ref is a clear error', async () => {
  const outside = tempTree({ 'a.md': 'forbidden\n' });
  const notRepo = await run(outside, ['check', '--changed-since', 'main', '--format', 'json']);
  assert.equal(notRepo.code, 2);
  assert.match(notRepo.err, /--changed-since needs a git repository, and .* is not inside one/);
  assert.match(JSON.parse(notRepo.out).error.message, /needs a git repository/);
  git(outside, 'init', '-q');
  const unknown = await run(outside, ['check', '--changed-since', 'no-such-branch']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /git does not know the ref `no-such-branch`/);
  const option = await run(outside, ['check', '--changed-since=--output=x']);
  assert.equal(option.code, 2);
  assert.match(option.err, /needs a git ref/);
  assert.equal(fs.existsSync(path.join(outside, 'x')), false);
});

test('parseUnifiedDiff: hunks of added lines, deletions, quoted and spaced names, bodies that look like headers', () => {
  const diff = [
    'diff --git a/sp ace.md b/sp ace.md',
    '--- a/sp ace.md\t',
    '+++ b/sp ace.md\t',
    '@@ -2 +2,2 @@ a',
    '-b',
    '+B',
    '+c',
    'diff --git "a/q\\"\\303\\251.md" "b/q\\"\\303\\251.md"',
    '--- "a/q\\"\\303\\251.md"',
    '+++ "b/q\\"\\303\\251.md"',
    '@@ -1,2 +0,0 @@',
    '--- a/looks-like-a-header',
    '-+++ b/not-a-file',
    '@@ -5,0 +6 @@',
    '++++ b/also-not-a-file',
    '\\ No newline at end of file',
    'diff --git a/deleted.md b/deleted.md',
    '--- a/deleted.md',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    '-gone',
    '',
  ].join('\n');
  const parsed = parseUnifiedDiff(diff);
  assert.deepEqual([...parsed.keys()], ['sp ace.md', 'q"é.md']);
  assert.deepEqual([...(parsed.get('sp ace.md') as Set<number>)], [1, 2]);
  assert.deepEqual([...(parsed.get('q"é.md') as Set<number>)], [5]);
  assert.equal(unquoteC('"a\\tb\\\\c"'), 'a\tb\\c');
});
