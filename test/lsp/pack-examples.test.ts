/**
 * A rule pack's examples run when it is saved, over a real LSP connection:
 * each failing example is reported on its own line (next to the as-you-type
 * diagnostics) until the next save.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/engine/index';
import { serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

const PACK = `pack: house
sets:
  weak-verb: [utilize, leverage]
rules:
  - id: house/weak-verbs
    category: style
    severity: warning
    message: "Prefer a plain verb to {match}."
    reason: Plain verbs are easier to read.
    patterns:
      - "{@weak-verb}"
    fixes:
      - replace: use
    examples:
      bad:
        - "We utilized the cache."
        - "We optimized the cache."
      good: ["We used the cache.", "We leveraged the cache."]
      fixed:
        - from: "We utilize caches."
          to: "We employ caches."
  - id: house/untested
    category: style
    severity: hint
    message: Untested.
    reason: No examples.
    patterns: ["synergy"]
`;

function exampleFailures(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === 'termguard/example-failed');
}

/** The LSP range of the first occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  const lines = new LineIndex(text);
  return { start: lines.positionAt(index), end: lines.positionAt(index + needle.length) };
}

describe('lsp pack examples on save', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server));

  const save = (uri: string): Promise<void> => client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });

  it('reports each failing example on its line after a save, with the as-you-type diagnostics, until the next save', async () => {
    const uri = workspace.uri('house.termguard.yaml');
    workspace.write('house.termguard.yaml', PACK);
    await client.open(uri, PACK, 'termguard-pack');
    const typed = await client.waitForDiagnostics(uri, 1);
    assert.deepEqual(
      typed.diagnostics.map((diagnostic) => diagnostic.code),
      ['termguard/no-examples'],
      'no example runs before a save',
    );

    await save(uri);
    const saved = await client.waitForPublication(
      uri,
      (params) => exampleFailures(params.diagnostics).length > 0,
      'example failures after saving',
    );
    assert.equal(saved.version, 1);
    assert.ok(
      saved.diagnostics.some((diagnostic) => diagnostic.code === 'termguard/no-examples'),
      'the as-you-type diagnostics stay',
    );
    const failures = exampleFailures(saved.diagnostics);
    assert.deepEqual(
      failures.map((diagnostic) => diagnostic.range),
      [rangeOf(PACK, 'We optimized the cache.'), rangeOf(PACK, 'We leveraged the cache.'), rangeOf(PACK, 'We utilize caches.')],
      'one diagnostic per failing example, covering the example on its line',
    );
    const [bad, good, fixed] = failures as [Diagnostic, Diagnostic, Diagnostic];
    assert.equal(bad.message, 'bad example of house/weak-verbs fails: expected a finding of house/weak-verbs, got none');
    assert.match(
      String(good.message),
      /^good example of house\/weak-verbs fails: expected no finding of house\/weak-verbs, got one on "leveraged"/,
    );
    assert.equal(
      fixed.message,
      'fixed example of house/weak-verbs fails: expected the first fix to give "We employ caches.", got "We use caches."',
    );
    assert.ok(failures.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error && diagnostic.source === 'termguard'));

    // Typing keeps the example results of the last save.
    const at = PACK.indexOf('Untested.');
    const version = await client.replace(uri, at, at + 'Untested.'.length, 'Not tested.');
    const edited = await client.waitForDiagnostics(uri, version);
    assert.equal(exampleFailures(edited.diagnostics).length, 3);

    // Fix the examples and save again: the failures are gone.
    let text = client.text(uri);
    const fixes: [string, string][] = [
      ['"We optimized the cache."', '"We leverage the cache."'],
      ['"We leveraged the cache."', '"We optimized the cache."'],
      ['"We employ caches."', '"We use caches."'],
    ];
    for (const [from, to] of fixes) {
      const start = text.indexOf(from);
      await client.replace(uri, start, start + from.length, to);
      text = client.text(uri);
    }
    await save(uri);
    const clean = await client.waitForPublication(
      uri,
      (params) => exampleFailures(params.diagnostics).length === 0 && params.version === client.version(uri),
      'no example failures after the second save',
    );
    assert.deepEqual(
      clean.diagnostics.map((diagnostic) => diagnostic.code),
      ['termguard/no-examples'],
    );
  });

  it('runs nothing for a pack that does not load, and nothing for configs', async () => {
    const uri = workspace.uri('broken.termguard.yaml');
    const text = PACK.replace('"{@weak-verb}"', '"{@weak-verbs}"');
    await client.open(uri, text, 'termguard-pack');
    await client.waitForDiagnostics(uri, 1);
    const next = client.waitForDiagnostics(uri);
    await save(uri);
    // The broken rule is left out of the pack, so its examples do not run; the save still republishes.
    const published = await next;
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.code),
      ['termguard/unknown-set', 'termguard/no-examples'],
    );

    const config = workspace.uri('.termguard.yaml');
    await client.open(config, 'rules:\n  memo/enables-access: off\n', 'termguard-pack');
    assert.deepEqual((await client.waitForDiagnostics(config, 1)).diagnostics, []);
    const before = client.published.length;
    await save(config);
    // A hover round trip orders the save before the check below.
    await client.hover(config, 0);
    assert.ok(
      client.published.slice(before).every((params) => params.uri !== config),
      'saving a config publishes nothing',
    );
  });
});
