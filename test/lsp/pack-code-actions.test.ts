/**
 * "Did you mean" quick fixes in open rule packs and configs, over a real LSP
 * connection: unknown word sets and unknown `rules` keys.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { applyWorkspaceEdit, HOUSE_PACK, serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

/** The quick fixes offered for the first diagnostic with `code` in the published diagnostics of `uri`. */
async function fixesFor(client: TestClient, uri: string, code: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
  const published = await client.waitForPublication(
    uri,
    (params) => params.diagnostics.some((d) => d.code === `termguard/${code}`),
    `a ${code} diagnostic`,
  );
  const diagnostic = published.diagnostics.find((d) => d.code === `termguard/${code}`)!;
  const actions = await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] });
  return { diagnostic, actions: actions ?? [] };
}

describe('lsp pack quick fixes', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server));

  it('offers the closest word set for an unknown one, replacing only the reference', async () => {
    const uri = workspace.uri('vendr.termguard.yaml');
    const text = HOUSE_PACK.replace('"{@weak-verb}"', '"{@vendr Corp}"');
    await client.open(uri, text, 'termguard-pack');
    const { actions } = await fixesFor(client, uri, 'unknown-set');
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Did you mean @vendor?'],
    );
    assert.equal(actions[0]!.isPreferred, true);
    assert.equal(applyWorkspaceEdit(text, uri, actions[0]!.edit), HOUSE_PACK.replace('"{@weak-verb}"', '"{@vendor Corp}"'));
  });

  it('offers the closest word set for an unknown set named in a condition', async () => {
    const uri = workspace.uri('mentions.termguard.yaml');
    const text = HOUSE_PACK.replace('    patterns:\n', '    conditions:\n      sentence-mentions: [vendorz]\n    patterns:\n');
    await client.open(uri, text, 'termguard-pack');
    const { actions } = await fixesFor(client, uri, 'unknown-set');
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Did you mean vendor?'],
    );
    assert.equal(applyWorkspaceEdit(text, uri, actions[0]!.edit), text.replace('[vendorz]', '[vendor]'));
  });

  it('offers nothing when no known set is close', async () => {
    const uri = workspace.uri('far.termguard.yaml');
    await client.open(uri, HOUSE_PACK.replace('"{@weak-verb}"', '"{@xylophone}"'), 'termguard-pack');
    const { actions } = await fixesFor(client, uri, 'unknown-set');
    assert.deepEqual(actions, []);
  });

  it("offers the closest rule id or category for an unknown key of a config's rules", async () => {
    const uri = workspace.uri('cfg/.termguard.yaml');
    const text = 'rules:\n  memo/enables-acess: hint\n  "category:nameing": off\n';
    await client.open(uri, text, 'termguard-pack');
    const published = await client.waitForPublication(uri, (params) => params.diagnostics.length === 2, 'two unknown-rule diagnostics');
    const [rule, category] = published.diagnostics as [Diagnostic, Diagnostic];
    const ruleActions = (await client.codeActions(uri, rule.range, { diagnostics: [rule] })) ?? [];
    assert.equal(ruleActions[0]?.title, 'Did you mean memo/enables-access?');
    assert.equal(applyWorkspaceEdit(text, uri, ruleActions[0]!.edit), text.replace('memo/enables-acess', 'memo/enables-access'));
    const categoryActions = (await client.codeActions(uri, category.range, { diagnostics: [category] })) ?? [];
    assert.equal(categoryActions[0]?.title, 'Did you mean category:naming?');
    assert.equal(applyWorkspaceEdit(text, uri, categoryActions[0]!.edit), text.replace('category:nameing', 'category:naming'));
  });
});
