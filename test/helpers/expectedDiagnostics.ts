/**
 * What the language server should report for a text: a full `engine.check`
 * of it with the built-in packs, as the essentials of LSP diagnostics.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { CheckOptions, DocumentKind } from '../../server/src/engine/api';
import { LineIndex } from '../../server/src/engine/index';
import { builtinEngine } from './builtinEngine';

/** The essentials of a diagnostic, for comparisons. */
export function essentials(diagnostic: Diagnostic): unknown {
  return { code: diagnostic.code, range: diagnostic.range, severity: diagnostic.severity, message: diagnostic.message };
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** What the server should publish for `text`: a full check, offsets converted with the engine's LineIndex. */
export function expected(text: string, kind: DocumentKind = 'markdown', options?: CheckOptions): unknown[] {
  const result = builtinEngine().check(text, kind, options);
  const lines = new LineIndex(text);
  const range = (start: number, end: number) => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  return [
    ...result.findings.map((finding) => ({
      code: finding.ruleId,
      range: range(finding.range.start, finding.range.end),
      severity: SEVERITY[finding.severity],
      message: finding.message,
    })),
    ...result.problems.map((problem) => ({
      code: `termguard/${problem.code}`,
      range: problem.range ? range(problem.range.start, problem.range.end) : range(0, 0),
      severity: SEVERITY[problem.severity],
      message: problem.message,
    })),
  ];
}
