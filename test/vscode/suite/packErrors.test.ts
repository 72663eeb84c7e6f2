import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  ruleOf,
  termguardDiagnostics,
  waitFor,
  waitForDiagnostics,
  workspaceRoot,
  writeWorkspaceFile,
  type ShownNotice,
  type TermguardApi,
} from './testkit';

// broken/ has a .termguard.yaml of its own that adds a pack with one broken rule to the workspace's team pack.
const PACK = `pack: vendors
sets:
  vendor: [Acme, Globex]
rules:
  - id: vendors/corp
    category: naming
    severity: warning
    message: "Write the vendor's name without “Corp”."
    reason: Vendors are named without their legal suffix.
    patterns: ["{@vendor Corp}"]
    examples:
      bad: ["We buy from Acme Corp."]
      good: ["We buy from Acme."]
  - id: vendors/synergy
    category: jargon
    severity: warning
    message: "Avoid “{match}”."
    reason: Jargon hides meaning.
    patterns: [synergy]
    examples:
      bad: ["We value synergy."]
      good: ["We value teamwork."]
`;
const BROKEN = PACK.replace('{@vendor Corp}', '{@vendr Corp}');
const DOC = 'We utilize synergy with Acme Corp.\n';

/** Waits for the next broken-file warning after the `seen` ones. */
function nextNotice(api: TermguardApi, seen: number): Promise<ShownNotice> {
  return waitFor(
    () => api.brokenFileNotices()[seen],
    () => `a broken-pack warning (shown so far: ${JSON.stringify(api.brokenFileNotices())})`,
    undefined,
    api.onDidShowBrokenFileNotice,
  );
}

const rulesOf = (diagnostics: readonly vscode.Diagnostic[]): string[] => diagnostics.map(ruleOf).sort();

suite('A broken team pack', () => {
  let api: TermguardApi;
  let doc: vscode.Uri;
  let pack: vscode.Uri;

  suiteSetup(async () => {
    api = await activateExtension();
    writeWorkspaceFile('broken/.termguard.yaml', 'packs: [vendors.termguard.yaml]\n');
    pack = writeWorkspaceFile('broken/vendors.termguard.yaml', BROKEN);
    doc = writeWorkspaceFile('broken/doc.md', DOC);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'broken'), { recursive: true });
  });

  test("leaves the other rules running, warns with the pack's name relative to the folder and the problem's line; Open pack and Show Problems work", async () => {
    const seen = api.brokenFileNotices().length;
    // Not a preview: opening the pack next must not close it.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc), { preview: false });
    const found = await waitForDiagnostics(
      doc,
      (diagnostics) => rulesOf(diagnostics).includes('vendors/synergy'),
      "the pack's working rule",
    );
    assert.deepEqual(
      rulesOf(found),
      ['team/no-utilize', 'vendors/synergy'],
      "the workspace's team pack and the broken pack's other rule still run",
    );
    const notice = await nextNotice(api, seen);
    assert.equal(
      notice.message,
      'Termguard: broken/vendors.termguard.yaml has an error on line 10: unknown word set @vendr (known sets: @vendor). ' +
        'The part with the error is off until it is fixed; all other rules still run.',
    );
    assert.ok(!notice.message.includes(workspaceRoot().fsPath), 'no absolute path');
    assert.deepEqual(notice.actions, ['Open pack', 'Show Problems']);
    assert.equal(vscode.Uri.parse(notice.uri).toString(), pack.toString());
    // The buttons, as if clicked: the pack opens in an editor; the Problems panel command runs.
    await api.brokenFileNoticeAction(notice, 'Open pack');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), pack.toString(), 'Open pack opened the pack');
    await api.brokenFileNoticeAction(notice, 'Show Problems');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc), { preview: false });
  });

  test('its problem is a diagnostic on the unknown set name only, with a "did you mean" fix', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(pack), { preview: false });
    const [problem] = await waitForDiagnostics(
      pack,
      (diagnostics) => diagnostics.some((d) => ruleOf(d) === 'termguard/unknown-set'),
      'the unknown set',
    );
    assert.equal(editor.document.getText(problem!.range), '@vendr');
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', pack, problem!.range)) ?? [];
    const fix = actions.find((action) => action.title === 'Did you mean @vendor?');
    assert.ok(fix?.edit, `the fix among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.getText().includes('{@vendor Corp}'));
    await waitForDiagnostics(pack, (diagnostics) => diagnostics.length === 0, 'the fixed pack to have no problems');
    // Saved, the fixed rule runs.
    await editor.document.save();
    await waitForDiagnostics(doc, (diagnostics) => rulesOf(diagnostics).includes('vendors/corp'), 'the fixed rule to run');
  });

  test('warns nothing while the pack is typed broken, and once it is saved', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(pack), { preview: false });
    const seen = api.brokenFileNotices().length;
    const at = editor.document.getText().indexOf('@vendor Corp');
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + '@vendor'.length)), '@vendorz'),
    );
    await waitForDiagnostics(pack, (diagnostics) => diagnostics.some((d) => ruleOf(d) === 'termguard/unknown-set'), 'the typed error');
    assert.equal(api.brokenFileNotices().length, seen, 'no warning for an unsaved pack');
    assert.ok(rulesOf(termguardDiagnostics(doc)).includes('vendors/corp'), 'the saved pack still applies');
    await editor.document.save();
    const notice = await nextNotice(api, seen);
    assert.match(notice.message, /^Termguard: broken\/vendors\.termguard\.yaml has an error on line 10: unknown word set @vendorz /);
    await waitForDiagnostics(doc, (diagnostics) => !rulesOf(diagnostics).includes('vendors/corp'), 'the broken rule to be off');
  });
});
