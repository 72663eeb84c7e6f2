import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { INITIAL_CONFIG } from '../../server/src/cli/commands/init';
import { packNameOf } from '../../server/src/cli/commands/list';
import { parseTermguardConfig } from '../../server/src/engine/packs/termguardConfig';
import { closestMatches } from '../../server/src/engine/index';
import { memoryIO, run, tempTree } from '../helpers/cliRun';

test('--help, --version and usage errors', async () => {
  const root = tempTree({});
  const help = await run(root, ['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: termguard <command>/);
  assert.match((await run(root, ['check', '--help'])).out, /--update-baseline/);
  const version = await run(root, ['--version']);
  assert.deepEqual([version.code, version.out], [0, '9.9.9\n']);
  const bad = await run(root, ['lint']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown command `lint`/);
});

test('test: runs examples of the project packs, prints file:line per example', async () => {
  const root = tempTree({});
  const ok = await run(root, ['test']);
  assert.equal(ok.code, 0);
  assert.match(ok.out, /^PASS .*core\.termguard\.yaml:2  no-forbidden  bad: This is forbidden\.$/m);
  assert.match(ok.out, /^PASS .*core\.termguard\.yaml:3  no-forbidden  good: This is allowed\.$/m);
  assert.match(ok.out, /2 passed, 0 failed/);
});

test('test PACK: only the given pack, failures exit 1 with details', async () => {
  const root = tempTree({
    'mine.termguard.yaml': [
      'rule no-foo foo error',
      'example no-foo bad A foo here.',
      'example no-foo bad Nothing here.',
      'example no-foo good foo is fine?',
    ].join('\n'),
  });
  const result = await run(root, ['test', 'mine.termguard.yaml']);
  assert.equal(result.code, 1);
  assert.match(result.out, /^PASS mine\.termguard\.yaml:2  no-foo  bad: A foo here\.$/m);
  assert.match(result.out, /^FAIL mine\.termguard\.yaml:3  no-foo  bad: Nothing here\.\n\s+expected a finding/m);
  assert.match(result.out, /^FAIL mine\.termguard\.yaml:4  no-foo  good: foo is fine\?/m);
  assert.doesNotMatch(result.out, /no-forbidden/);
  assert.match(result.out, /1 passed, 2 failed/);
  const missing = await run(root, ['test', 'gone.termguard.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /gone\.termguard\.yaml: no such pack file/);
  const broken = await run(tempTree({ 'b.termguard.yaml': 'pack: b\nbroken' }), ['test', 'b.termguard.yaml']);
  assert.equal(broken.code, 2);
  assert.match(broken.err, /^b\.termguard\.yaml:2:3: error: this pack is broken/m);
});

test('test uses the packs of the nearest config', async () => {
  const root = tempTree({
    '.termguard.yaml': 'builtin: false\npacks: [p.termguard.yaml]\n',
    'p.termguard.yaml': 'rule no-bar bar error\nexample no-bar bad bar\n',
  });
  const result = await run(root, ['test']);
  assert.equal(result.code, 0);
  assert.match(result.out, /^PASS p\.termguard\.yaml:2  no-bar  bad: bar$/m);
  assert.match(result.out, /1 passed, 0 failed \(1 example\)/);
});

test('explain: shows message, reason, alternatives, examples; unknown ids suggest close ones', async () => {
  const root = tempTree({});
  const known = await run(root, ['explain', 'no-forbidden']);
  assert.equal(known.code, 0);
  assert.match(known.out, /^no-forbidden  \(error, category test\)/);
  assert.match(known.out, /Why: "forbidden" is not allowed here\./);
  assert.match(known.out, /Instead, write:\n  - allowed/);
  assert.match(known.out, /Flagged:\n  ✗ This is forbidden\./);
  assert.match(known.out, /Fine:\n  ✓ This is allowed\./);
  const unknown = await run(root, ['explain', 'no-forbiden']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown rule `no-forbiden`\. Did you mean: no-forbidden\?/);
  assert.equal(unknown.out, '');
});

test('explain class:NAME shows a meaning class: members, provenance, what was left out and why', async () => {
  const root = tempTree({});
  const contact = await run(root, ['explain', 'class:contact']);
  assert.equal(contact.code, 0);
  assert.match(contact.out, /^%contact  \(meaning class, \d+ members\)/);
  assert.match(contact.out, /From: WordNet 3\.1/);
  assert.match(contact.out, /Members:\n(  - .*\n)*  - consult\n/);
  assert.match(contact.out, /Left out:\n(.*\n)*  - phone: /);
  assert.equal((await run(root, ['explain', '%openai-name'])).code, 0);
  const unknown = await run(root, ['explain', 'class:contct']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown meaning class `contct`\. Did you mean: class:contact\?/);
});

test('define: prints the glossary entry; unknown terms exit 2', async () => {
  const root = tempTree({});
  const known = await run(root, ['define', 'Widget']);
  assert.equal(known.code, 0);
  assert.match(known.out, /^widget\n\nA small part\.\n\nFacts:\n  - a fact\n\nGuidance: use it well/);
  const unknown = await run(root, ['define', 'widgit']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /no glossary entry for `widgit`\. Did you mean: widget\?/);
});

test('server --stdio hands over to startServer; failures are reported with exit 2', async () => {
  const root = tempTree({});
  let started: string | undefined;
  const io = memoryIO(root);
  assert.equal(await main(['server', '--stdio'], io, { startServer: (transport) => void (started = transport), version: '1' }), 0);
  assert.equal(started, 'stdio');
  const failing = memoryIO(root);
  const code = await main(['server', '--stdio'], failing, {
    startServer: () => {
      throw new Error('boom');
    },
  });
  assert.equal(code, 2);
  assert.match(failing.err(), /cannot start the language server: boom/);
});

test('closestMatches prefers substrings and small edit distances', () => {
  assert.deepEqual(closestMatches('whitelist', ['inclusive/whitelist', 'inclusive/blacklist', 'tone/simply']), ['inclusive/whitelist']);
  assert.deepEqual(closestMatches('no-forbiden', ['no-forbidden', 'no-meh']), ['no-forbidden']);
  assert.deepEqual(closestMatches('zzz', ['abc']), []);
  assert.ok(path.isAbsolute(tempTree({})));
});

test('init writes a commented config that parses cleanly, and never replaces one', async () => {
  const root = tempTree({});
  const first = await run(root, ['init']);
  assert.equal(first.code, 0);
  assert.match(first.out, /Wrote \.termguard\.yaml/);
  const written = fs.readFileSync(path.join(root, '.termguard.yaml'), 'utf8');
  assert.equal(written, INITIAL_CONFIG);
  const parsed = parseTermguardConfig(written, '.termguard.yaml');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.config, {
    root: true,
    builtin: true,
    packs: [],
    rules: {},
    'claim-model': true,
    ignore: [],
    kinds: [],
    readers: {},
  });
  // Every key of the config schema is written and explained.
  const configSchema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/termguard-config.schema.json'), 'utf8')) as {
    properties: object;
  };
  for (const key of Object.keys(configSchema.properties)) assert.match(written, new RegExp(`^${key}:`, 'm'), key);

  fs.writeFileSync(path.join(root, '.termguard.yaml'), 'rules: { no-meh: off }\n');
  const again = await run(root, ['init']);
  assert.equal(again.code, 2);
  assert.match(again.err, /did not write \.termguard\.yaml: it already exists/);
  assert.equal(fs.readFileSync(path.join(root, '.termguard.yaml'), 'utf8'), 'rules: { no-meh: off }\n');
  assert.deepEqual(fs.readdirSync(root), ['.termguard.yaml']);
});

test('print-config shows the merged configs, packs, overrides and ignore state of a file as JSON', async () => {
  const root = tempTree({
    '.termguard.yaml': 'rules:\n  no-meh: error\nignore: [drafts]\n',
    'docs/.termguard.yaml': 'packs: [team.termguard.yaml]\nrules:\n  no-meh: hint\n',
    'docs/team.termguard.yaml': 'rule no-team team error\n',
  });
  const { code, out, err } = await run(root, ['print-config', 'docs/guide.md'], { builtin: ['/opt/termguard/packs/core.termguard.yaml'] });
  assert.equal(err, '');
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(out), {
    file: 'docs/guide.md',
    kind: 'markdown',
    configFiles: ['.termguard.yaml', 'docs/.termguard.yaml'],
    ignored: false,
    ignoredBy: null,
    builtin: true,
    packs: [
      { file: '/opt/termguard/packs/core.termguard.yaml', builtin: true },
      { file: 'docs/team.termguard.yaml', builtin: false },
    ],
    rules: { 'no-meh': 'hint' },
    ignore: [{ folder: '.', patterns: ['drafts'] }],
  });
  const ignored = JSON.parse((await run(root, ['print-config', 'drafts/x.txt'])).out);
  assert.deepEqual([ignored.kind, ignored.ignored, ignored.ignoredBy], ['plaintext', true, '.']);
  fs.writeFileSync(path.join(root, 'docs/.termguard.yaml'), 'rules: [oops]\n');
  const broken = await run(root, ['print-config', 'docs/guide.md']);
  assert.equal(broken.code, 2);
  assert.match(broken.err, /^docs\/\.termguard\.yaml:1:\d+: error: /m);
});

test('list-rules and list-terms: a table, or JSON, with severities as the config sets them', async () => {
  const root = tempTree({ '.termguard.yaml': 'rules:\n  no-meh: error\n' });
  const table = await run(root, ['list-rules']);
  assert.equal(table.code, 0);
  const lines = table.out.split('\n');
  assert.match(lines[0]!, /^RULE\s+SEVERITY\s+CATEGORY\s+DEFINED IN$/);
  assert.match(table.out, /^no-forbidden\s+error\s+test\s+\S*core\.termguard\.yaml:1$/m);
  assert.match(table.out, /^no-meh\s+error \(was warning\)\s+test\s+/m);
  assert.match(table.out, /^2 rules$/m);
  const json = JSON.parse((await run(root, ['list-rules', '--format', 'json'])).out);
  assert.deepEqual(
    json.map((rule: { id: string; severity: string; defaultSeverity: string }) => [rule.id, rule.severity, rule.defaultSeverity]),
    [
      ['no-forbidden', 'error', 'error'],
      ['no-meh', 'error', 'warning'],
    ],
  );
  const terms = await run(root, ['list-terms']);
  assert.match(terms.out, /^TERM\s+DEFINITION\s+DEFINED IN$/m);
  assert.match(terms.out, /^widget\s+A small part\.\s+\S*core\.termguard\.yaml:5$/m);
  const termsJson = JSON.parse((await run(root, ['list-terms', '-f', 'json'])).out);
  assert.deepEqual(
    termsJson.map((entry: { term: string }) => entry.term),
    ['widget'],
  );
});

test('packNameOf reads the top-level pack name as written, quoted or not', () => {
  assert.equal(packNameOf({ file: 'a', text: '# c\npack: house # ours\nrules: []\n' }), 'house');
  assert.equal(packNameOf({ file: 'a', text: 'pack: "my pack"\n' }), 'my pack');
  assert.equal(packNameOf({ file: 'a', text: 'rules:\n  - pack: nested\n' }), undefined);
});

test('check: a broken pack is reported as file:line:col and exits 2; --allow-broken-packs reports it and keeps the exit status of the findings', async () => {
  const root = tempTree({
    '.termguard.yaml': 'packs: [team.termguard.yaml]\n',
    'team.termguard.yaml': 'pack: team\nbroken\n',
    'doc.md': 'Nothing to report.\n',
  });
  const strict = await run(root, ['check', 'doc.md']);
  assert.equal(strict.code, 2, strict.err);
  assert.match(strict.err, /^team\.termguard\.yaml:2:3: error: this pack is broken$/m);
  const allowed = await run(root, ['check', '--allow-broken-packs', 'doc.md']);
  assert.equal(allowed.code, 0, allowed.err);
  assert.match(allowed.err, /^team\.termguard\.yaml:2:3: error: this pack is broken$/m);
  const forbidden = await run(root, ['check', '--allow-broken-packs', '-'], { stdin: 'This is forbidden.\n' });
  assert.equal(forbidden.code, 1, 'an error finding still fails the run');
  const fixing = await run(root, ['check', '--allow-broken-packs', '--fix', 'doc.md']);
  assert.equal(fixing.code, 2, '--fix still refuses to write from a broken rule set');
  assert.equal(fs.readFileSync(path.join(root, 'doc.md'), 'utf8'), 'Nothing to report.\n');
});
