/**
 * The pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit itself
 * (`pre-commit try-repo`) against a release-like copy of this repository:
 * its committed files plus the built dist/ bundles, as a release tag holds
 * them. pre-commit installs it with npm as users' machines do. Skipped, with
 * the reason, when pre-commit is not installed or dist/ is not built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { tempTree } from '../helpers/cliRun';

const root = path.join(__dirname, '../..');

function findPreCommit(): string | undefined {
  const candidates = [
    process.env.PRE_COMMIT_BIN,
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'pre-commit')),
  ];
  return candidates.find((candidate) => candidate !== undefined && candidate !== '' && fs.existsSync(candidate));
}

const preCommit = findPreCommit();
const skip =
  preCommit === undefined
    ? 'pre-commit is not installed (pip install pre-commit, or set PRE_COMMIT_BIN)'
    : !fs.existsSync(path.join(root, 'dist/cli.js'))
      ? 'dist/ is missing: run `npm run build` first'
      : false;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

/** A repository holding this checkout's files that npm needs, with dist/ committed, as a release tag has it. */
function releaseRepository(): string {
  const release = tempTree({});
  const files = [
    'package.json',
    'package-lock.json',
    '.npmignore',
    '.pre-commit-hooks.yaml',
    'build.mjs',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'scripts/prepare.mjs',
    'dist/cli.js',
    'dist/server.js',
  ];
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(release, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(release, file));
  }
  for (const folder of ['packs', 'schema']) fs.cpSync(path.join(root, folder), path.join(release, folder), { recursive: true });
  git(release, 'init', '-q');
  git(release, 'add', '-A');
  git(release, 'commit', '-q', '-m', 'release');
  return release;
}

test('.pre-commit-hooks.yaml: one node hook running `termguard check` on Markdown and text files', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  assert.equal(hooks.length, 1);
  assert.deepEqual(
    { id: hooks[0]!.id, entry: hooks[0]!.entry, language: hooks[0]!.language, types_or: hooks[0]!.types_or },
    { id: 'termguard', entry: 'termguard check', language: 'node', types_or: ['markdown', 'plain-text'] },
  );
});

test('pre-commit installs the hook and checks the staged prose files it is given', { skip, timeout: 600_000 }, () => {
  const release = releaseRepository();
  const project = tempTree({ 'x.md': 'The SRE calls on ChatGPT.\n', 'y.txt': 'All fine.\n', 'z.rst': 'The SRE calls on ChatGPT.\n' });
  git(project, 'init', '-q');
  git(project, 'add', '-A');
  const env = { ...process.env, PRE_COMMIT_HOME: tempTree({}), npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' };
  const tryRepo = (...files: string[]): { status: number | null; output: string } => {
    const result = spawnSync(preCommit!, ['try-repo', release, 'termguard', '--files', ...files], {
      cwd: project,
      env,
      encoding: 'utf8',
      timeout: 600_000,
    });
    return { status: result.status, output: result.stdout + result.stderr };
  };
  const failing = tryRepo('x.md', 'y.txt', 'z.rst');
  assert.equal(failing.status, 1, failing.output);
  assert.match(failing.output, /^x\.md:1:9 +error +.*memo\/calls-on$/m);
  assert.doesNotMatch(failing.output, /z\.rst/, 'files of other types are not passed to the hook');
  assert.match(failing.output, /in 2 files checked/);
  const passing = tryRepo('y.txt');
  assert.equal(passing.status, 0, passing.output);
  assert.match(passing.output, /termguard\.+Passed/);
});
