/**
 * Text synchronisation over a real LSP connection: after any sequence of
 * incremental changes, what the server reports (diagnostics, pushed or
 * pulled, and code actions) must equal what it reports for a fresh open of
 * the client's text. The client's copy is kept by
 * vscode-languageserver-textdocument, the reference implementation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentText, stepSpec, toChange, type ChangeSpec } from '../helpers/editArbitraries';
import { applyWorkspaceEdit, HOUSE_PACK, serverForSuite, type SuiteServer, type TestClient } from '../helpers/lspTestClient';

/** A code action with the document's URI and version taken out, so those of two documents compare. */
function comparable(action: CodeAction, uri: string): unknown {
  return JSON.parse(
    JSON.stringify(action)
      .replaceAll(JSON.stringify(uri).slice(1, -1), 'URI')
      .replace(/"version":\d+/g, '"version":0'),
  );
}

/** What the server says about a document: its diagnostics, every code action for them, and the fix-all action. */
interface Answers {
  readonly diagnostics: readonly Diagnostic[];
  readonly quickFixes: unknown;
  readonly fixAll: unknown;
  /** The client's text after the fix-all action, or undefined without one. */
  readonly fixedText: string | undefined;
}

/** Diagnostics of the current version of `uri`: pulled, or waited for until published. */
async function currentDiagnostics(client: TestClient, uri: string, pull: boolean): Promise<Diagnostic[]> {
  if (pull) {
    const report: DocumentDiagnosticReport = await client.pull(uri);
    assert.equal(report.kind, 'full');
    return (report as { items: Diagnostic[] }).items;
  }
  return (await client.waitForDiagnostics(uri, client.version(uri))).diagnostics;
}

/**
 * The diagnostics of `uri` once they satisfy `settled`: a pulling client
 * pulls until they do, a publishing one waits for such a publication (the
 * version alone cannot tell when the client reused a version).
 */
async function settledDiagnostics(
  client: TestClient,
  uri: string,
  pull: boolean,
  settled: (diagnostics: readonly Diagnostic[]) => boolean,
): Promise<Diagnostic[]> {
  if (!pull)
    return (await client.waitForPublication(uri, (params) => settled(params.diagnostics), 'the diagnostics of the changed text'))
      .diagnostics;
  // A pull runs the pending check first, so one pull answers for the latest change.
  return currentDiagnostics(client, uri, true);
}

async function answers(client: TestClient, uri: string, pull: boolean): Promise<Answers> {
  const diagnostics = await currentDiagnostics(client, uri, pull);
  const whole = { start: { line: 0, character: 0 }, end: client.positionAt(uri, client.text(uri).length) };
  const quickFixes = (await client.codeActions(uri, whole, { diagnostics })) ?? [];
  const fixAll = (await client.codeActions(uri, whole, { diagnostics: [], only: ['source.fixAll.termguard'] })) ?? [];
  return {
    diagnostics,
    quickFixes: quickFixes.map((action) => comparable(action, uri)),
    fixAll: fixAll.map((action) => comparable(action, uri)),
    fixedText: fixAll[0] ? applyWorkspaceEdit(client.text(uri), uri, fixAll[0].edit) : undefined,
  };
}

/**
 * Opens `initial`, sends `steps`, and asserts that the server's answers
 * for the result equal those for a fresh open of the client's final text.
 */
async function replayAndCompare(
  server: SuiteServer,
  name: string,
  initial: string,
  steps: readonly { changes: readonly ChangeSpec[]; settle: boolean }[],
  pull: boolean,
): Promise<void> {
  const { client, workspace } = server;
  const uri = workspace.uri(`${name}.md`);
  const freshUri = workspace.uri(`${name}-fresh.md`);
  await client.open(uri, initial);
  try {
    for (const step of steps) {
      const reference = TextDocument.create(uri, 'markdown', 0, client.text(uri));
      const changes = step.changes.map((spec) => {
        const change = toChange(reference, spec);
        TextDocument.update(reference, [change], 0);
        return change;
      });
      await client.change(uri, changes);
      if (step.settle) await currentDiagnostics(client, uri, pull);
    }
    const edited = await answers(client, uri, pull);
    await client.open(freshUri, client.text(uri));
    try {
      const fresh = await answers(client, freshUri, pull);
      assert.deepEqual(edited, fresh, `after the edits, the document is ${JSON.stringify(client.text(uri))}`);
    } finally {
      await client.close(freshUri);
    }
  } finally {
    await client.close(uri);
  }
}

/** The repro of a report: a large deletion left the server's line table behind the text, and its fixes then overwrote the user's words. */
const TWENTY_LINES_THEN_FINDING = `${'xxxxx\n'.repeat(20)}The SRE enables access to ChatGPT.\n`;

for (const pull of [false, true]) {
  describe(`lsp text synchronisation (${pull ? 'pulled' : 'published'} diagnostics)`, () => {
    let server: SuiteServer;
    serverForSuite((started) => (server = started), undefined, { pullDiagnostics: pull });

    it('reports a finding where it is after deleting most of the document, and its fix keeps the typed text', async () => {
      const { client, workspace } = server;
      const uri = workspace.uri('large-deletion.md');
      await client.open(uri, TWENTY_LINES_THEN_FINDING);
      await client.change(uri, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: 'y' }]);
      await client.change(uri, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, text: '' }]);
      await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, text: '' }]);
      await client.change(uri, [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Use Chatgpt natively on AWS.' },
      ]);
      assert.equal(client.text(uri), 'The SRE enables access to ChatGPT.\nUse Chatgpt natively on AWS.');
      const diagnostics = await currentDiagnostics(client, uri, pull);
      const enables = diagnostics.find((diagnostic) => diagnostic.code === 'memo/enables-access');
      assert.deepEqual(enables?.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 25 } });
      for (const diagnostic of diagnostics)
        assert.ok(diagnostic.range.end.line <= 1, `${diagnostic.code} lies inside the two-line document`);
      const actions = (await client.codeActions(uri, enables!.range, { diagnostics: [enables!] })) ?? [];
      const fixed = applyWorkspaceEdit(client.text(uri), uri, actions[0]?.edit);
      assert.ok(fixed.endsWith('\nUse Chatgpt natively on AWS.'), `the fix leaves the second line alone: ${JSON.stringify(fixed)}`);
      await client.close(uri);
      await replayAndCompare(
        server,
        'large-deletion-replay',
        TWENTY_LINES_THEN_FINDING,
        [
          { changes: [{ kind: 'replace', a: 0, b: 0, text: 'y', reversed: false }], settle: true },
          { changes: [{ kind: 'shrink', a: 0, b: 0.2, text: '', reversed: false }], settle: false },
        ],
        pull,
      );
    });

    it('takes the content of a change whose version is not higher than the current one as the truth', async () => {
      const { client, workspace } = server;
      const uri = workspace.uri('repeated-version.md');
      await client.open(uri, 'All good here.\n', 'markdown', 5);
      assert.deepEqual(await currentDiagnostics(client, uri, pull), []);
      // The same version again, now with a finding.
      await client.change(
        uri,
        [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'The SRE enables access to ChatGPT.\n' }],
        5,
      );
      const same = await settledDiagnostics(client, uri, pull, (diagnostics) => diagnostics.length > 0);
      assert.deepEqual(
        same.map((diagnostic) => diagnostic.code),
        ['memo/enables-access'],
      );
      // A lower version that removes it.
      await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }], 3);
      assert.equal(client.text(uri), 'All good here.\n');
      assert.deepEqual(await settledDiagnostics(client, uri, pull, (diagnostics) => diagnostics.length === 0), []);
      await client.close(uri);
    });

    it('checks a rule pack again after a change that repeats its version', async () => {
      const { client, workspace } = server;
      const uri = workspace.uri('repeated-version.termguard.yaml');
      await client.open(uri, HOUSE_PACK, 'termguard-pack');
      assert.deepEqual((await client.waitForDiagnostics(uri, 1)).diagnostics, []);
      const at = HOUSE_PACK.indexOf('severity: warning') + 'severity: '.length;
      await client.change(
        uri,
        [{ range: { start: client.positionAt(uri, at), end: client.positionAt(uri, at + 'warning'.length) }, text: 'loud' }],
        1,
      );
      const published = await client.waitForPublication(
        uri,
        (params) => params.diagnostics.length > 0,
        'a schema error for the bad severity',
      );
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => diagnostic.code),
        ['termguard/schema'],
      );
      await client.close(uri);
    });

    it('reads a range whose end comes before its start as the reference client library does', async () => {
      const { client, workspace } = server;
      const uri = workspace.uri('reversed-range.md');
      await client.open(uri, 'All good here.\nThe SRE enables access to ChatGPT.\n');
      // End before start: vscode-languageserver-textdocument replaces the text between the two positions.
      await client.change(uri, [{ range: { start: { line: 1, character: 25 }, end: { line: 1, character: 8 } }, text: 'integrates with' }]);
      assert.equal(client.text(uri), 'All good here.\nThe SRE integrates with ChatGPT.\n');
      assert.deepEqual(await currentDiagnostics(client, uri, pull), []);
      await client.close(uri);
      await replayAndCompare(
        server,
        'reversed-range-replay',
        'The SRE enables access to ChatGPT.\n\nAWS bedrock\n',
        [{ changes: [{ kind: 'replace', a: 0.3, b: 0.5, text: 'x', reversed: true }], settle: false }],
        pull,
      );
    });

    it('answers like a fresh open of the client text after random incremental changes', { timeout: 120_000 }, async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(documentText(24), fc.array(stepSpec, { minLength: 1, maxLength: 8 }), async (initial, steps) => {
          await replayAndCompare(server, `random-${run++}`, initial, steps, pull);
        }),
        { seed: pull ? 4242 : 42, numRuns: pull ? 100 : 150 },
      );
    });
  });
}
