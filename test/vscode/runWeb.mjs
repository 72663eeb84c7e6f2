#!/usr/bin/env node
// Part of `npm run test:vscode`: the extension's browser build (package.json
// `browser`, dist/web/) in a real browser. code-server runs an extension that
// has only a `browser` entry in its web worker extension host, the host
// vscode.dev and github.dev use, inside headless Chromium; so this script
// makes a browser-only copy of the extension (package.json without `main`,
// dist/web/, grammars, schemas, icon) with the suite (web-suite/, bundled
// here) inside it, since VS Code runs a suite in the host of the extension
// that holds it. The workspace is web-workspace/ plus the desktop suite's
// team pack, in a temporary folder.
//
//   node test/vscode/runWeb.mjs [--timeout <sec>] [--verbose] [--keep-state]
//
// Screenshot: test-artifacts/vscode/web.png. Exits with the runner's code
// (see README.md beside this file); 3 when dist/web/ is not built.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');

const { values: options } = parseArgs({
  options: {
    timeout: { type: 'string', default: '300' },
    verbose: { type: 'boolean', default: false },
    'keep-state': { type: 'boolean', default: false },
  },
});

for (const file of ['dist/web/client.js', 'dist/web/server.js']) {
  if (!fs.existsSync(path.join(REPO_ROOT, file))) {
    process.stderr.write(`test:vscode (web): ${file} is missing: run \`npm run build\` first\n`);
    process.exit(3);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'termguard-web-'));
const extension = path.join(work, 'extension');
const workspace = path.join(work, 'workspace');

/** The browser-only extension: what vscode.dev would load, without the Node entry. */
function browserOnlyExtension() {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  delete manifest.main;
  delete manifest.scripts;
  delete manifest.devDependencies;
  delete manifest.bin;
  fs.mkdirSync(path.join(extension, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(extension, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.cpSync(path.join(REPO_ROOT, 'dist/web'), path.join(extension, 'dist/web'), { recursive: true });
  for (const folder of ['syntaxes', 'schema', 'images']) {
    fs.cpSync(path.join(REPO_ROOT, folder), path.join(extension, folder), { recursive: true });
  }
}

browserOnlyExtension();
await esbuild.build({
  entryPoints: [path.join(HERE, 'web-suite/index.ts')],
  outfile: path.join(extension, 'web-suite/index.js'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  logLevel: 'warning',
});
fs.cpSync(path.join(HERE, 'web-workspace'), workspace, { recursive: true });
fs.mkdirSync(path.join(workspace, 'packs'));
fs.copyFileSync(path.join(HERE, 'workspace/packs/team.termguard.yaml'), path.join(workspace, 'packs/team.termguard.yaml'));

const args = [
  path.join(HERE, 'runInCodeServer.mjs'),
  '--extension',
  extension,
  '--tests',
  path.join(extension, 'web-suite/index.js'),
  '--workspace',
  workspace,
  '--screenshot',
  path.join(REPO_ROOT, 'test-artifacts/vscode/web.png'),
  '--timeout',
  options.timeout,
  ...(options.verbose ? ['--verbose'] : []),
  ...(options['keep-state'] ? ['--keep-state'] : []),
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(code ?? (signal ? 128 + os.constants.signals[signal] : 1));
});
