/**
 * "Did you mean" quick fixes in rule packs and configs: an unknown word set
 * (`@vendr` → `@vendor`) and a `rules` key of a config that names no known
 * rule or category (`memo/enables-acess` → `memo/enables-access`).
 *
 * The diagnostics name the misspelt text exactly (the unknown set's
 * reference, the `rules` key), so the fix replaces the diagnostic's range;
 * the candidates are what the document can name (packContext.ts).
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { closestMatches } from '../../engine/index';
import { DOCUMENT_PROBLEM_PREFIX } from '../diagnostics';
import type { OpenDocument } from '../documents';
import type { PackContext, PackDocumentAnalysis } from './packContext';

/** At most this many suggestions per diagnostic. */
const MAX_SUGGESTIONS = 3;

/** How edits are sent back (as in codeActions.ts). */
export interface PackCodeActionOptions {
  /** The client accepts `documentChanges` (versioned edits). */
  readonly documentChanges: boolean;
}

/** The quick fixes for the request's diagnostics in an open pack or config. */
export function packCodeActions(
  params: CodeActionParams,
  document: OpenDocument,
  analysis: PackDocumentAnalysis,
  context: PackContext,
  options: PackCodeActionOptions,
): CodeAction[] {
  const only = params.context.only;
  if (only && only.length > 0 && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`)))
    return [];
  const workspaceEdit = (edits: TextEdit[]): WorkspaceEdit =>
    options.documentChanges
      ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
      : { changes: { [document.uri]: edits } };
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const written = textOf(document, diagnostic);
    if (written === undefined) continue;
    const quote = /^["']/.exec(written)?.[0] ?? '';
    const quoted = quote !== '' && written.length >= 2 && written.endsWith(quote);
    const suggestions = suggestionsFor(diagnostic, quoted ? written.slice(1, -1) : written, analysis, context);
    suggestions.forEach((suggestion, index) => {
      actions.push({
        title: `Did you mean ${suggestion}?`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(index === 0 ? { isPreferred: true } : {}),
        edit: workspaceEdit([{ range: diagnostic.range, newText: quoted ? `${quote}${suggestion}${quote}` : suggestion }]),
      });
    });
  }
  return actions;
}

/** The text under a diagnostic, if it is on one line and not empty. */
function textOf(document: OpenDocument, diagnostic: Diagnostic): string | undefined {
  const { start, end } = diagnostic.range;
  if (start.line !== end.line || start.character >= end.character) return undefined;
  const text = document.text.slice(document.lines.offsetAt(start), document.lines.offsetAt(end));
  return text.length > 0 ? text : undefined;
}

/**
 * The replacements for `bare`, the text of a diagnostic without its quotes,
 * closest first, written the same way (with or without `@`).
 */
function suggestionsFor(diagnostic: Diagnostic, bare: string, analysis: PackDocumentAnalysis, context: PackContext): string[] {
  if (diagnostic.code === `${DOCUMENT_PROBLEM_PREFIX}unknown-set` && analysis.kind === 'pack') {
    const at = bare.startsWith('@') ? '@' : '';
    const name = bare.slice(at.length);
    const known = context.setsOf(analysis).map((set) => set.name);
    return closestMatches(
      name,
      known.filter((candidate) => candidate !== name),
      MAX_SUGGESTIONS,
    ).map((candidate) => `${at}${candidate}`);
  }
  if (diagnostic.code === `${DOCUMENT_PROBLEM_PREFIX}unknown-rule` && analysis.kind === 'config') {
    const rules = context.knownRules(analysis);
    if (bare.startsWith('category:')) {
      const categories = [...new Set(rules.map((rule) => rule.category))];
      return closestMatches(bare.slice('category:'.length), categories, MAX_SUGGESTIONS).map((category) => `category:${category}`);
    }
    return closestMatches(
      bare,
      rules.map((rule) => rule.id).filter((id) => id !== bare),
      MAX_SUGGESTIONS,
    );
  }
  return [];
}
