/**
 * README's Neovim and Emacs (eglot) configurations, run in the real editors
 * against the built server: each editor runs headless with the configuration
 * taken from README (so README cannot drift), opens a Markdown file, a
 * plain-text file and a commit message, and must show the server's
 * diagnostics, read in each file's format. `termguard` on the editors' PATH
 * is this checkout's dist/cli.js.
 *
 * Skipped, with the reason, when dist/ is not built or an editor (or Emacs's
 * eglot) is not installed; .ci/run installs Debian's neovim, emacs-nox and
 * elpa-eglot so CI runs them. README's snippet is for Neovim 0.11+; on an
 * older Neovim (Debian 12 has 0.7) test/fixtures/editors/nvim-compat.lua
 * supplies `vim.lsp.config` and `vim.lsp.enable` for it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/editors');
/** A hang guard for one editor run; an editor that works finishes in seconds. */
const RUN_LIMIT_MS = 120_000;

/** The lines of each sample file that carry a finding: not the Markdown fence, not the commit message's `#` line. */
const SAMPLES: Readonly<Record<string, { text: string; findingLines: number[] }>> = {
  'notes.md': { text: '# Notes\n\n```\nThe SRE calls on ChatGPT.\n```\n\nThe SRE calls on ChatGPT.\n', findingLines: [6] },
  'notes.txt': { text: 'The team notes.\nThe SRE calls on ChatGPT.\n', findingLines: [1] },
  '.git/COMMIT_EDITMSG': {
    text: 'Add the release notes\n\nThe SRE calls on ChatGPT.\n# The SRE calls on ChatGPT.\n',
    findingLines: [2],
  },
};

interface EditorResult {
  readonly file: string;
  readonly diagnostics: readonly { readonly line: number; readonly message: string }[];
}

/** The body of the fenced block of `language` that follows `heading` in README. */
function readmeSnippet(heading: string, language: string): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const at = readme.indexOf(heading);
  assert.ok(at >= 0, `README has no "${heading}"`);
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme.slice(at));
  assert.ok(block, `README has no \`\`\`${language} block after "${heading}"`);
  return block[1]!;
}

function onPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, command))
    .find((candidate) => fs.existsSync(candidate));
}

function hasEglot(emacs: string): boolean {
  const probe = spawnSync(
    emacs,
    ['--batch', '--eval', '(progn (require \'package) (package-initialize) (princ (if (require \'eglot nil t) "yes" "no")))'],
    { encoding: 'utf8', timeout: RUN_LIMIT_MS },
  );
  return probe.stdout.trim() === 'yes';
}

const built = fs.existsSync(path.join(root, 'dist/cli.js'));
const nvim = onPath('nvim');
const emacs = onPath('emacs');

function skipReason(editor: string, binary: string | undefined, extra?: () => string | false): string | false {
  if (!built) return 'dist/ is missing: run `npm run build` first';
  if (binary === undefined)
    return `${editor} is not installed (Debian package ${editor === 'nvim' ? 'neovim' : 'emacs-nox'}; .ci/run installs it)`;
  return extra?.() ?? false;
}

/** A workspace with the sample files, a `termguard` command on PATH and a private HOME. */
function editorSandbox(): { dir: string; workspace: string; files: string[]; env: NodeJS.ProcessEnv } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termguard-editor-'));
  const workspace = path.join(dir, 'workspace');
  const files = Object.entries(SAMPLES).map(([name, sample]) => {
    const file = path.join(workspace, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sample.text);
    return file;
  });
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const launcher = path.join(bin, 'termguard');
  fs.writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${path.join(root, 'dist/cli.js')}' "$@"\n`, { mode: 0o755 });
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_STATE_HOME: path.join(home, '.local/state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TERMGUARD_EDITOR_FILES: files.join('\n'),
    TERMGUARD_EDITOR_RESULT: path.join(dir, 'result.json'),
  };
  return { dir, workspace, files, env };
}

/** Runs an editor and returns the results its script wrote; fails with the editor's output when it wrote none. */
function runEditor(command: string, args: string[], sandbox: ReturnType<typeof editorSandbox>): EditorResult[] {
  const run = spawnSync(command, args, { cwd: sandbox.workspace, env: sandbox.env, encoding: 'utf8', timeout: RUN_LIMIT_MS });
  const resultFile = sandbox.env.TERMGUARD_EDITOR_RESULT!;
  assert.ok(
    fs.existsSync(resultFile),
    `${path.basename(command)} wrote no result (exit ${run.status}, signal ${run.signal})\n${run.stdout}\n${run.stderr}`,
  );
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EditorResult[];
}

function assertDiagnosticsPerFile(results: readonly EditorResult[], sandbox: ReturnType<typeof editorSandbox>): void {
  assert.deepEqual(
    results.map((result) => path.relative(sandbox.workspace, result.file)),
    Object.keys(SAMPLES),
  );
  for (const result of results) {
    const name = path.relative(sandbox.workspace, result.file);
    assert.deepEqual(
      result.diagnostics.map((diagnostic) => diagnostic.line),
      SAMPLES[name]!.findingLines,
      `${name}: ${JSON.stringify(result.diagnostics)}`,
    );
    assert.ok(
      result.diagnostics.every((diagnostic) => diagnostic.message.includes('“calls on”')),
      `${name}: the memo rule's message`,
    );
  }
}

test(
  "Neovim with README's configuration shows diagnostics in Markdown, plain text and a commit message",
  { skip: skipReason('nvim', nvim), timeout: RUN_LIMIT_MS * 2 },
  () => {
    const sandbox = editorSandbox();
    try {
      const config = path.join(sandbox.dir, 'init.lua');
      fs.writeFileSync(
        config,
        `dofile(${JSON.stringify(path.join(fixtures, 'nvim-compat.lua'))})\n${readmeSnippet('Neovim (0.11+):', 'lua')}`,
      );
      const results = runEditor(nvim!, ['--headless', '-u', config, '-c', `luafile ${path.join(fixtures, 'nvim-run.lua')}`], sandbox);
      assertDiagnosticsPerFile(results, sandbox);
    } finally {
      fs.rmSync(sandbox.dir, { recursive: true, force: true });
    }
  },
);

test(
  "Emacs (eglot, flymake) with README's configuration shows diagnostics in Markdown, plain text and a commit message",
  {
    skip: skipReason('emacs', emacs, () =>
      hasEglot(emacs!) ? false : "eglot is not available: Emacs 29+ has it built in; on older Emacs install Debian's elpa-eglot",
    ),
    timeout: RUN_LIMIT_MS * 2,
  },
  () => {
    const sandbox = editorSandbox();
    try {
      const config = path.join(sandbox.dir, 'readme-eglot.el');
      fs.writeFileSync(config, readmeSnippet('Emacs (eglot):', 'elisp'));
      sandbox.env.TERMGUARD_EDITOR_CONFIG = config;
      const results = runEditor(emacs!, ['--batch', '-l', path.join(fixtures, 'emacs-run.el')], sandbox);
      assertDiagnosticsPerFile(results, sandbox);
    } finally {
      fs.rmSync(sandbox.dir, { recursive: true, force: true });
    }
  },
);
