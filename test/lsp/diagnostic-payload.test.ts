/**
 * The size of what the server publishes: diagnostics carry no fixes (code
 * actions read them from the server's cached findings), so a document with
 * many findings costs only the diagnostics themselves.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

/** A fixed document of 50 paragraphs, each with findings that have fixes (and one whose fix edits more than the finding). */
const PARAGRAPH = [
  'The SRE enables access to ChatGPT for every support agent.',
  'Agents call on OpenAI models when they need help, and we run on AWS bedrock with Chat GPT.',
].join(' ');
const DOCUMENT = Array.from({ length: 50 }, (_, index) => `## Section ${index + 1}\n\n${PARAGRAPH}\n`).join('\n');

/**
 * Bytes of the published diagnostics' JSON for DOCUMENT when `Diagnostic.data`
 * carried the fixes (200 diagnostics, measured once on commit 5cedd3d before the change).
 */
const BYTES_WITH_FIXES_IN_DATA = 79_685;

describe('lsp diagnostic payload', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server));

  it('publishes no fix text in diagnostic data, and fewer bytes than when data carried the fixes', async () => {
    const uri = workspace.uri('many.md');
    await client.open(uri, DOCUMENT);
    const published = await client.waitForDiagnostics(uri, 1);
    const bytes = Buffer.byteLength(JSON.stringify(published.diagnostics));
    assert.ok(published.diagnostics.length >= 200, `the document has many findings (${published.diagnostics.length})`);
    for (const diagnostic of published.diagnostics) {
      const data = JSON.stringify(diagnostic.data ?? null);
      for (const fixText of ['integrates with', 'is powered by', 'Amazon Bedrock', 'ChatGPT']) {
        assert.ok(!data.includes(fixText), `no fix text in data: ${data}`);
      }
    }
    assert.ok(bytes < BYTES_WITH_FIXES_IN_DATA, `${bytes} bytes, before ${BYTES_WITH_FIXES_IN_DATA}`);
  });
});
