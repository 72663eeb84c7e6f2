#!/usr/bin/env node
/**
 * The Termguard GitHub Action's entry point (see action.yml), kept apart from
 * the YAML so it can be tested with a temporary repository and GitHub-like
 * environment variables.
 *
 * It works out what the change is compared with (a pull request's base, or
 * a push's previous commit), runs `termguard check --format github
 * --changed-since BASE` so the annotations cover only lines the change added
 * or modified, optionally writes a SARIF report of every finding in the
 * paths for code scanning, and records the results as step outputs:
 * `exit-code` (the check's exit status; the action's last step fails the job
 * with it), `base` and `sarif-file`.
 *
 * Inputs (environment variables, set by action.yml):
 *   TERMGUARD_PATHS         files, folders or globs, separated by white space (default .)
 *   TERMGUARD_FORMAT        report format for the log (default github)
 *   TERMGUARD_CHANGED_ONLY  "true" (default): only findings on changed lines
 *   TERMGUARD_SARIF         "true": also write TERMGUARD_SARIF_FILE (default termguard.sarif)
 *   TERMGUARD_ARGS          more options for `termguard check`, separated by white space
 *   TERMGUARD_CLI           the CLI to run (default: dist/cli.js of the action's checkout)
 * and GitHub's GITHUB_WORKSPACE, GITHUB_EVENT_PATH, GITHUB_BASE_REF and GITHUB_OUTPUT.
 *
 * Git and the CLI are run with execFile-style calls, never through a shell.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const actionRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NO_COMMIT = /^0+$/;

/** Runs git in the workspace; its trimmed output, or undefined when it fails. */
function git(...args) {
  const result = spawnSync('git', args, { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function words(text) {
  return (text ?? '').split(/\s+/).filter((word) => word !== '');
}

function setOutput(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

/** The event payload GitHub wrote for this run, or an empty object. */
function readEvent() {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    return {};
  }
}

/** A commit that exists locally, fetching it (shallowly) from origin when the checkout lacks it. */
function ensureCommit(ref) {
  if (git('cat-file', '-e', `${ref}^{commit}`) !== undefined) return ref;
  if (
    /^[0-9a-f]{40}$/i.test(ref) &&
    git('fetch', '--no-tags', '--depth=1', 'origin', ref) !== undefined &&
    git('cat-file', '-e', `${ref}^{commit}`) !== undefined
  )
    return ref;
  return undefined;
}

/**
 * What the change is compared with: the pull request's base commit, else the
 * base branch (origin/BASE or BASE), else the commit before a push. Where the
 * history allows, the merge base with HEAD, so changes made on the base
 * branch since the fork do not count as the pull request's.
 */
function findBase() {
  const event = readEvent();
  const candidates = [];
  if (event.pull_request?.base?.sha) candidates.push(event.pull_request.base.sha);
  if (env.GITHUB_BASE_REF) candidates.push(`origin/${env.GITHUB_BASE_REF}`, env.GITHUB_BASE_REF);
  if (typeof event.before === 'string' && !NO_COMMIT.test(event.before)) candidates.push(event.before);
  for (const candidate of candidates) {
    const commit = ensureCommit(candidate);
    if (commit === undefined) continue;
    return git('merge-base', commit, 'HEAD') ?? git('rev-parse', `${commit}^{commit}`);
  }
  return undefined;
}

/** Runs `termguard check` with `args`, its output going to this process's; returns the exit status. */
function termguard(args) {
  const cli = env.TERMGUARD_CLI || join(actionRoot, 'dist', 'cli.js');
  const result = spawnSync(process.execPath, [cli, 'check', ...args], { cwd: workspace, stdio: 'inherit' });
  if (result.error) {
    console.error(`termguard: could not run ${cli}: ${result.error.message}`);
    return 2;
  }
  return result.status ?? 2;
}

function main() {
  const paths = words(env.TERMGUARD_PATHS);
  const extra = words(env.TERMGUARD_ARGS);
  const format = env.TERMGUARD_FORMAT || 'github';
  const changedOnly = (env.TERMGUARD_CHANGED_ONLY ?? 'true') !== 'false';

  const base = changedOnly ? findBase() : undefined;
  if (changedOnly && base === undefined)
    console.log('Termguard: no base commit to compare with (not a pull request or push); checking every line.');
  if (base !== undefined) console.log(`Termguard: reporting findings on lines changed since ${base}.`);
  setOutput('base', base ?? '');

  const sarif = env.TERMGUARD_SARIF === 'true';
  const targets = paths.length > 0 ? paths : ['.'];
  // With two runs, the second reuses what the first checked.
  const cache = sarif ? ['--cache', '--cache-location', join(env.RUNNER_TEMP || tmpdir(), 'termguard-cache')] : [];

  const code = termguard(['--format', format, ...(base !== undefined ? ['--changed-since', base] : []), ...cache, ...extra, ...targets]);
  setOutput('exit-code', String(code));

  if (sarif) {
    const sarifFile = resolve(workspace, env.TERMGUARD_SARIF_FILE || 'termguard.sarif');
    // Code scanning keeps its own record of what is new, so the SARIF report covers every line of the paths.
    termguard(['--format', 'sarif', '--output-file', sarifFile, ...cache, ...extra, ...targets]);
    setOutput('sarif-file', existsSync(sarifFile) ? sarifFile : '');
  }
}

main();
