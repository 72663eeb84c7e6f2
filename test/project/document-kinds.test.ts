/** `termguard check` on a folder of mixed formats, with the real engine and the built-in packs, in-process. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../server/src/engine/index';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';
import { kindOfPath, walkedKindOf } from '../../server/src/project/documentKinds';
import { run, tempTree } from '../helpers/cliRun';

const CLAIM = 'The SRE calls on ChatGPT.';

const MIXED = {
  'guide.md': `# Guide\n\n${CLAIM}\n`,
  'page.mdx': `import X from './x'\n\n${CLAIM}\n`,
  'page.html': `<p>${CLAIM}</p>\n<script>const s = "${CLAIM}";</script>\n`,
  'manual.adoc': `= Manual\n\n${CLAIM}\n`,
  'notes.rst': `Notes\n=====\n\n${CLAIM}\n`,
  'app.py': `# ${CLAIM}\nx = 1\n`,
  'app.ts': `// ${CLAIM}\nconst x = 1;\n`,
  'package.json': `{ "description": "${CLAIM}" }\n`,
  'locales/en.json': `{ "greeting": "${CLAIM}" }\n`,
  'Widget.vue': `<template><p>${CLAIM}</p></template>\n`,
};

async function filesWithFindings(root: string, argv: string[]): Promise<string[]> {
  const { code, out, err } = await run(root, ['check', '--format', 'json', ...argv], {
    builtin: builtinPackFiles(),
    dependencies: { engineFactory: (packs) => createEngine(packs) },
  });
  assert.ok(code === 0 || code === 1, err);
  const report = JSON.parse(out) as { file: string; diagnostics: unknown[] }[];
  return report
    .filter((entry) => entry.diagnostics.length > 0)
    .map((entry) => entry.file)
    .sort();
}

describe('document kinds in the CLI', () => {
  it('walks prose formats by default and leaves code, components and locale files alone', async () => {
    const root = tempTree(MIXED);
    assert.deepEqual(await filesWithFindings(root, ['.']), ['guide.md', 'manual.adoc', 'notes.rst', 'page.html', 'page.mdx']);
  });

  it('walks the kinds a config lists under `kinds:` and the files its `readers:` globs match', async () => {
    const root = tempTree({ ...MIXED, '.termguard.yaml': 'kinds: [python, json]\nreaders:\n  "**/*.vue": vue\n' });
    assert.deepEqual(await filesWithFindings(root, ['.']), [
      'Widget.vue',
      'app.py',
      'guide.md',
      'locales/en.json',
      'manual.adoc',
      'notes.rst',
      'page.html',
      'page.mdx',
    ]);
  });

  it('checks a file named on the command line with its kind, whatever the config', async () => {
    const root = tempTree(MIXED);
    assert.deepEqual(await filesWithFindings(root, ['app.ts', 'page.html']), ['app.ts', 'page.html']);
  });

  it('reads standard input as the kind --stdin-filepath names', async () => {
    const root = tempTree({});
    const html = `<script>const s = "${CLAIM}";</script>\n`;
    const options = { stdin: html, builtin: builtinPackFiles(), dependencies: { engineFactory: createEngine } };
    assert.equal((await run(root, ['check', '--stdin-filepath', 'page.html', '-'], options)).code, 0);
    assert.equal((await run(root, ['check', '--stdin-filepath', 'page.txt', '-'], options)).code, 1);
    assert.equal((await run(root, ['check', '--stdin-kind', 'html', '-'], options)).code, 0);
    const bad = await run(root, ['check', '--stdin-kind', 'klingon', '-'], options);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--stdin-kind must be one of markdown, plaintext, mdx/);
  });

  it('names kinds from file names', () => {
    assert.equal(kindOfPath('x/COMMIT_EDITMSG'), 'gitcommit');
    assert.equal(kindOfPath('a.HTM'), 'html');
    assert.equal(kindOfPath('notebook.ipynb'), 'notebook');
    assert.equal(kindOfPath('run.bash'), 'shellscript');
    assert.equal(kindOfPath('unknown.xyz'), 'plaintext');
    assert.equal(walkedKindOf('package.json'), undefined);
    assert.equal(walkedKindOf('.github/workflows/ci.yml'), undefined);
    assert.equal(walkedKindOf('db.json'), undefined);
    assert.equal(walkedKindOf('en.json'), 'json');
    assert.equal(walkedKindOf('src/i18n/de.json'), 'json');
    assert.equal(walkedKindOf('config/messages.yaml'), 'yaml');
    assert.equal(walkedKindOf('fr-CA.yml'), 'yaml');
    assert.equal(walkedKindOf('unknown.xyz'), undefined);
  });
});
