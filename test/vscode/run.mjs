#!/usr/bin/env node
// `npm run test:vscode` (after `bash test/vscode/install.sh`): runs the
// real-editor suite (test/vscode/suite/) against the built extension.
//
//   node test/vscode/run.mjs [--electron] [--update-screenshot] [--keep-workspace]
//                            [--timeout <sec>] [--verbose] [--keep-state]
//
// 1. Checks that dist/client.js and dist/server.js exist (`npm run build`).
// 2. Bundles the suite with esbuild into out/vscode-suite/ (vscode and mocha
//    external), so it needs no tsc output.
// 3. Copies test/vscode/workspace/ and examples/ into a temporary folder, the
//    workspace the editor opens: tests edit documents, never repo files.
// 4. Runs runInCodeServer.mjs (offline: code-server + headless Chromium), or
//    runInElectron.mjs when --electron is given or VSCODE_EXECUTABLE_PATH is
//    set, with the repo root as the extension; screenshots go to
//    test-artifacts/vscode/ (final.png, squiggle-hover.png, quick-fix.png),
//    with the page probes' answers (*.json) beside them.
// 5. With --update-screenshot and a passing run, copies squiggle-hover.png to
//    images/screenshot.png and quick-fix.png to images/quick-fix.png (the
//    pictures the README shows).
// Exits with the runner's exit code.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
const SUITE_SRC = path.join(HERE, 'suite');
const SUITE_OUT = path.join(REPO_ROOT, 'out', 'vscode-suite');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'vscode');
/** The README's pictures: the screenshot the suite takes -> the file under images/. */
const README_PICTURES = [
  ['squiggle-hover.png', 'screenshot.png'],
  ['quick-fix.png', 'quick-fix.png'],
];
const started = Date.now();
const note = (message) => process.stderr.write(`[test:vscode ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

function fail(code, message) {
  process.stderr.write(`test:vscode: ${message}\n`);
  process.exit(code);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      electron: { type: 'boolean', default: false },
      'update-screenshot': { type: 'boolean', default: false },
      'keep-workspace': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'keep-state': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(2, error.message);
}
if (options.help) {
  process.stdout.write(
    fs
      .readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('//'))
      .map((line) => line.slice(3))
      .join('\n') + '\n',
  );
  process.exit(0);
}

// 1. The extension must be built: the editor loads dist/client.js, which starts dist/server.js.
const missing = ['dist/client.js', 'dist/server.js'].filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)));
if (missing.length > 0) fail(2, `${missing.join(' and ')} missing: run \`npm run build\` first`);

// 2. The suite bundle.
const { build } = await import('esbuild');
fs.rmSync(SUITE_OUT, { recursive: true, force: true });
const entryPoints = fs
  .readdirSync(SUITE_SRC)
  .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
  .map((file) => path.join(SUITE_SRC, file));
await build({
  entryPoints,
  outdir: SUITE_OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
note(`bundled ${entryPoints.length} suite files into ${path.relative(REPO_ROOT, SUITE_OUT)}`);

// 3. The workspace: a temporary copy, so edits made by the tests touch no repo file.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'termguard-vscode-'));
fs.cpSync(path.join(HERE, 'workspace'), workspace, { recursive: true });
fs.cpSync(path.join(REPO_ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true });
const removeWorkspace = () => {
  if (options['keep-workspace']) note(`workspace kept in ${workspace}`);
  else fs.rmSync(workspace, { recursive: true, force: true });
};

// 4. The editor.
fs.mkdirSync(ARTIFACTS, { recursive: true });
for (const [shot] of README_PICTURES) fs.rmSync(path.join(ARTIFACTS, shot), { force: true });
const electron = options.electron || !!process.env.VSCODE_EXECUTABLE_PATH;
const common = ['--extension', REPO_ROOT, '--tests', path.join(SUITE_OUT, 'index.js'), '--workspace', workspace];
const args = electron
  ? [path.join(HERE, 'runInElectron.mjs'), ...common]
  : [
      path.join(HERE, 'runInCodeServer.mjs'),
      ...common,
      '--screenshot',
      path.join(ARTIFACTS, 'final.png'),
      ...(options.timeout ? ['--timeout', options.timeout] : []),
      ...(options.verbose ? ['--verbose'] : []),
      ...(options['keep-state'] ? ['--keep-state'] : []),
    ];
note(`running ${path.basename(args[0])}`);
const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: REPO_ROOT });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  // The runner cleans up code-server on a signal; pass it on and let it finish.
  process.on(signal, () => child.kill(signal));
}
const code = await new Promise((resolve) => {
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1)));
  child.on('error', (error) => {
    note(`could not start the runner: ${error.message}`);
    resolve(3);
  });
});
removeWorkspace();

// 5. The README pictures.
let exitCode = code;
if (options['update-screenshot']) {
  for (const [shotName, pictureName] of README_PICTURES) {
    const shot = path.join(ARTIFACTS, shotName);
    const picture = `images/${pictureName}`;
    if (code !== 0) note(`not updating ${picture}: the suite failed`);
    else if (!fs.existsSync(shot)) {
      note(
        `not updating ${picture}: ${path.relative(REPO_ROOT, shot)} was not taken${electron ? ' (screenshots need the code-server runner)' : ''}`,
      );
      exitCode = 1;
    } else {
      fs.mkdirSync(path.join(REPO_ROOT, 'images'), { recursive: true });
      fs.copyFileSync(shot, path.join(REPO_ROOT, picture));
      note(`updated ${picture}`);
    }
  }
}
if (!electron) note(`screenshots in ${path.relative(REPO_ROOT, ARTIFACTS)}/`);
note(`exit ${exitCode}`);
process.exit(exitCode);
