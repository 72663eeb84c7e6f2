/**
 * Rule packs and configs checked as they are typed, over a real LSP
 * connection: every kind of pack problem at its exact place, config
 * problems (missing packs, unknown rule ids), and how live diagnostics and
 * the problems of the file on disk take turns.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/engine/index';
import { HOUSE_PACK as VALID_PACK, serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

/** The 0-based position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" occurs ${nth + 1} time(s)`);
  }
  return new LineIndex(text).positionAt(index + delta);
}

function withCode(published: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return published.diagnostics.filter((diagnostic) => diagnostic.code === `termguard/${code}`);
}

describe('lsp pack diagnostics', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server));

  it('publishes nothing for a valid pack', async () => {
    const uri = workspace.uri('valid.termguard.yaml');
    await client.open(uri, VALID_PACK, 'termguard-pack');
    const published = await client.waitForDiagnostics(uri, 1);
    assert.deepEqual(published.diagnostics, []);
  });

  it('reports an unknown key as a schema error on its line, at the key', async () => {
    const uri = workspace.uri('schema.termguard.yaml');
    const text = VALID_PACK.replace('    category: style\n', '    category: style\n    colour: red\n');
    await client.open(uri, text, 'termguard-pack');
    const [diagnostic, ...rest] = withCode(await client.waitForDiagnostics(uri, 1), 'schema');
    assert.ok(diagnostic, 'a schema diagnostic');
    assert.equal(rest.length, 0);
    assert.match(String(diagnostic.message), /unknown key `colour`/);
    assert.equal(diagnostic.source, 'termguard');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic.range.start, positionOf(text, 'colour'));
    assert.deepEqual(diagnostic.range.end, positionOf(text, 'colour', 'colour'.length));
  });

  it('follows edits: the diagnostic appears and disappears as the text changes (also for plain yaml documents)', async () => {
    const uri = workspace.uri('typing.termguard.yaml');
    await client.open(uri, VALID_PACK, 'yaml');
    assert.deepEqual((await client.waitForDiagnostics(uri, 1)).diagnostics, []);
    const at = VALID_PACK.indexOf('severity: warning') + 'severity: '.length;
    const v2 = await client.replace(uri, at, at + 'warning'.length, 'loud');
    const [diagnostic] = withCode(await client.waitForDiagnostics(uri, v2), 'schema');
    assert.ok(diagnostic, 'a schema error for the bad severity');
    assert.match(String(diagnostic.message), /must be one of: error, warning, information, hint/);
    assert.equal(diagnostic.range.start.line, positionOf(VALID_PACK, 'severity: warning').line);
    const v3 = await client.replace(uri, at, at + 'loud'.length, 'hint');
    assert.deepEqual((await client.waitForDiagnostics(uri, v3)).diagnostics, []);
  });

  it('reports YAML syntax errors', async () => {
    const uri = workspace.uri('yaml.termguard.yaml');
    const text = 'pack: house\nrules:\n  - id: [house/a\n';
    await client.open(uri, text, 'termguard-pack');
    const found = withCode(await client.waitForDiagnostics(uri, 1), 'yaml');
    assert.ok(found.length > 0, 'a yaml diagnostic');
    assert.ok(found.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error));
  });

  it('reports a pattern that does not parse at the offending character', async () => {
    const uri = workspace.uri('syntax.termguard.yaml');
    const text = VALID_PACK.replace('      - "{@weak-verb}"\n', '      - "{@weak-verb}"\n      - "utilize (a|b"\n      - "leverage )"\n');
    await client.open(uri, text, 'termguard-pack');
    const found = withCode(await client.waitForDiagnostics(uri, 1), 'pattern-syntax');
    assert.equal(found.length, 2, JSON.stringify(found));
    const [unclosed, stray] = found as [Diagnostic, Diagnostic];
    assert.match(String(unclosed.message), /`utilize \(a\|b` does not parse: `\(` is never closed/);
    assert.deepEqual(unclosed.range.start, positionOf(text, '(a|b'));
    assert.match(String(stray.message), /unexpected `\)`/);
    assert.deepEqual(stray.range.start, positionOf(text, 'leverage )', 'leverage '.length));
  });

  it('reports an unknown word set at its reference, naming the known sets', async () => {
    const uri = workspace.uri('unknown-set.termguard.yaml');
    const text = VALID_PACK.replace('"{@weak-verb}"', '"{@weak-verbs}"');
    await client.open(uri, text, 'termguard-pack');
    const [diagnostic] = withCode(await client.waitForDiagnostics(uri, 1), 'unknown-set');
    assert.ok(diagnostic, 'an unknown-set diagnostic');
    assert.match(String(diagnostic.message), /@weak-verbs.*known sets: @vendor, @weak-verb/);
    assert.deepEqual(diagnostic.range.start, positionOf(text, '@weak-verbs'));
    assert.deepEqual(diagnostic.range.end, positionOf(text, '@weak-verbs', '@weak-verbs'.length), 'the squiggle covers the reference only');
  });

  it('reports a set cycle', async () => {
    const uri = workspace.uri('cycle.termguard.yaml');
    const text = VALID_PACK.replace(
      '  weak-verb: [utilize, leverage]\n',
      '  weak-verb: [utilize, leverage, "@more"]\n  more: ["@weak-verb"]\n',
    );
    await client.open(uri, text, 'termguard-pack');
    const [diagnostic] = withCode(await client.waitForDiagnostics(uri, 1), 'set-cycle');
    assert.ok(diagnostic, 'a set-cycle diagnostic');
    assert.match(String(diagnostic.message), /refers to itself/);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
  });

  it('reports a duplicate rule id on the second definition, and a rule without examples as a warning', async () => {
    const uri = workspace.uri('duplicate.termguard.yaml');
    const second = `  - id: house/weak-verbs
    category: style
    severity: hint
    message: Again.
    reason: Again.
    patterns: ["leverage"]
  - id: house/untested
    category: style
    severity: hint
    message: Untested.
    reason: No examples.
    patterns: ["synergy"]
`;
    const text = VALID_PACK + second;
    await client.open(uri, text, 'termguard-pack');
    const published = await client.waitForDiagnostics(uri, 1);
    const [duplicate, ...moreDuplicates] = withCode(published, 'duplicate-rule');
    assert.ok(duplicate, 'a duplicate-rule diagnostic');
    assert.equal(moreDuplicates.length, 0);
    assert.equal(duplicate.severity, DiagnosticSeverity.Error);
    assert.deepEqual(duplicate.range.start, positionOf(text, 'house/weak-verbs', 0, 1));
    assert.match(String(duplicate.message), /first defined on line 6/);
    const [untested, ...otherUntested] = withCode(published, 'no-examples');
    assert.ok(untested, 'a no-examples diagnostic');
    assert.equal(otherUntested.length, 0, 'the duplicate itself is not reported twice');
    assert.equal(untested.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(untested.range.start, positionOf(text, 'house/untested'));
  });

  it('reports, in a config, a missing pack file, an unknown rule id and an unknown key', async () => {
    workspace.write('cfg/house.termguard.yaml', VALID_PACK);
    const uri = workspace.uri('cfg/.termguard.yaml');
    const text = `packs:
  - house.termguard.yaml
  - missing.termguard.yaml
rules:
  memo/enables-access: off
  house/weak-verbs: error
  category:style: hint
  nope/rule: warning
  category:nothing: off
colour: red
`;
    await client.open(uri, text, 'termguard-pack');
    let published = await client.waitForDiagnostics(uri, 1);
    // A schema error makes the config unusable: it is the only problem then.
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.code),
      ['termguard/schema'],
    );
    assert.deepEqual(published.diagnostics[0]!.range.start, positionOf(text, 'colour'));
    const fixed = text.replace('colour: red\n', '');
    const version = await client.change(uri, [{ text: fixed }]);
    published = await client.waitForDiagnostics(uri, version);
    const [missing, ...otherMissing] = withCode(published, 'pack-missing');
    assert.ok(missing, 'a pack-missing diagnostic');
    assert.equal(otherMissing.length, 0, 'the existing pack is fine');
    assert.equal(missing.severity, DiagnosticSeverity.Error);
    assert.deepEqual(missing.range.start, positionOf(fixed, 'missing.termguard.yaml'));
    assert.match(String(missing.message), /missing\.termguard\.yaml/);
    const unknown = withCode(published, 'unknown-rule');
    assert.deepEqual(
      unknown.map((diagnostic) => diagnostic.message),
      ['unknown rule `nope/rule` in `rules`', 'unknown category `nothing` in `rules`'],
    );
    assert.ok(unknown.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning));
    assert.deepEqual(unknown[0]!.range.start, positionOf(fixed, 'nope/rule'));
    assert.equal(published.diagnostics.length, 3);
  });

  it('shows the live diagnostics of an open pack instead of those of the file on disk, and those again after closing', async () => {
    const root = new TempWorkspace();
    const own = await TestClient.start({ folders: [root.root], settings: { debounceMs: 0 } });
    try {
      const broken = VALID_PACK.replace('"{@weak-verb}"', '"{@weak-verbs}"');
      root.write('packs/house.termguard.yaml', broken);
      root.write('.termguard.yaml', 'packs: [packs/house.termguard.yaml]\n');
      const packUri = root.uri('packs/house.termguard.yaml');
      // Checking a document loads the workspace pack: its problems are published for the file on disk.
      await own.open(root.uri('doc.md'), 'Nothing here.\n');
      const fromDisk = await own.waitForPublication(packUri, (params) => params.diagnostics.length > 0, 'problems of the pack on disk');
      assert.equal(fromDisk.version, undefined);
      assert.deepEqual(
        fromDisk.diagnostics.map((diagnostic) => diagnostic.code),
        ['termguard/unknown-set'],
      );

      await own.open(packUri, broken, 'termguard-pack');
      const version = await own.replace(
        packUri,
        broken.indexOf('@weak-verbs'),
        broken.indexOf('@weak-verbs') + '@weak-verbs'.length,
        '@weak-verb',
      );
      const live = await own.waitForDiagnostics(packUri, version);
      assert.deepEqual(live.diagnostics, [], 'the fixed text has no problems, whatever the file on disk says');

      // The file on disk changes (another broken version) and the registry publishes its new problems: held back while the pack is open.
      root.write('packs/house.termguard.yaml', VALID_PACK.replace('"{@weak-verb}"', '"{@vendorz}"'));
      const before = own.published.length;
      await own.notifyWatchedFiles([{ uri: packUri, type: 2 }]);
      await own.waitForDiagnostics(root.uri('doc.md'));
      assert.ok(own.published.slice(before).every((params) => params.uri !== packUri || params.diagnostics.length === 0));
      assert.deepEqual(own.lastDiagnostics(packUri)?.diagnostics, []);

      await own.close(packUri);
      const restored = await own.waitForPublication(packUri, (params) => params.diagnostics.length > 0, 'the disk problems after closing');
      assert.deepEqual(
        restored.diagnostics.map((diagnostic) => diagnostic.code),
        ['termguard/unknown-set'],
      );
      assert.match(String(restored.diagnostics[0]!.message), /@vendorz/, 'the problems of the file as it is now on disk');
    } finally {
      own.dispose();
      root.remove();
    }
  });
});
