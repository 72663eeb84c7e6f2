#!/usr/bin/env node
// Runs an extension's mocha suite inside a real VS Code (code-server 4.100.3,
// i.e. VS Code 1.100.3) driven by headless Debian Chromium through
// playwright-core, fully offline. Install the pieces first with
// test/vscode/install.sh. See test/vscode/README.md.
//
// node test/vscode/runInCodeServer.mjs --extension <absDir> \
//   --tests <abs path to suite/index.js> --workspace <absDir> \
//   [--screenshot <png path>] [--timeout <sec>] [--keep-state] [--verbose]
//
// Exit status: the extension host's exit code (0 = suite passed); 2 = bad
// usage; 3 = harness failure (missing install, code-server or the workbench
// did not come up, browser crashed, ...); 124 = timeout without an exit code;
// 130/143 = interrupted.
//
// Screenshot protocol: a line `TERMGUARD_SCREENSHOT <name>` ([A-Za-z0-9._-])
// in the extension host's output makes the runner write
// `<dir of --screenshot>/<name>.png` (atomically, via rename). The extension
// host sees that directory as $TERMGUARD_SCREENSHOT_DIR, so a suite that must
// not move on before the picture is taken can wait for the file to appear.
//
// Probe protocol (test/vscode/pageProbes.mjs): a line
// `TERMGUARD_PROBE <probe> <name> <JSON arguments>` makes the runner measure
// something in the page (a hover's layout, the open quick-fix menu) and write
// the result to `<dir of --screenshot>/<name>.json` (atomically), for suite
// tests that need the DOM the extension host cannot see.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { PROBE_RE, runProbe } from './pageProbes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
const CACHE = process.env.TERMGUARD_VSCODE_CACHE || path.join(REPO_ROOT, '.vscode-test', 'code-server');
const CODE_SERVER = process.env.CODE_SERVER_PATH || path.join(CACHE, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT_RE = /^TERMGUARD_SCREENSHOT ([A-Za-z0-9._-]+)\s*$/;
// Workbench noise that is expected offline (the marketplace is unreachable).
const HARMLESS_RE = /ENOTFOUND open-vsx\.org|open-vsx\.org.*(?:Failed|ENOTFOUND|fetch)/;
const EXIT = { usage: 2, harness: 3, timeout: 124, SIGINT: 130, SIGTERM: 143 };

class HarnessError extends Error {
  constructor(message, code = EXIT.harness) {
    super(message);
    this.exitCode = code;
  }
}

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const note = (msg) => process.stderr.write(`[runInCodeServer ${elapsed()}] ${msg}\n`);

// ---------------------------------------------------------------- options --
function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        extension: { type: 'string' },
        tests: { type: 'string' },
        workspace: { type: 'string' },
        screenshot: { type: 'string' },
        timeout: { type: 'string', default: '300' },
        'keep-state': { type: 'boolean', default: !!process.env.TERMGUARD_KEEP_STATE },
        verbose: { type: 'boolean', default: !!process.env.TERMGUARD_VERBOSE },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new HarnessError(`${e.message}\n${usage()}`, EXIT.usage);
  }
  if (values.help) {
    process.stdout.write(usage());
    process.exit(0);
  }
  for (const k of ['extension', 'tests', 'workspace']) {
    if (!values[k]) throw new HarnessError(`missing --${k}\n${usage()}`, EXIT.usage);
    if (!path.isAbsolute(values[k])) throw new HarnessError(`--${k} must be an absolute path: ${values[k]}`, EXIT.usage);
  }
  if (!fs.existsSync(path.join(values.extension, 'package.json'))) {
    throw new HarnessError(`--extension ${values.extension} has no package.json`, EXIT.usage);
  }
  if (!fs.statSync(values.tests, { throwIfNoEntry: false })?.isFile()) {
    throw new HarnessError(`--tests ${values.tests} is not a file (build the suite first?)`, EXIT.usage);
  }
  if (!fs.statSync(values.workspace, { throwIfNoEntry: false })?.isDirectory()) {
    throw new HarnessError(`--workspace ${values.workspace} is not a directory`, EXIT.usage);
  }
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) throw new HarnessError(`--timeout must be a positive number of seconds`, EXIT.usage);
  const screenshot = path.resolve(values.screenshot || path.join(REPO_ROOT, 'test-artifacts', 'vscode', 'final.png'));
  return { ...values, timeoutMs: timeout * 1000, screenshot, keepState: values['keep-state'] };
}

function usage() {
  return (
    'usage: node test/vscode/runInCodeServer.mjs --extension <absDir> --tests <abs suite/index.js> ' +
    '--workspace <absDir> [--screenshot <png>] [--timeout <sec>] [--keep-state] [--verbose]\n'
  );
}

// ------------------------------------------------------------ prerequisites --
function loadPlaywright() {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new HarnessError(`code-server is not installed (${CODE_SERVER} missing). Run: bash test/vscode/install.sh`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new HarnessError(`Chromium is not installed (${CHROMIUM} missing). Run: bash test/vscode/install.sh (apt package 'chromium')`);
  }
  try {
    return createRequire(path.join(CACHE, 'package.json'))('playwright-core');
  } catch (e) {
    throw new HarnessError(`playwright-core is not installed in ${CACHE} (${e.code || e.message}). Run: bash test/vscode/install.sh`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode > 0 && res.statusCode < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Writes `text` to `file` through a temporary file and a rename, so a reader never sees half of it. */
function writeAtomically(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

// -------------------------------------------------------------------- main --
const cleanups = []; // run in reverse order, each at most once
let cleaningUp = null;
function cleanup() {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (e) {
        note(`cleanup: ${e.message}`);
      }
    }
  })();
  return cleaningUp;
}

let stopping = false;
async function finish(code, message) {
  if (stopping) return; // a signal or an earlier failure is already ending the run
  stopping = true;
  if (message) note(message);
  await cleanup();
  process.exit(code);
}

let csGroup = 0; // code-server's process group id, once started
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (stopping) {
      // second signal: do not wait for a graceful cleanup
      if (csGroup)
        try {
          process.kill(-csGroup, 'SIGKILL');
        } catch {
          /* gone */
        }
      process.exit(EXIT[sig] ?? 129);
    }
    finish(EXIT[sig] ?? 129, `received ${sig}, stopping`);
  });
}

async function main() {
  const opts = parseOptions();
  const { chromium } = loadPlaywright();
  const screenshotDir = path.dirname(opts.screenshot);
  fs.mkdirSync(screenshotDir, { recursive: true });

  // Everything code-server and Chromium write goes into this folder.
  const state = path.join(REPO_ROOT, '.vscode-test', `state-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(path.join(state, 'data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(state, 'ext'), { recursive: true });
  cleanups.push(() => {
    if (opts.keepState) note(`state kept in ${state}`);
    else fs.rmSync(state, { recursive: true, force: true });
  });

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  fs.writeFileSync(path.join(state, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.writeFileSync(
    path.join(state, 'data', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
      },
      null,
      2,
    ),
  );

  // ---- code-server, in its own process group (detached => setsid) ----
  const csLogPath = path.join(state, 'code-server.log');
  const csLog = fs.openSync(csLogPath, 'a');
  const cs = spawn(
    CODE_SERVER,
    [
      '--config',
      path.join(state, 'config.yaml'),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir',
      path.join(state, 'data'),
      '--extensions-dir',
      path.join(state, 'ext'),
    ],
    {
      detached: true,
      stdio: ['ignore', csLog, csLog],
      env: {
        ...process.env,
        // Inherited by the extension host: where TERMGUARD_SCREENSHOT files go.
        TERMGUARD_SCREENSHOT_DIR: screenshotDir,
        // Keep code-server from reading/writing ~/.config and ~/.local.
        XDG_CONFIG_HOME: path.join(state, 'xdg-config'),
        XDG_DATA_HOME: path.join(state, 'xdg-data'),
      },
    },
  );
  let csExited = null;
  const csExit = new Promise((resolve) =>
    cs.on('exit', (code, signal) => {
      csExited = { code, signal };
      resolve(csExited);
    }),
  );
  cs.on('error', (e) => note(`code-server spawn error: ${e.message}`));
  csGroup = cs.pid ?? 0;
  cleanups.push(async () => {
    if (csExited || !cs.pid) return;
    const killGroup = (sig) => {
      try {
        process.kill(-cs.pid, sig);
      } catch {
        /* gone */
      }
    };
    killGroup('SIGTERM');
    if ((await Promise.race([csExit.then(() => true), delay(3000).then(() => false)])) === false) {
      killGroup('SIGKILL');
      await Promise.race([csExit, delay(2000)]);
    }
    killGroup('SIGKILL'); // stragglers in the group (extension host, pty host)
  });
  const csTail = () => {
    try {
      return fs.readFileSync(csLogPath, 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      return '';
    }
  };

  const deadline = Date.now() + opts.timeoutMs;
  const timeLeft = () => deadline - Date.now();

  note(`code-server on ${origin} (state ${path.relative(REPO_ROOT, state)})`);
  for (;;) {
    if (csExited) throw new HarnessError(`code-server exited during startup (${JSON.stringify(csExited)}):\n${csTail()}`);
    if (await httpOk(`${origin}/healthz`)) break;
    if (timeLeft() <= 0 || Date.now() - t0 > 60_000) {
      throw new HarnessError(`code-server did not listen on ${origin} within ${Math.round((Date.now() - t0) / 1000)}s:\n${csTail()}`);
    }
    await delay(200);
  }
  note('code-server is listening');

  // ---- Chromium, fresh profile ----
  const context = await chromium
    .launchPersistentContext(path.join(state, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1600, height: 1000 },
      timeout: 60_000,
      // We clean up ourselves (code-server's group, state dir); Playwright's own
      // handlers would exit the process before that on SIGINT.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    .catch((e) => {
      throw new HarnessError(`could not launch Chromium (${CHROMIUM}): ${e.message}`);
    });
  cleanups.push(() => Promise.race([context.close(), delay(5000)]));
  const page = context.pages()[0] ?? (await context.newPage());

  const pageLogPath = path.join(state, 'page-console.log');
  page.on('console', (m) => fs.appendFileSync(pageLogPath, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => fs.appendFileSync(pageLogPath, `[pageerror] ${e.stack || e}\n`));

  let resolveExit;
  const extHostExit = new Promise((r) => {
    resolveExit = r;
  });
  let browserGone;
  const browserFailure = new Promise((r) => {
    browserGone = r;
  });
  page.on('crash', () => browserGone('the page crashed'));
  context.on('close', () => browserGone('the browser closed'));

  // Screenshots and probes, one at a time (in the order asked), written atomically.
  let shots = Promise.resolve();
  const screenshot = (file) => {
    shots = shots.then(async () => {
      const tmp = `${file}.tmp-${process.pid}.png`;
      try {
        await page.screenshot({ path: tmp, timeout: 15_000 });
        fs.renameSync(tmp, file);
        note(`screenshot ${file}`);
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        note(`screenshot ${file} failed: ${e.message}`);
      }
    });
    return shots;
  };
  const probe = (name, args, file) => {
    shots = shots.then(async () => {
      let result;
      try {
        result = await runProbe(page, name, JSON.parse(args ?? '{}'));
      } catch (e) {
        result = { error: `probe arguments are not JSON: ${e.message}` };
      }
      try {
        writeAtomically(file, JSON.stringify(result, null, 2));
        note(`probe ${name} -> ${file}${result.error ? ` (${result.error})` : ''}`);
      } catch (e) {
        note(`probe ${name}: could not write ${file}: ${e.message}`);
      }
    });
    return shots;
  };

  // Both hooks must exist before the workbench script runs.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = typeof args === 'string' ? args : Array.isArray(args) ? format(...args) : format(args);
    if (!opts.verbose && HARMLESS_RE.test(text)) return;
    for (const line of text.split(/\r?\n/)) {
      process.stdout.write(type === 'error' || type === 'warn' ? `[${type}] ${line}\n` : `${line}\n`);
      const m = SCREENSHOT_RE.exec(line.trim());
      if (m) screenshot(path.join(screenshotDir, `${m[1]}.png`));
      const asked = PROBE_RE.exec(line.trim());
      if (asked) probe(asked[1], asked[3], path.join(screenshotDir, `${asked[2]}.json`));
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(Number(code));
  });

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(p)}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extension)],
    ['extensionTestsPath', remote(opts.tests)],
  ];
  const url = `${origin}/?folder=${encodeURIComponent(opts.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  if (opts.verbose) note(`opening ${url}`);

  const timedOut = new Promise((r) => {
    const t = setTimeout(() => r('timeout'), Math.max(0, timeLeft()));
    t.unref();
  });
  const failWith = async (err) => {
    if (!stopping) await screenshot(opts.screenshot);
    if (opts.verbose) {
      note(`code-server log (tail):\n${csTail()}`);
      try {
        note(`page console (tail):\n${fs.readFileSync(pageLogPath, 'utf8').split('\n').slice(-40).join('\n')}`);
      } catch {
        /* none */
      }
    }
    throw err;
  };

  await page
    .goto(url, { waitUntil: 'domcontentloaded', timeout: Math.min(60_000, Math.max(1000, timeLeft())) })
    .catch((e) => failWith(new HarnessError(`could not open the workbench at ${origin}: ${e.message}`)));

  // The workbench must render (unless the suite already finished).
  const loaded = page.waitForSelector('.monaco-workbench', { timeout: Math.min(90_000, Math.max(1000, timeLeft())) }).then(
    () => 'loaded',
    (e) => `not loaded: ${e.message.split('\n')[0]}`,
  );
  const first = await Promise.race([
    loaded,
    extHostExit.then(() => 'loaded'),
    timedOut,
    csExit.then((x) => `code-server exited: ${JSON.stringify(x)}`),
    browserFailure,
  ]);
  if (first !== 'loaded') {
    await failWith(
      new HarnessError(
        first === 'timeout'
          ? `timeout: the workbench did not load within ${opts.timeoutMs / 1000}s`
          : `the workbench never loaded (${first}); re-run with --verbose --keep-state for logs`,
        first === 'timeout' ? EXIT.timeout : EXIT.harness,
      ),
    );
  }
  note('workbench loaded; waiting for the extension host to report an exit code');

  const outcome = await Promise.race([
    extHostExit.then((code) => ({ code })),
    timedOut.then(() => ({
      error: new HarnessError(`timeout: the suite reported no exit code within ${opts.timeoutMs / 1000}s`, EXIT.timeout),
    })),
    csExit.then((x) => ({
      error: new HarnessError(`code-server exited before the suite reported an exit code: ${JSON.stringify(x)}\n${csTail()}`),
    })),
    browserFailure.then((why) => ({ error: new HarnessError(`${why} before the suite reported an exit code`) })),
  ]);
  if (outcome.error) await failWith(outcome.error);

  await shots; // pending TERMGUARD_SCREENSHOT requests first
  await screenshot(opts.screenshot);
  const code = Number.isInteger(outcome.code) ? outcome.code : EXIT.harness;
  return finish(code, `extension host exited with code ${code}`);
}

main().catch((e) => {
  const code = e instanceof HarnessError ? e.exitCode : EXIT.harness;
  return finish(code, `ERROR: ${e instanceof HarnessError ? e.message : e.stack || e}`);
});
