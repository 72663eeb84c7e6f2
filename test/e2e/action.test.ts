/**
 * The GitHub Action (action.yml and scripts/action-entry.mjs), run the way
 * GitHub runs it: a temporary repository with a base commit and a pull
 * request commit, GitHub's environment variables, and the built CLI
 * (dist/cli.js; `npm run build` makes it). The annotations must cover only
 * the lines the pull request changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { tempTree, writeTree } from '../helpers/cliRun';

const root = path.join(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const entry = path.join(root, 'scripts/action-entry.mjs');
const needsBuild = fs.existsSync(cli) ? false : 'dist/cli.js is missing: run `npm run build` first';

const CLAIM = 'The SRE calls on ChatGPT.';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** A repository whose `main` has one claim per file and whose `feature` branch (checked out) adds claims on known lines. */
function pullRequestRepository(): { repo: string; base: string } {
  const repo = tempTree({ 'docs/a.md': `${CLAIM}\n\nFine text here.\n`, 'docs/old.md': `${CLAIM}\n`, 'notes.txt': 'Nothing to see.\n' });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  const base = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'feature');
  writeTree(repo, {
    'docs/a.md': `${CLAIM}\n\nFine text here.\n\nAgents call upon ChatGPT daily.\n`,
    'docs/new.md': `# New\n\n${CLAIM}\n`,
  });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'pull request');
  return { repo, base };
}

/** Runs the entry script as the action's Check step does, returning the annotations and the step outputs. */
function runAction(
  repo: string,
  env: Record<string, string>,
): { annotations: string[]; outputs: Record<string, string>; stdout: string; stderr: string; status: number | null } {
  const outputFile = path.join(repo, '..', `${path.basename(repo)}-output`);
  fs.writeFileSync(outputFile, '');
  const result = spawnSync(process.execPath, [entry], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GITHUB_WORKSPACE: repo,
      GITHUB_OUTPUT: outputFile,
      TERMGUARD_CLI: cli,
      RUNNER_TEMP: path.join(repo, '..'),
      ...env,
    },
  });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  fs.rmSync(outputFile);
  const annotations = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const file = /file=([^,]*)/.exec(line)?.[1];
      const lineNumber = /,line=(\d+)/.exec(line)?.[1];
      const title = /title=([^:]*)::/.exec(line)?.[1];
      return `${line.slice(2, line.indexOf(' '))} ${file}:${lineNumber} ${title}`;
    });
  return { annotations, outputs, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function eventFile(repo: string, payload: object): string {
  const file = path.join(repo, '..', `${path.basename(repo)}-event.json`);
  fs.writeFileSync(file, JSON.stringify(payload));
  return file;
}

const CHANGED = ['error docs/a.md:5 memo/calls-on', 'error docs/new.md:3 memo/calls-on'];

test(
  'a pull request: annotations only on the lines it changed, SARIF of every finding, step outputs',
  { skip: needsBuild, timeout: 120_000 },
  () => {
    const { repo, base } = pullRequestRepository();
    const run = runAction(repo, {
      GITHUB_EVENT_PATH: eventFile(repo, { pull_request: { base: { sha: base, ref: 'main' } } }),
      GITHUB_BASE_REF: 'main',
      TERMGUARD_SARIF: 'true',
    });
    assert.deepEqual(run.annotations, CHANGED, run.stdout + run.stderr);
    assert.equal(run.status, 0, 'the entry script leaves failing the job to the last step');
    assert.equal(run.outputs['exit-code'], '1');
    assert.equal(run.outputs.base, base);
    const sarifFile = run.outputs['sarif-file']!;
    assert.equal(sarifFile, path.join(repo, 'termguard.sarif'));
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const located = sarif.runs[0]!.results.map(
      (result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine}`,
    );
    assert.deepEqual(located.sort(), ['docs/a.md:1', 'docs/a.md:5', 'docs/new.md:3', 'docs/old.md:1']);
  },
);

test(
  'the base is found from GITHUB_BASE_REF alone, or from a push event; paths and args are passed on',
  { skip: needsBuild, timeout: 120_000 },
  () => {
    const { repo, base } = pullRequestRepository();
    assert.deepEqual(runAction(repo, { GITHUB_BASE_REF: 'main' }).annotations, CHANGED);
    assert.deepEqual(runAction(repo, { GITHUB_EVENT_PATH: eventFile(repo, { before: base }) }).annotations, CHANGED);
    const narrowed = runAction(repo, {
      GITHUB_BASE_REF: 'main',
      TERMGUARD_PATHS: 'docs/new.md\nnotes.txt',
      TERMGUARD_ARGS: '--rule memo/calls-on --max-warnings 0',
    });
    assert.deepEqual(narrowed.annotations, ['error docs/new.md:3 memo/calls-on']);
    // Without a base (a scheduled run) every line is checked.
    const everything = runAction(repo, { TERMGUARD_CHANGED_ONLY: 'true' });
    assert.deepEqual(
      everything.annotations.sort(),
      ['error docs/a.md:1 memo/calls-on', ...CHANGED, 'error docs/old.md:1 memo/calls-on'].sort(),
    );
    assert.match(everything.stdout, /no base commit to compare with/);
    const clean = runAction(repo, { GITHUB_BASE_REF: 'main', TERMGUARD_PATHS: 'notes.txt' });
    assert.deepEqual([clean.annotations, clean.outputs['exit-code']], [[], '0']);
  },
);

test('action.yml passes every input to the entry script, which reads each of them', () => {
  const action = parseYaml(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; default?: string }>;
    runs: {
      using: string;
      steps: { id?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[];
    };
  };
  assert.equal(action.runs.using, 'composite');
  const check = action.runs.steps.find((step) => step.id === 'check')!;
  assert.match(check.run!, /scripts\/action-entry\.mjs/);
  const script = fs.readFileSync(entry, 'utf8');
  for (const input of Object.keys(action.inputs)) {
    assert.ok(action.inputs[input]!.description.length > 0, `${input} is described`);
    if (input === 'node-version') continue;
    const variable = Object.entries(check.env!).find(([, value]) => value === `\${{ inputs.${input} }}`)?.[0];
    assert.ok(variable, `input ${input} reaches the entry script`);
    assert.ok(script.includes(`env.${variable}`), `the entry script reads ${variable}`);
  }
  const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'));
  assert.equal(upload?.with?.sarif_file, '${{ steps.check.outputs.sarif-file }}');
});
