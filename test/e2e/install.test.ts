/**
 * Installing the npm package the way a user does: `npm pack`, then
 * `npm install -g` of the tarball into a temporary prefix, offline (the
 * bundles are self-contained, so the package has no dependencies to fetch),
 * then the installed `termguard` checks a file. Needs dist/ (`npm run build`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../helpers/cliRun';

const root = path.join(__dirname, '../..');
const needsBuild = ['dist/cli.js', 'dist/server.js'].every((file) => fs.existsSync(path.join(root, file)))
  ? false
  : 'dist/ is missing: run `npm run build` first';
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies?: object;
  bin: Record<string, string>;
};

function npm(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  // The test runner may run under `npm run`, whose npm_config_* variables must not steer these commands.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  const result = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the package declares no runtime dependencies: the bundles carry everything', () => {
  assert.equal(packageJson.dependencies, undefined);
  assert.deepEqual(packageJson.bin, { termguard: './dist/cli.js' });
});

test(
  'npm pack ships only the bundles, packs, schemas and documents; the installed termguard works offline',
  { skip: needsBuild, timeout: 180_000 },
  () => {
    const work = tempTree({});
    const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root);
    assert.equal(pack.status, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const expected = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/server.js',
      'package.json',
      ...fs.readdirSync(path.join(root, 'packs')).map((name) => `packs/${name}`),
      ...fs.readdirSync(path.join(root, 'schema')).map((name) => `schema/${name}`),
    ].sort();
    assert.deepEqual(packed!.files.map((file) => file.path).sort(), expected);

    const prefix = path.join(work, 'prefix');
    const install = npm(['install', '-g', '--offline', '--ignore-scripts', '--prefix', prefix, path.join(work, packed!.filename)], work);
    assert.equal(install.status, 0, install.stderr);
    const termguard = path.join(prefix, 'bin', 'termguard');
    const version = spawnSync(termguard, ['--version'], { encoding: 'utf8' });
    assert.equal(version.stdout.trim(), packageJson.version, version.stderr);

    const project = tempTree({ 'docs/claim.md': 'The SRE calls on ChatGPT.\n', 'docs/fine.md': 'All good.\n' });
    const check = spawnSync(termguard, ['check', '--format', 'json', 'docs'], { cwd: project, encoding: 'utf8' });
    assert.equal(check.status, 1, check.stderr);
    const report = JSON.parse(check.stdout) as { file: string; diagnostics: { ruleId: string }[] }[];
    assert.deepEqual(
      report.map((entry) => [entry.file, entry.diagnostics.map((d) => d.ruleId)]),
      [
        ['docs/claim.md', ['memo/calls-on']],
        ['docs/fine.md', []],
      ],
    );
    const rules = spawnSync(termguard, ['list-rules', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    const ids = (JSON.parse(rules.stdout) as { id: string }[]).map((rule) => rule.id);
    assert.ok(ids.includes('memo/calls-on'), 'the built-in packs are found next to the installed bundle');
  },
);
