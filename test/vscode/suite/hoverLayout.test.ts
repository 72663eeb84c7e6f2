/**
 * Hovers a writer can read at a glance: shown in the real workbench, each
 * hover must fit without a vertical scrollbar, and a finding's hover must show
 * its "Quick Fix..." action inside what is visible. The extension host has no
 * DOM, so the code-server runner measures the page (the `hover` probe of
 * test/vscode/pageProbes.mjs); under a runner that cannot (Electron) the
 * tests skip and say why.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  hoverText,
  NEEDS_PAGE_REASON,
  positionOf,
  probePage,
  ruleOf,
  runnerSeesThePage,
  screenshot,
  openFile,
  waitForDiagnostics,
  type HoverLayout,
  type TermguardApi,
} from './testkit';

/** Enough of a text to know the hover holds it, short enough to stay on one rendered line's worth. */
const opening = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 40);

suite('Hover layout in the workbench (measured by the code-server runner)', () => {
  let api: TermguardApi;
  let editor: vscode.TextEditor;

  suiteSetup(async function () {
    if (!runnerSeesThePage()) {
      console.log(`Hover layout: skipped, ${NEEDS_PAGE_REASON}`);
      this.skip();
    }
    api = await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closePanel');
    editor = await openFile('examples/release-notes.md');
    await waitForDiagnostics(
      editor.document.uri,
      (diagnostics) => ['memo/calls-on', 'memo/availability-claim'].every((rule) => diagnostics.some((d) => ruleOf(d) === rule)),
      'memo/calls-on and memo/availability-claim',
    );
  });

  /** Puts the cursor at `position` mid-screen, shows the hover there and has the runner measure it. */
  async function measureHoverAt(
    position: vscode.Position,
    name: string,
    expectText: string[],
    expectQuickFix: boolean,
  ): Promise<HoverLayout> {
    // The server answers first (a cold or busy server can take seconds), so the probe measures the whole hover.
    await hoverText(editor.document.uri, position);
    if (expectQuickFix) {
      await vscode.commands.executeCommand('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(position, position));
    }
    editor = await vscode.window.showTextDocument(editor.document, { preview: false });
    // "Show or Focus Hover" only focuses a hover that is still open (an earlier suite's, say) instead of showing the new one.
    await vscode.commands.executeCommand('editor.action.hideHover');
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    const layout = await probePage<HoverLayout>('hover', name, { expectText, expectQuickFix });
    // A picture of what showed instead, next to the probe's answer, for the failure.
    if (!layout.found || !layout.ready) await screenshot(`${name}-not-ready`);
    await vscode.commands.executeCommand('editor.action.hideHover');
    return layout;
  }

  /** A finding's hover: the runner saw it, it needs no scrollbar, and "Quick Fix..." shows inside it. */
  async function assertFindingHoverFits(rule: string, line: number, words: string, name: string): Promise<void> {
    const position = positionOf(editor.document, line, words, 1);
    const finding = vscode.languages.getDiagnostics(editor.document.uri).find((d) => ruleOf(d) === rule && d.range.contains(position));
    assert.ok(finding, `${rule} covers "${words}" on line ${line}`);
    const explanation = await api.explainRule(rule);
    assert.ok(explanation, `${rule} is loaded`);
    const layout = await measureHoverAt(position, name, [opening(finding.message), opening(explanation.rule.reason)], true);
    const seen = JSON.stringify(layout, null, 2);
    assert.equal(layout.error, undefined, seen);
    assert.ok(layout.found && layout.ready, `the hover of ${rule} with its status row showed:\n${seen}`);
    assert.equal(layout.needsVerticalScroll, false, `the hover of ${rule} needs no vertical scrollbar:\n${seen}`);
    assert.ok(layout.insideWindow, `the hover of ${rule} lies inside the window:\n${seen}`);
    assert.ok(layout.quickFix, `the hover of ${rule} offers "Quick Fix...":\n${seen}`);
    assert.ok(layout.quickFix.inside, `"Quick Fix..." lies inside the visible hover:\n${seen}`);
  }

  test('a memo error (memo/calls-on) fits without scrolling and shows "Quick Fix..."', async () => {
    await assertFindingHoverFits('memo/calls-on', 17, 'call on', 'hover-calls-on');
  });

  test('the availability claim (memo/availability-claim, the longest message) fits without scrolling and shows "Quick Fix..."', async () => {
    await assertFindingHoverFits('memo/availability-claim', 18, 'available', 'hover-availability-claim');
  });

  test('a glossary term ("SRE") fits without scrolling', async () => {
    const entry = (await api.glossary(editor.document.uri)).find((candidate) => candidate.id === 'sre');
    assert.ok(entry, 'glossary entry sre');
    const layout = await measureHoverAt(
      positionOf(editor.document, 10, '(SRE)', 2),
      'hover-glossary-sre',
      [opening(entry.definition)],
      false,
    );
    const seen = JSON.stringify(layout, null, 2);
    assert.equal(layout.error, undefined, seen);
    assert.ok(layout.found && layout.ready, `the glossary hover showed:\n${seen}`);
    assert.equal(layout.needsVerticalScroll, false, `the glossary hover needs no vertical scrollbar:\n${seen}`);
    assert.ok(layout.insideWindow, `the glossary hover lies inside the window:\n${seen}`);
    // No finding there, so VS Code adds no status row; if one shows, it must not be cut off.
    assert.ok(!layout.statusRow || layout.statusRow.inside, `the status row lies inside the visible hover:\n${seen}`);
  });
});
