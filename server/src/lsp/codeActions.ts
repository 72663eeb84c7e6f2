/**
 * Code actions for findings: the rule's fixes, "disable for this line",
 * "fix all of this rule" and `source.fixAll.termguard` (so
 * `editor.codeActionsOnSave` can apply every fix on save), plus removing an
 * unused suppression comment.
 *
 * Fixes come from the cached findings of the document's current version: the
 * request's diagnostics are matched (by code and range) to the diagnostics of
 * that version, which are its findings index for index (then its problems).
 * A diagnostic the editor has moved since the last publication is thus
 * never fixed with ranges of an older text, and diagnostics carry no fixes
 * on the wire. No rule runs here.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Finding, Fix, TextEdit } from '../engine/api';
import { nextLineDirectiveText, readerFor, selectFixes, type CommentSyntax } from '../engine/index';
import type { CheckedDocument } from './checkScheduler';
import { DOCUMENT_PROBLEM_PREFIX } from './diagnostics';
import type { OpenDocument } from './documents';
import { toLspTextEdit, toRange, type PositionMap } from './positions';

/** The kind of the fix-all source action. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.termguard`;

/** The code action kinds the server produces (for the `codeActionProvider` capability). */
export const CODE_ACTION_KINDS: readonly string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** How edits are sent back. */
export interface CodeActionOptions {
  /** The client accepts `documentChanges` (versioned edits it can refuse when the document moved on). */
  readonly documentChanges: boolean;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * Finds a sent diagnostic among the current ones by code and range. A request
 * for a large selection can send thousands, so beyond a few the current ones
 * are indexed once instead of searched for each.
 */
function diagnosticFinder(current: readonly Diagnostic[], sentCount: number): (sent: Diagnostic) => number {
  if (sentCount <= 4)
    return (sent) => current.findIndex((candidate) => candidate.code === sent.code && sameRange(candidate.range, sent.range));
  const key = (diagnostic: Diagnostic): string => {
    const { start, end } = diagnostic.range;
    return `${String(diagnostic.code)}\0${start.line}:${start.character}:${end.line}:${end.character}`;
  };
  const byKey = new Map<string, number>();
  current.forEach((diagnostic, index) => {
    if (!byKey.has(key(diagnostic))) byKey.set(key(diagnostic), index);
  });
  return (sent) => byKey.get(key(sent)) ?? -1;
}

/** True when `kind` is requested by `only` (a kind includes its sub-kinds, `source.fixAll` includes `source.fixAll.termguard`). */
function requested(only: readonly string[] | undefined, kind: string, offeredByDefault: boolean): boolean {
  if (!only || only.length === 0) return offeredByDefault;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/**
 * The code actions for a request on `document`, whose current version was
 * checked as `checked`.
 */
export function codeActionsFor(
  params: CodeActionParams,
  document: OpenDocument,
  checked: CheckedDocument,
  options: CodeActionOptions,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const workspaceEdit = (edits: LspTextEdit[]): WorkspaceEdit =>
    options.documentChanges
      ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
      : { changes: { [document.uri]: edits } };

  if (requested(only, CodeActionKind.QuickFix, true)) {
    const disabledLines = new Set<string>();
    const fixAllRules = new Set<string>();
    const indexOf = diagnosticFinder(checked.diagnostics, params.context.diagnostics.length);
    for (const sent of params.context.diagnostics) {
      const index = indexOf(sent);
      if (index < 0) continue;
      const current = checked.diagnostics[index]!;
      const finding = index < checked.findings.length ? checked.findings[index] : undefined;
      if (!finding) {
        if (current.code === `${DOCUMENT_PROBLEM_PREFIX}unused-suppression`) {
          const problem = checked.problems[index - checked.findings.length];
          if (problem?.range) actions.push(removeCommentAction(document, problem.range, current, workspaceEdit));
        }
        continue;
      }
      const ruleId = finding.ruleId;
      for (const fix of finding.fixes) actions.push(quickFix(fix, current, document.lines, workspaceEdit));

      const line = current.range.start.line;
      const lineKey = `${ruleId}\0${line}`;
      // A comment would break a strict JSON file: only JSON with comments (VS Code's jsonc) gets one.
      const commentSyntax =
        document.kind === 'json' && document.languageId !== 'jsonc' ? undefined : readerFor(document.kind).commentSyntax;
      if (commentSyntax !== undefined && !disabledLines.has(lineKey)) {
        disabledLines.add(lineKey);
        actions.push({
          title: `Disable ${ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [current],
          edit: workspaceEdit([disableNextLineEdit(document, line, ruleId, commentSyntax)]),
        });
      }

      if (!fixAllRules.has(ruleId)) {
        fixAllRules.add(ruleId);
        const fixable = checked.findings.filter((finding) => finding.ruleId === ruleId && !finding.baselined && finding.fixes.length > 0);
        if (fixable.length > 1) {
          const edits = selectFixes(fixable).edits;
          actions.push({
            title: `Fix all ${ruleId} findings in this document`,
            kind: CodeActionKind.QuickFix,
            diagnostics: checked.diagnostics.filter(
              (diagnostic, diagnosticIndex) => diagnosticIndex < checked.findings.length && diagnostic.code === ruleId,
            ),
            edit: workspaceEdit(edits.map((edit) => toLspTextEdit(document.lines, edit))),
          });
        }
      }
    }
  }

  if (requested(only, FIX_ALL_KIND, false)) {
    const edits = fixAllEdits(checked.findings);
    if (edits.length > 0) {
      actions.push({
        title: 'Fix all Termguard findings',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(edits.map((edit) => toLspTextEdit(document.lines, edit))),
      });
    }
  }
  return actions;
}

/** The edits of the first fix of every finding (baselined ones excepted) that can be applied together. */
export function fixAllEdits(findings: readonly Finding[]): readonly TextEdit[] {
  return selectFixes(findings.filter((finding) => !finding.baselined)).edits;
}

/** The quick fix of one fix of a finding, in positions of the version it was found in. */
function quickFix(
  fix: Fix,
  diagnostic: Diagnostic,
  lines: PositionMap,
  workspaceEdit: (edits: LspTextEdit[]) => WorkspaceEdit,
): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: workspaceEdit(fix.edits.map((edit) => toLspTextEdit(lines, edit))),
  };
}

/**
 * Inserts `<!-- termguard-disable-next-line RULE -->` (in the document's
 * comment syntax) on a line of its own
 * above `line`, repeating the line's indentation and block-quote markers so
 * the comment stays inside the same container (a list item's continuation,
 * a quote), and using the document's line break.
 */
function disableNextLineEdit(document: OpenDocument, line: number, ruleId: string, syntax: CommentSyntax): LspTextEdit {
  const start = document.lines.lineStart(line);
  const content = document.text.slice(start, document.lines.lineContentEnd(line));
  // Block-quote markers belong to Markdown; elsewhere a leading `>` is text.
  const quotes = document.kind === 'markdown' || document.kind === 'mdx';
  const prefix = (quotes ? /^[ \t]*(?:>[ \t]?)*/ : /^[ \t]*/).exec(content)?.[0] ?? '';
  const lineBreak = /\r\n?|\n/.exec(document.text)?.[0] ?? '\n';
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `${prefix}${nextLineDirectiveText(ruleId, syntax)}${lineBreak}` };
}

/** Removes an unused suppression comment, with its line when the comment stands alone on it. */
function removeCommentAction(
  document: OpenDocument,
  comment: { readonly start: number; readonly end: number },
  diagnostic: Diagnostic,
  workspaceEdit: (edits: LspTextEdit[]) => WorkspaceEdit,
): CodeAction {
  const lines = document.lines;
  const first = lines.positionAt(comment.start).line;
  const last = lines.positionAt(comment.end).line;
  const lineStart = lines.lineStart(first);
  const lineEnd = lines.lineContentEnd(last);
  const alone = document.text.slice(lineStart, comment.start).trim() === '' && document.text.slice(comment.end, lineEnd).trim() === '';
  const range = alone
    ? { start: lineStart, end: last + 1 < lines.lineCount ? lines.lineStart(last + 1) : lineEnd }
    : { start: comment.start, end: comment.end };
  return {
    title: 'Remove unused suppression comment',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: workspaceEdit([{ range: toRange(lines, range), newText: '' }]),
  };
}
