import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseTermguardConfig, mergeTermguardConfigs } from '../../server/src/engine/packs/termguardConfig';
import { ConfigResolver, EngineCache, ignoredByConfig } from '../../server/src/project/configResolution';
import { FakeEngine, tempTree } from '../helpers/cliRun';

test('parseTermguardConfig accepts every documented key', () => {
  const text =
    'root: true\nbuiltin: false\npacks:\n  - team.termguard.yaml\nrules:\n  no-x: off\n  "category:inclusive": warning\nignore:\n  - drafts/**\n';
  const { config, problems } = parseTermguardConfig(text, 'c.yaml');
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    root: true,
    builtin: false,
    packs: ['team.termguard.yaml'],
    rules: { 'no-x': 'off', 'category:inclusive': 'warning' },
    ignore: ['drafts/**'],
  });
  assert.deepEqual(parseTermguardConfig('', 'c.yaml').config, {});
  assert.deepEqual(parseTermguardConfig('# only a comment\n', 'c.yaml').config, {});
});

test('schema and syntax errors are located (0-based line/column)', () => {
  const unknownKey = parseTermguardConfig('builtin: true\nbogus: 1\n', 'c.yaml');
  assert.equal(unknownKey.config, undefined);
  assert.equal(unknownKey.problems[0]!.line, 1);
  assert.match(unknownKey.problems[0]!.message, /bogus/);

  const badSeverity = parseTermguardConfig('rules:\n  no-x: loud\n', 'c.yaml');
  assert.equal(badSeverity.problems[0]!.line, 1);
  assert.equal(badSeverity.problems[0]!.column, 8);

  const syntax = parseTermguardConfig('packs: [a\n', 'c.yaml');
  assert.equal(syntax.config, undefined);
  assert.ok(syntax.problems.length > 0);
});

// The parser's alias cap is what refuses it; no clock is asserted (a loaded machine must not fail the test).
test('a YAML alias bomb is refused, not expanded', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  const { config, problems } = parseTermguardConfig(`${lines.join('\n')}\n`, 'bomb.yaml');
  assert.equal(config, undefined);
  assert.ok(
    problems.some((problem) => /alias/i.test(problem.message)),
    JSON.stringify(problems),
  );
});

test('mergeTermguardConfigs: nearer wins for scalars and rule keys, packs and ignores accumulate, root stops', () => {
  const merged = mergeTermguardConfigs(
    [
      {
        file: 'sub/.termguard.yaml',
        dir: '/p/sub',
        config: { builtin: false, packs: ['b.yaml', '../a.yaml'], rules: { r1: 'error' }, ignore: ['x/**'] },
      },
      { file: '.termguard.yaml', dir: '/p', config: { root: true, packs: ['a.yaml'], rules: { r1: 'off', r2: 'hint' } } },
      { file: '../.termguard.yaml', dir: '/', config: { rules: { r3: 'off' } } },
    ],
    (dir, rel) => path.posix.resolve(dir, rel),
  );
  assert.equal(merged.builtin, false);
  assert.deepEqual(
    merged.packs.map((pack) => pack.path),
    ['/p/a.yaml', '/p/sub/b.yaml'],
  );
  assert.deepEqual(merged.rules, { r1: 'error', r2: 'hint' });
  assert.deepEqual(merged.ignore, [{ dir: '/p/sub', patterns: ['x/**'] }]);
  assert.deepEqual(merged.files, ['.termguard.yaml', 'sub/.termguard.yaml']);
});

test('ConfigResolver walks up from a folder, stops at root: true, and reports missing packs at the config entry', () => {
  const root = tempTree({
    '.termguard.yaml': 'rules:\n  outer: off\n',
    'project/.termguard.yaml': 'root: true\npacks: [team.termguard.yaml]\nrules:\n  r1: warning\n',
    'project/team.termguard.yaml': 'rule r1 foo error',
    'project/docs/.termguard.yaml': 'rules:\n  r1: hint\nignore: [drafts]\n',
    'project/docs/guide.md': 'x',
    'broken/.termguard.yaml': 'packs:\n  - gone.termguard.yaml\n',
  });
  const resolver = new ConfigResolver(root);
  const docs = resolver.forDirectory(path.join(root, 'project', 'docs'));
  assert.ok(docs.config);
  assert.deepEqual(docs.config.rules, { r1: 'hint' });
  assert.deepEqual(
    docs.config.packs.map((pack) => pack.path),
    [path.join(root, 'project', 'team.termguard.yaml')],
  );
  assert.deepEqual(docs.config.files, ['project/.termguard.yaml', 'project/docs/.termguard.yaml']);
  assert.equal(
    ignoredByConfig(docs.config.ignore, path.join(root, 'project', 'docs', 'drafts', 'a.md')),
    path.join(root, 'project', 'docs'),
  );
  assert.equal(ignoredByConfig(docs.config.ignore, path.join(root, 'project', 'docs', 'guide.md')), undefined);
  assert.equal(ignoredByConfig(docs.config.ignore, path.join(root, 'project', 'drafts', 'a.md')), undefined);

  const top = resolver.forDirectory(root);
  assert.deepEqual(top.config?.rules, { outer: 'off' });

  const broken = resolver.forDirectory(path.join(root, 'broken'));
  assert.equal(broken.config, undefined);
  assert.deepEqual(
    broken.problems?.map((problem) => [problem.file, problem.line, problem.column]),
    [['broken/.termguard.yaml', 1, 4]],
  );
  assert.match(broken.problems![0]!.message, /gone\.termguard\.yaml/);
});

test('--config replaces the walk: only that file applies, everywhere', () => {
  const root = tempTree({
    '.termguard.yaml': 'rules:\n  near: off\n',
    'conf/only.yaml': 'builtin: false\nrules:\n  r: error\n',
  });
  const resolver = new ConfigResolver(root, 'conf/only.yaml');
  const resolution = resolver.forDirectory(root);
  assert.deepEqual(resolution.config?.rules, { r: 'error' });
  assert.equal(resolution.config?.builtin, false);
  const missing = new ConfigResolver(root, 'nope.yaml').forDirectory(root);
  assert.match(missing.problems?.[0]?.message ?? '', /not found/);
});

test('EngineCache builds one engine per distinct pack list', () => {
  const root = tempTree({ 'a.termguard.yaml': 'rule a aa error', 'b.termguard.yaml': 'rule b bb error' });
  let built = 0;
  const cache = new EngineCache((packs) => {
    built++;
    return new FakeEngine(packs);
  }, root);
  const a = path.join(root, 'a.termguard.yaml');
  const b = path.join(root, 'b.termguard.yaml');
  const first = cache.get([a, b]);
  assert.equal(cache.get([a, b]), first);
  cache.get([a]);
  assert.equal(built, 2);
  assert.deepEqual(
    first.packs.map((pack) => pack.file),
    ['a.termguard.yaml', 'b.termguard.yaml'],
  );
  const missing = cache.get([path.join(root, 'gone.termguard.yaml')]);
  assert.match(missing.problems[0]!.message, /cannot read pack/);
});
