#!/usr/bin/env node
// Runs the extension's mocha suite in desktop VS Code (Electron) with the
// ecosystem's usual runner, @vscode/test-electron. For machines where VS Code
// can be downloaded (update.code.visualstudio.com) or is given through
// VSCODE_EXECUTABLE_PATH. Offline machines: use runInCodeServer.mjs instead.
//
// node test/vscode/runInElectron.mjs --extension <absDir> \
//   --tests <abs path to suite/index.js> --workspace <absDir>
//
// Env: VSCODE_EXECUTABLE_PATH  VS Code binary to use (skips the download)
//      VSCODE_VERSION          version to download otherwise ('stable' default)
// On Linux without a display, run under xvfb-run -a.
// Exit status: the VS Code process's exit code (0 = suite passed); 2 = bad
// usage; 3 = VS Code could not be downloaded or started.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests, TestRunFailedError } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function fail(code, message) {
  process.stderr.write(`runInElectron: ${message}\n`);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
    },
  }));
} catch (e) {
  fail(2, e.message);
}
for (const k of ['extension', 'tests', 'workspace']) {
  if (!values[k] || !path.isAbsolute(values[k])) {
    fail(
      2,
      `--${k} <absolute path> is required\nusage: node test/vscode/runInElectron.mjs --extension <absDir> --tests <abs suite/index.js> --workspace <absDir>`,
    );
  }
}
if (!fs.existsSync(values.tests)) fail(2, `--tests ${values.tests} does not exist (build the suite first?)`);

const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || undefined;
if (vscodeExecutablePath && !fs.existsSync(vscodeExecutablePath)) {
  fail(3, `VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`);
}

// Profile and extensions live under the repo's .vscode-test/, never in ~.
const state = path.join(REPO_ROOT, '.vscode-test', 'electron');

try {
  const code = await runTests({
    vscodeExecutablePath,
    version: process.env.VSCODE_VERSION || undefined,
    cachePath: path.join(REPO_ROOT, '.vscode-test'),
    extensionDevelopmentPath: values.extension,
    extensionTestsPath: values.tests,
    // The screenshot protocol is a code-server runner feature: switch the
    // suite's helper off even if the variable leaks in from the environment.
    extensionTestsEnv: { TERMGUARD_SCREENSHOT_DIR: '' },
    launchArgs: [
      values.workspace,
      '--disable-extensions', // only the extension under development
      '--user-data-dir',
      path.join(state, 'user-data'),
      '--extensions-dir',
      path.join(state, 'extensions'),
    ],
  });
  process.exit(code);
} catch (e) {
  if (e instanceof TestRunFailedError) {
    // VS Code ran and the suite (or the extension host) failed.
    process.exit(Number.isInteger(e.code) ? e.code : 1);
  }
  fail(
    3,
    `could not run VS Code: ${e?.message ?? e}` +
      (vscodeExecutablePath
        ? ''
        : '\n(no VSCODE_EXECUTABLE_PATH given, and downloading VS Code failed; offline? use test/vscode/runInCodeServer.mjs)'),
  );
}
