/**
 * Pulled diagnostics (LSP 3.17 `textDocument/diagnostic`), as VS Code asks
 * for them: the server answers with the full set and a result id, answers
 * "unchanged" when the client already holds the current set, asks the client
 * to pull again when settings change, and never also publishes the
 * diagnostics of an open document.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { essentials, expected } from '../helpers/expectedDiagnostics';
import { serverForSuite, type SuiteServer } from '../helpers/lspTestClient';
import { seededRandom } from '../helpers/seededRandom';

/** The items of a full report; fails on an "unchanged" one. */
function itemsOf(report: DocumentDiagnosticReport): Diagnostic[] {
  assert.equal(report.kind, 'full', 'a full report');
  return (report as { items: Diagnostic[] }).items;
}

const DOCUMENT = [
  '# Notes',
  '',
  'The SRE enables access to ChatGPT for every agent.',
  '',
  'All good here.',
  '',
  '- Agents call on OpenAI models.',
  '',
].join('\n');

describe('lsp pulled diagnostics', () => {
  let server: SuiteServer;
  serverForSuite((started) => (server = started), undefined, { pullDiagnostics: true });

  it('answers a pull with the full set and a result id, and publishes nothing for the open document', async () => {
    const { client, workspace } = server;
    const uri = workspace.uri('pulled.md');
    await client.open(uri, DOCUMENT);
    const report = await client.pull(uri);
    assert.deepEqual(itemsOf(report).map(essentials), expected(DOCUMENT));
    assert.ok((report as { resultId?: string }).resultId, 'a result id');
    assert.equal(client.published.filter((params) => params.uri === uri && params.diagnostics.length > 0).length, 0);
  });

  it('answers "unchanged" after an edit that moves no diagnostic, and the full set after one that does', async () => {
    const { client, workspace } = server;
    const uri = workspace.uri('unchanged.md');
    await client.open(uri, DOCUMENT);
    const first = (await client.pull(uri)) as { resultId: string };
    // Typing in a paragraph with no finding leaves every diagnostic where it was.
    const good = DOCUMENT.indexOf('All good');
    await client.replace(uri, good, good, 'Truly ');
    const second = await client.pull(uri, first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
    // A new line at the top moves every diagnostic down one line.
    await client.replace(uri, 0, 0, 'Intro.\n\n');
    const third = await client.pull(uri, first.resultId);
    assert.deepEqual(itemsOf(third).map(essentials), expected(client.text(uri)));
    assert.notEqual((third as { resultId: string }).resultId, first.resultId);
    // A new finding is reported at once.
    const end = client.text(uri).length;
    await client.replace(uri, end, end, '\nWe call upon GPT-5 daily.\n');
    const fourth = await client.pull(uri, (third as { resultId: string }).resultId);
    assert.deepEqual(itemsOf(fourth).map(essentials), expected(client.text(uri)));
  });

  it('stays equal to a full check through 300 random edits, pulling after each', async () => {
    const { client, workspace } = server;
    const uri = workspace.uri('random.md');
    await client.open(uri, DOCUMENT.repeat(4));
    const next = seededRandom(2718);
    const snippets = [
      'x',
      ' ',
      '\n',
      '\n\n',
      'enables access to ChatGPT',
      ' calls on GPT-4o ',
      '> ',
      '- ',
      '`',
      '# ',
      'AWS bedrock',
      'powered by OpenAI',
    ];
    let resultId: string | undefined;
    let items: Diagnostic[] = [];
    for (let step = 0; step < 300; step++) {
      const text = client.text(uri);
      const start = Math.floor(next() * (text.length + 1));
      const end = Math.min(text.length, start + (next() < 0.6 ? 0 : Math.floor(next() * 12)));
      await client.replace(uri, start, end, next() < 0.3 ? '' : snippets[Math.floor(next() * snippets.length)]!);
      const report = await client.pull(uri, resultId);
      if (report.kind === 'full') {
        items = report.items;
        resultId = report.resultId;
      } else {
        assert.equal(report.resultId, resultId);
      }
      assert.deepEqual(items.map(essentials), expected(client.text(uri)), `after step ${step}`);
    }
  });

  it('asks the client to pull again when settings change, and the next pull has the new result', async () => {
    const { client, workspace } = server;
    const uri = workspace.uri('settings.md');
    await client.open(uri, DOCUMENT);
    const before = (await client.pull(uri)) as { resultId: string };
    const refreshes = client.refreshRequests;
    await client.changeSettings({ debounceMs: 0, severityOverrides: { 'memo/calls-on': 'off' } });
    await client.waitFor('a diagnostic refresh request', () => (client.refreshRequests > refreshes ? true : undefined));
    const after = await client.pull(uri, before.resultId);
    assert.deepEqual(itemsOf(after).map(essentials), expected(DOCUMENT, 'markdown', { severityOverrides: { 'memo/calls-on': 'off' } }));
    await client.changeSettings({ debounceMs: 0 });
  });

  it('clears what a workspace check published for a file once the file is open and pulled', async () => {
    const { client, workspace } = server;
    const path = workspace.write('closed.md', DOCUMENT);
    const uri = workspace.uri('closed.md');
    await client.executeCommand('termguard.checkWorkspace', {});
    await client.waitForPublication(uri, (params) => params.diagnostics.length > 0, 'the workspace check of the closed file');
    await client.open(uri, DOCUMENT);
    assert.deepEqual(itemsOf(await client.pull(uri)).map(essentials), expected(DOCUMENT));
    await client.waitForPublication(uri, (params) => params.diagnostics.length === 0, 'the published diagnostics cleared');
    assert.ok(path.endsWith('closed.md'));
  });
});
