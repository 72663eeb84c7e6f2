// Drives the built `termguard` CLI over the Northwind example in examples/team,
// the way a documentation team would use it. Build first: `node build.mjs`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist', 'cli.js');
const teamDir = path.join(repo, 'examples', 'team');
const doc = 'style-guide-draft.md';
const pack = 'house-style.termguard.yaml';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function termguard(args: string[], cwd = teamDir): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function show(r: Run): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

interface Diagnostic {
  ruleId: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: unknown[];
}

before(() => {
  assert.ok(fs.existsSync(cli), `${cli} is missing: build the CLI first with \`node build.mjs\` (or \`npm run build\`) in ${repo}`);
});

test('termguard test: every example of the Northwind pack passes', () => {
  const r = termguard(['test', pack]);
  assert.equal(r.status, 0, show(r));
  assert.doesNotMatch(r.stdout, /^FAIL/m, show(r));
  assert.match(r.stdout, /\b(\d+) passed, 0 failed\b/, show(r));
});

// [ruleId, 0-based line, matched (underlined) text, severity]
const expected: Array<[string, number, string, string]> = [
  ['northwind/product-name', 7, 'Northstar', 'error'], // plain mis-casing
  ['northwind/product-name', 8, 'Northstar', 'error'], // inside the approved "@product uptime report": still caught
  ['northwind/edock-name', 10, 'Edock', 'warning'],
  ['northwind/codename', 12, 'Nimbus', 'warning'],
  ['northwind/weak-verbs', 17, 'utilized', 'warning'],
  ['northwind/login-verb', 22, 'Login', 'information'], // severity overridden in .termguard.yaml
  ['northwind/uptime-promise', 27, 'guarantees', 'error'], // focus: only the verb
  ['northwind/replaces-people', 30, 'replaces', 'warning'],
  ['northwind/replaces-people', 31, 'analysts are replaced by NorthStar', 'warning'], // fixes: false
];

test('termguard check --format json: exactly the expected findings', () => {
  const r = termguard(['check', '--format', 'json', doc]);
  assert.equal(r.status, 1, `errors are present, so exit 1\n${show(r)}`);
  const files = JSON.parse(r.stdout) as Array<{ file: string; diagnostics: Diagnostic[] }>;
  assert.equal(files.length, 1, show(r));
  assert.equal(path.basename(files[0]!.file), doc);

  const lines = fs.readFileSync(path.join(teamDir, doc), 'utf8').split('\n');
  const actual = files[0]!.diagnostics
    .map((d): [string, number, string, string] => {
      assert.equal(d.range.start.line, d.range.end.line, `single-line finding: ${JSON.stringify(d)}`);
      const text = lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
      return [d.ruleId, d.range.start.line, text, d.severity];
    })
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  assert.deepEqual(actual, expected);

  // Silent lines, spelled out: approved phrase, code span, negation, exact case,
  // not-followed-by, no product in the sentence, and the used suppression (no
  // unused-suppression hint, no weak-verbs finding on "leverage" at line 20).
  const flagged = new Set(actual.map((a) => a[1]));
  for (const silent of [9, 11, 13, 18, 19, 20, 23, 28, 29, 32]) {
    assert.ok(!flagged.has(silent), `line ${silent} should be silent: ${lines[silent]}`);
  }

  // The fixes: false pattern offers no fix; the others do.
  const byLine = new Map(files[0]!.diagnostics.map((d) => [d.range.start.line, d]));
  assert.equal(byLine.get(31)!.fixes.length, 0);
  assert.ok(byLine.get(30)!.fixes.length > 0);
  assert.equal(byLine.get(17)!.message, 'Prefer a plain verb to “utilized”.');
});

test('termguard check --fix on a copy rewrites the fixable findings and nothing else', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'termguard-team-'));
  try {
    for (const f of ['.termguard.yaml', pack, doc]) fs.copyFileSync(path.join(teamDir, f), path.join(tmp, f));
    const original = fs.readFileSync(path.join(tmp, doc), 'utf8');

    const r = termguard(['check', '--fix', doc], tmp);
    // Only the unfixable warning remains, so no error is left.
    assert.equal(r.status, 0, show(r));
    assert.match(r.stdout, /8 findings fixed/, show(r));

    const replacements: Array<[number, string, string]> = [
      [7, 'Northstar syncs', 'NorthStar syncs'],
      [8, 'The Northstar uptime', 'The NorthStar uptime'],
      [10, 'the Edock into', 'the eDock into'], // keep-case: false
      [12, 'Nimbus ships', 'NorthStar ships'],
      [17, 'managers utilized the', 'managers used the'], // inflected
      [22, 'Login to the portal', 'Log in to the portal'], // inflect: false, first letter's case kept
      [27, 'NorthStar guarantees full', 'NorthStar targets full'], // inflected, focus only
      [30, 'NorthStar replaces your', 'NorthStar helps your'], // inflected
    ];
    const lines = original.split('\n');
    for (const [line, from, to] of replacements) {
      assert.ok(lines[line]!.includes(from), `line ${line} contains "${from}": ${lines[line]}`);
      lines[line] = lines[line]!.replace(from, to);
    }
    const fixed = fs.readFileSync(path.join(tmp, doc), 'utf8');
    assert.equal(fixed, lines.join('\n')); // byte-identical apart from the fixes

    // Nothing else changed in the copied setup.
    for (const f of ['.termguard.yaml', pack]) {
      assert.equal(fs.readFileSync(path.join(tmp, f), 'utf8'), fs.readFileSync(path.join(teamDir, f), 'utf8'));
    }

    // Re-checking finds only the finding that has no fix.
    const again = termguard(['check', '--format', 'json', doc], tmp);
    const diags = (JSON.parse(again.stdout) as Array<{ diagnostics: Diagnostic[] }>)[0]!.diagnostics;
    assert.deepEqual(
      diags.map((d) => [d.ruleId, d.range.start.line]),
      [['northwind/replaces-people', 31]],
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('termguard define prints a glossary entry', () => {
  const r = termguard(['define', 'NorthStar']);
  assert.equal(r.status, 0, show(r));
  assert.match(r.stdout, /Northwind's data-sync platform for retail inventory, sold as NorthStar Cloud\./);
  assert.match(r.stdout, /Launched in 2024 under the codename Nimbus\./);

  const edge = termguard(['define', 'Northwind Edge']);
  assert.equal(edge.status, 0, show(edge));
  assert.match(edge.stdout, /The in-store appliance that caches NorthStar data/);
});

test("termguard explain prints a rule's reason", () => {
  const r = termguard(['explain', 'northwind/uptime-promise']);
  assert.equal(r.status, 0, show(r));
  assert.match(r.stdout, /Legal only allows uptime targets; guarantees are defined in the contract\./);
  assert.match(r.stdout, /aim for/);
});
