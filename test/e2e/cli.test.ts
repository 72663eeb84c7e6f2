/**
 * The real `termguard` executable (dist/cli.js) with the real engine and the
 * built-in pack, on the bundled examples and on bad input. `npm test` builds
 * the bundle first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'termguard-e2e-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs the built CLI; a run that hangs is killed after two minutes and fails on its status (null), not on a clock. */
function termguard(args: string[], cwd = work, input?: string): { status: number | null; stdout: string; stderr: string } {
  assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('termguard check with the built-in pack', () => {
  it('reports the example documents as examples/README.md lists them, and exits 1', () => {
    const run = termguard(['check', '--format', 'json', 'examples'], root);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { file: string; diagnostics: { ruleId: string; range: { start: { line: number } } }[] }[];
    const found = report
      .filter((entry) => !entry.file.includes('/team/'))
      .flatMap((entry) => entry.diagnostics.map((d) => `${entry.file.replace(/^examples\//, '')}:${d.range.start.line + 1} ${d.ruleId}`))
      .sort();
    const expected = readFileSync(join(root, 'examples/README.md'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[\w.-]+\.(md|txt):\d+ [a-z-]+\/[a-z-]+$/.test(line))
      .sort();
    assert.deepEqual(found, expected);
  });

  it('explains a rule and defines a glossary term', () => {
    const explain = termguard(['explain', 'memo/calls-on']);
    assert.equal(explain.status, 0);
    assert.match(explain.stdout, /Azure/);
    const define = termguard(['define', 'SRE']);
    assert.equal(define.status, 0);
    assert.match(define.stdout, /Stateful Runtime Environment/);
    assert.equal(termguard(['explain', 'memo/no-such-rule']).status, 2);
  });

  it('runs every example of the built-in pack', () => {
    const run = termguard(['test']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
});

describe('bad input never crashes, hangs or changes a file', () => {
  it('names binary and invalid UTF-8 files given on the command line, exits 2, and still checks the others', () => {
    writeFileSync(join(work, 'empty.md'), '');
    writeFileSync(join(work, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(
      join(work, 'latin1.md'),
      Buffer.concat([Buffer.from('The SRE calls on ChatGPT.\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    writeFileSync(join(work, 'fine.md'), 'The SRE calls on ChatGPT.\n');
    const before = ['empty.md', 'binary.md', 'latin1.md'].map((name) => readFileSync(join(work, name)));
    const run = termguard(['check', '--fix', '--format', 'json', 'empty.md', 'binary.md', 'latin1.md', 'fine.md']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /binary\.md/);
    assert.match(run.stderr, /latin1\.md.*(UTF-8|utf-8)/s);
    assert.deepEqual(
      ['empty.md', 'binary.md', 'latin1.md'].map((name) => readFileSync(join(work, name))),
      before,
    );
    assert.equal(readFileSync(join(work, 'fine.md'), 'utf8'), 'The SRE integrates with ChatGPT.\n');
  });

  it('names a missing path and exits 2', () => {
    const run = termguard(['check', 'no/such/file.md']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no\/such\/file\.md/);
  });

  it('reports broken packs with file, line and column, and exits 2 without touching documents', () => {
    const cases: [string, string, RegExp][] = [
      [
        'unknown-key',
        'pack: team\nrules:\n  - id: team/a\n    category: c\n    severity: error\n    message: m\n    reason: r\n    patterns: [foo]\n    colour: red\n',
        /unknown-key\.termguard\.yaml:9:5.*colour/,
      ],
      [
        'bad-pattern',
        'pack: team\nrules:\n  - id: team/a\n    category: c\n    severity: error\n    message: m\n    reason: r\n    patterns: ["foo (bar"]\n',
        /bad-pattern\.termguard\.yaml:8:21.*never closed/,
      ],
      [
        'unknown-set',
        'pack: team\nrules:\n  - id: team/a\n    category: c\n    severity: error\n    message: m\n    reason: r\n    patterns: ["eat @fruit"]\n',
        /unknown-set\.termguard\.yaml:8:.*@fruit/,
      ],
      [
        'alias-bomb',
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n',
        /alias-bomb\.termguard\.yaml:\d+:\d+/,
      ],
    ];
    for (const [name, pack, message] of cases) {
      const dir = mkdtempSync(join(work, `${name}-`));
      writeFileSync(join(dir, `${name}.termguard.yaml`), pack);
      writeFileSync(join(dir, '.termguard.yaml'), `root: true\npacks: [${name}.termguard.yaml]\n`);
      writeFileSync(join(dir, 'doc.md'), 'The SRE calls on ChatGPT.\n');
      const run = termguard(['check', '--fix', 'doc.md'], dir);
      assert.equal(run.status, 2, `${name}: ${run.stderr}`);
      assert.match(run.stderr, message, name);
      assert.equal(readFileSync(join(dir, 'doc.md'), 'utf8'), 'The SRE calls on ChatGPT.\n');
    }
  });

  it('checks a 50 MB file', () => {
    // About one finding per 2 KB, the density the speed targets are stated for.
    const filler = 'The connector syncs customer data into the reporting workspace every night and keeps an audit log.\n'.repeat(20);
    const paragraph = `${filler}\nThe SRE calls on ChatGPT for every ticket.\n\n`;
    const huge = join(work, 'huge.md');
    writeFileSync(huge, paragraph.repeat(Math.ceil((50 * 1024 * 1024) / paragraph.length)));
    assert.ok(statSync(huge).size >= 50 * 1024 * 1024);
    const run = termguard(['check', '--format', 'json', 'huge.md']);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { diagnostics: unknown[] }[];
    assert.equal(report[0]!.diagnostics.length, Math.ceil((50 * 1024 * 1024) / paragraph.length));
  });
});
