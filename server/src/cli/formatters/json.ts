/**
 * `--format json`: exactly one JSON array with one object per checked file,
 * `{file, diagnostics: [{ruleId, severity, message, range, fixes}]}`; lines
 * 0-based, characters UTF-16 code units.
 */
import type { CheckReport, ReportRange } from './report';

function plainRange(range: ReportRange): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

/** Renders the report as the JSON array (with a trailing newline); only the documented keys appear. */
export function formatJson(report: CheckReport): string {
  const files = report.files.map((file) => ({
    file: file.file,
    diagnostics: file.diagnostics.map((diagnostic) => ({
      ruleId: diagnostic.ruleId,
      severity: diagnostic.severity,
      message: diagnostic.message,
      range: plainRange(diagnostic.range),
      fixes: diagnostic.fixes.map((fix) => ({
        title: fix.title,
        edits: fix.edits.map((edit) => ({ range: plainRange(edit.range), newText: edit.newText })),
      })),
    })),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
}
