/**
 * Diagnostics over a real LSP connection: what is published after open and
 * after incremental edits must equal a full `engine.check` of the same text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { essentials, expected } from '../helpers/expectedDiagnostics';
import { applyWorkspaceEdit, serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

const DOCUMENT = [
  '# Launch notes',
  '',
  'The SRE enables access to ChatGPT for every support agent.',
  '',
  '- Agents call on OpenAI models when they need help.',
  '- We integrate with Chat GPT and run on AWS bedrock.',
  '',
  '> Quoted: the runtime invokes ChatGPT to classify each email.',
  '',
  '```',
  'code that enables access to ChatGPT is not prose',
  '```',
  '',
].join('\n');

describe('lsp diagnostics', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server));

  it('publishes the findings of a full check after open, with code, link and source, and no data', async () => {
    const uri = workspace.uri('open.md');
    await client.open(uri, DOCUMENT);
    const published = await client.waitForDiagnostics(uri, 1);
    assert.deepEqual(published.diagnostics.map(essentials), expected(DOCUMENT));
    assert.ok(published.diagnostics.length >= 4, 'the sample has several findings');
    const first = published.diagnostics[0]!;
    assert.equal(first.source, 'termguard');
    assert.equal(first.code, 'memo/enables-access');
    assert.equal(first.codeDescription?.href, 'https://github.com/termguard/termguard/blob/main/docs/rules.md#memo-enables-access');
    // Code actions read the fixes from the server's cached findings.
    assert.equal(first.data, undefined);
  });

  it('follows a series of incremental edits (insertions, deletions, line breaks, multi-change events)', async () => {
    const uri = workspace.uri('edits.md');
    await client.open(uri, DOCUMENT);
    await client.waitForDiagnostics(uri, 1);
    const text = (): string => client.text(uri);
    // Fix the first finding by hand.
    let at = text().indexOf('enables access to');
    await client.replace(uri, at, at + 'enables access to'.length, 'integrates with');
    // Break a paragraph into two and join it back elsewhere.
    at = text().indexOf('Agents call on');
    await client.replace(uri, at, at, 'New paragraph.\n\n');
    // Type a new finding character by character.
    const typed = 'Frontier calls on GPT-5 daily. ';
    let position = text().indexOf('We integrate');
    for (const character of typed) {
      await client.replace(uri, position, position, character);
      position++;
    }
    // Delete the fenced block's closing fence: the code becomes... still code (unclosed fences run to the end).
    at = text().lastIndexOf('```');
    await client.replace(uri, at, at + 3, '');
    // Two changes in one event, the second in coordinates left by the first.
    const version = await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: 'Intro: GPT-4o now runs on AWS infrastructure.\n\n',
      },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: '#' },
    ]);
    const published = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(published.diagnostics.map(essentials), expected(text()));
    assert.ok(
      published.diagnostics.some((diagnostic) => diagnostic.code === 'memo/calls-on' && String(diagnostic.message).includes('calls on')),
    );
  });

  it('handles CRLF documents and edits that split a CRLF pair', async () => {
    const uri = workspace.uri('crlf.md');
    const crlf = DOCUMENT.replace(/\n/g, '\r\n');
    await client.open(uri, crlf);
    let published = await client.waitForDiagnostics(uri, 1);
    assert.deepEqual(published.diagnostics.map(essentials), expected(crlf));
    // Insert between \r and \n of the first line break, then remove it again.
    const at = client.text(uri).indexOf('\r\n') + 1;
    await client.replace(uri, at, at, 'x');
    const version = await client.replace(uri, at, at + 1, '');
    published = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(published.diagnostics.map(essentials), expected(client.text(uri)));
  });

  it('checks plain text as plain text and ignores languages not in termguard.languages', async () => {
    const plain = workspace.uri('notes.txt');
    const text = 'The SRE enables access to ChatGPT.\n\n# not a heading, calls on ChatGPT here\n';
    await client.open(plain, text, 'plaintext');
    const published = await client.waitForDiagnostics(plain, 1);
    assert.deepEqual(published.diagnostics.map(essentials), expected(text, 'plaintext'));

    const other = workspace.uri('code.ts');
    await client.open(other, '// The SRE enables access to ChatGPT.\n', 'typescript');
    // Hover forces the pending check of that document to complete; still nothing is published for it.
    assert.equal(await client.hover(other, 10), null);
    assert.equal(client.lastDiagnostics(other), undefined);
  });

  it('reads an HTML document as HTML: a finding in a <p>, none in a <script>, and "disable for this line" writes an HTML comment', async () => {
    const uri = workspace.uri('page.html');
    const text = '<p>The SRE calls on ChatGPT.</p>\n<script>\nconst s = "The SRE calls on ChatGPT.";\n</script>\n';
    await client.open(uri, text, 'html');
    const published = await client.waitForDiagnostics(uri, 1);
    assert.ok(published.diagnostics.length > 0, 'a finding in the <p>');
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.range.start.line),
      published.diagnostics.map(() => 0),
      'nothing in the <script>',
    );
    assert.deepEqual(published.diagnostics.map(essentials), expected(text, 'html'));
    const actions = (await client.codeActions(uri, published.diagnostics[0]!.range, { diagnostics: [published.diagnostics[0]!] })) ?? [];
    const disable = actions.find((action) => action.title.startsWith('Disable '));
    assert.match(applyWorkspaceEdit(text, uri, disable?.edit), /^<!-- termguard-disable-next-line \S+ -->\n<p>/);
  });

  it("takes the kind from the file name for a language id it does not know, and Neovim's `text` as plain text", async () => {
    const unknown = workspace.uri('guide.adoc');
    const adoc = '= Guide\n\n----\nThe SRE calls on ChatGPT.\n----\n\nThe SRE calls on ChatGPT.\n';
    await client.changeSettings({ debounceMs: 0, languages: ['asciidoctor', 'text'] });
    await client.open(unknown, adoc, 'asciidoctor');
    const published = await client.waitForDiagnostics(unknown, 1);
    assert.deepEqual(published.diagnostics.map(essentials), expected(adoc, 'asciidoc'));
    assert.ok(
      published.diagnostics.every((diagnostic) => diagnostic.range.start.line === 6),
      'nothing in the listing block',
    );

    const text = workspace.uri('notes');
    await client.open(text, 'The SRE calls on ChatGPT.\n', 'text');
    assert.ok((await client.waitForDiagnostics(text, 1)).diagnostics.length > 0);
    await client.changeSettings({ debounceMs: 0 });
  });

  it('applies a settings change: severityOverrides memo/calls-on: off removes that diagnostic', async () => {
    const uri = workspace.uri('settings.md');
    const text = 'Agents call on OpenAI models for reasoning.\n\nThe SRE enables access to ChatGPT.\n';
    await client.open(uri, text);
    const before = await client.waitForDiagnostics(uri, 1);
    assert.ok(before.diagnostics.some((diagnostic) => diagnostic.code === 'memo/calls-on'));
    await client.changeSettings({ debounceMs: 0, severityOverrides: { 'memo/calls-on': 'off', 'category:access': 'hint' } });
    const after = await client.waitForPublication(
      uri,
      (params) => !params.diagnostics.some((d) => d.code === 'memo/calls-on'),
      'calls-on to disappear',
    );
    assert.deepEqual(
      after.diagnostics.map(essentials),
      expected(text, 'markdown', { severityOverrides: { 'memo/calls-on': 'off', 'category:access': 'hint' } }),
    );
    assert.equal(after.diagnostics.find((d) => d.code === 'memo/enables-access')?.severity, 4);
    assert.equal(after.version, 1, 'a re-check after a settings change publishes the same version again');

    await client.changeSettings({ debounceMs: 0, enable: false });
    await client.waitForPublication(uri, (params) => params.diagnostics.length === 0, 'diagnostics to clear when disabled');
    await client.changeSettings({ debounceMs: 0 });
    await client.waitForPublication(uri, (params) => params.diagnostics.some((d) => d.code === 'memo/calls-on'), 'diagnostics to return');
  });

  it('skips documents over termguard.maxFileSizeKB and says so once', async () => {
    const uri = workspace.uri('big.md');
    await client.changeSettings({ debounceMs: 0, maxFileSizeKB: 1 });
    const text = `The SRE enables access to ChatGPT.\n\n${'Plain filler sentence for size.\n'.repeat(60)}`;
    await client.open(uri, text);
    await client.waitForMessage(/larger than termguard\.maxFileSizeKB/);
    const version = await client.replace(uri, 0, 0, 'x');
    assert.equal(await client.hover(uri, 5), null);
    assert.equal(client.shownMessages.filter((message) => message.message.includes('maxFileSizeKB')).length, 1);
    assert.equal(client.lastDiagnostics(uri), undefined);
    await client.changeSettings({ debounceMs: 0 });
    const published = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(published.diagnostics.map(essentials), expected(client.text(uri)));
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = workspace.uri('close.md');
    await client.open(uri, 'The SRE enables access to ChatGPT.\n');
    await client.waitForPublication(uri, (params) => params.diagnostics.length === 1, 'one finding');
    await client.close(uri);
    await client.waitForPublication(
      uri,
      (params) => params.diagnostics.length === 0 && params.version === undefined,
      'diagnostics cleared on close',
    );
  });
});

describe('lsp diagnostics under rapid typing', () => {
  it('500 rapid incremental edits end with the final version published, equal to a full re-check', async () => {
    const workspace = new TempWorkspace();
    // A real debounce, so that most edits are coalesced and the rest race with checks.
    const client = await TestClient.start({ folders: [workspace.root], settings: { debounceMs: 5 } });
    try {
      const uri = workspace.uri('rapid.md');
      const base = `${DOCUMENT}\n${DOCUMENT}`;
      await client.open(uri, base);
      await client.waitForDiagnostics(uri, 1);
      const sentence = ' Our agents call on ChatGPT and enable access to GPT-5.\n\nAWS bedrock hosts it.';
      let seed = 7;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const sends: Promise<number>[] = [];
      let length = base.length;
      for (let i = 0; i < 500; i++) {
        // Without awaiting: all 500 notifications are queued at once, as a fast typist's editor would.
        const choice = random(10);
        const at = random(length + 1);
        if (choice < 6) {
          const character = sentence[i % sentence.length]!;
          sends.push(client.replace(uri, at, at, character));
          length += 1;
        } else if (choice < 9 && length > 10) {
          sends.push(client.replace(uri, at > 0 ? at - 1 : 0, at > 0 ? at : 1, ''));
          length -= 1;
        } else {
          sends.push(client.replace(uri, at, at, '\n'));
          length += 1;
        }
      }
      const versions = await Promise.all(sends);
      const finalVersion = versions[versions.length - 1]!;
      assert.equal(finalVersion, 501);
      const published = await client.waitForDiagnostics(uri, finalVersion);
      assert.deepEqual(published.diagnostics.map(essentials), expected(client.text(uri)));
      const versionsPublished = client.published.filter((params) => params.uri === uri).map((params) => params.version!);
      for (let i = 1; i < versionsPublished.length; i++) {
        assert.ok(versionsPublished[i]! >= versionsPublished[i - 1]!, `published versions never go back: ${versionsPublished.join(',')}`);
      }
      assert.ok(versionsPublished.length < 250, `most intermediate versions are coalesced (published ${versionsPublished.length} times)`);
      // Nothing stale arrives afterwards: a hover round trip drains the server's queue.
      await client.hover(uri, 0);
      assert.equal(client.lastDiagnostics(uri)!.version, finalVersion);
    } finally {
      client.dispose();
      workspace.remove();
    }
  });
});

describe('lsp diagnostics for a client that shows no documentation links', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server), undefined, { codeDescriptionSupport: false });

  it('leaves codeDescription out and keeps everything else', async () => {
    const uri = workspace.uri('plain-client.md');
    await client.open(uri, DOCUMENT);
    const published = await client.waitForDiagnostics(uri, 1);
    assert.deepEqual(published.diagnostics.map(essentials), expected(DOCUMENT));
    assert.ok(published.diagnostics.every((diagnostic) => diagnostic.codeDescription === undefined));
    const actions = (await client.codeActions(uri, published.diagnostics[0]!.range, { diagnostics: [published.diagnostics[0]!] }))!;
    assert.equal(actions[0]?.title, 'Replace with “integrates with”', 'the quick fixes do not depend on the link');
  });
});
