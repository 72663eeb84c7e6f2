/**
 * A team pack's `documentation:` URL over a real LSP connection: it is the
 * diagnostic's codeDescription, the hover's link and the Explain Rule URL;
 * a team pack without one gets no link at all (never the built-in page).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver/node';
import type { RuleExplanation } from '../../server/src/protocol/protocol';
import { serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

/** A team pack with one rule; `documentation` adds a `documentation:` line. */
function teamPack(name: string, documentation?: string): string {
  return `pack: ${name}
${documentation ? `documentation: ${documentation}\n` : ''}rules:
  - id: ${name}/synergy
    category: jargon
    severity: warning
    message: "Avoid '{match}': it is jargon."
    reason: Jargon hides meaning.
    alternatives: [cooperation]
    patterns: ["{${name === 'linked' ? 'synergy' : 'leverage'}}"]
    examples:
      bad: ["We value ${name === 'linked' ? 'synergy' : 'leverage'}."]
      good: ["We value cooperation."]
`;
}

const DOCS = 'https://docs.example.com/house-style';
const TEXT = 'We value synergy and leverage across teams.\n';

describe('lsp rule documentation links', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite(
    (server) => ({ client, workspace } = server),
    (ws) => {
      ws.write('.termguard.yaml', 'packs: [linked.termguard.yaml, unlinked.termguard.yaml]\n');
      ws.write('linked.termguard.yaml', teamPack('linked', DOCS));
      ws.write('unlinked.termguard.yaml', teamPack('unlinked'));
    },
  );

  it("links a team rule's diagnostic, hover and explanation to its pack's documentation: URL", async () => {
    const uri = workspace.uri('doc.md');
    await client.open(uri, TEXT);
    const published = await client.waitForDiagnostics(uri, 1);
    const linked = published.diagnostics.find((diagnostic) => diagnostic.code === 'linked/synergy');
    assert.ok(linked, JSON.stringify(published.diagnostics));
    assert.equal(linked.codeDescription?.href, `${DOCS}#linked-synergy`);
    assert.equal(linked.message, 'Avoid “synergy”: it is jargon.');

    const hover = await client.hover(uri, TEXT.indexOf('synergy') + 2);
    const markdown = (hover!.contents as MarkupContent).value;
    assert.ok(markdown.endsWith(`[Rule documentation](${DOCS}#linked-synergy)`), markdown);

    const explanation = await client.executeCommand<RuleExplanation | null>('termguard.explainRule', 'linked/synergy', uri);
    assert.equal(explanation?.url, `${DOCS}#linked-synergy`);
    assert.ok(explanation.markdown.includes(`[Documentation](${DOCS}#linked-synergy)`), explanation.markdown);
  });

  it('gives a team rule without documentation: no link, and never the built-in page', async () => {
    const uri = workspace.uri('unlinked.md');
    await client.open(uri, TEXT);
    const published = await client.waitForDiagnostics(uri, 1);
    const unlinked = published.diagnostics.find((diagnostic) => diagnostic.code === 'unlinked/synergy');
    assert.ok(unlinked, JSON.stringify(published.diagnostics));
    assert.equal(unlinked.codeDescription, undefined);

    const markdown = (await client.hover(uri, TEXT.indexOf('leverage') + 2))!.contents as MarkupContent;
    assert.ok(!markdown.value.includes('http'), markdown.value);

    const explanation = await client.executeCommand<RuleExplanation | null>('termguard.explainRule', 'unlinked/synergy', uri);
    assert.ok(explanation);
    assert.equal(explanation.url, undefined);
    assert.ok(!explanation.markdown.includes('http'), explanation.markdown);
  });
});
