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

type PlainDiagnostic = CheckReport['files'][number]['diagnostics'][number];

function plainDiagnostic(diagnostic: PlainDiagnostic): object {
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    range: plainRange(diagnostic.range),
    fixes: diagnostic.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => ({ range: plainRange(edit.range), newText: edit.newText })),
    })),
  };
}

function indent(json: string, spaces: string): string {
  return spaces + json.replace(/\n/g, `\n${spaces}`);
}

/**
 * Renders the report as the JSON array (with a trailing newline), exactly as
 * `JSON.stringify(files, null, 2)` would, but in pieces: a 50 MB document
 * can have more findings than one JavaScript string can hold.
 */
export function* formatJson(report: CheckReport): Generator<string> {
  if (report.files.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (const [fileIndex, file] of report.files.entries()) {
    yield `  {\n    "file": ${JSON.stringify(file.file)},\n    "diagnostics": `;
    if (file.diagnostics.length === 0) {
      yield '[]';
    } else {
      yield '[\n';
      for (const [index, diagnostic] of file.diagnostics.entries()) {
        yield indent(JSON.stringify(plainDiagnostic(diagnostic), null, 2), '      ') + (index < file.diagnostics.length - 1 ? ',\n' : '\n');
      }
      yield '    ]';
    }
    yield fileIndex < report.files.length - 1 ? '\n  },\n' : '\n  }\n';
  }
  yield ']\n';
}
