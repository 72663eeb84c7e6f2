/**
 * `--format json`: exactly one JSON array with one object per checked file,
 * `{file, diagnostics: [{ruleId, severity, message, range, fixes}]}`; lines
 * 0-based, characters UTF-16 code units. Findings of the claim model also
 * have `evidence`, the words that weighed most, after `fixes`.
 */
import type { FileReport, ReportDiagnostic, ReportFormatter, ReportRange } from './report';

/**
 * `JSON.stringify(range, null, 2)` re-indented by `pad`, written out by hand:
 * a report of thousands of findings renders several times faster this way.
 */
function rangeJson(range: ReportRange, pad: string): string {
  const inner = pad + '  ';
  const position = (name: string, at: ReportRange['start']): string =>
    `${inner}"${name}": {\n${inner}  "line": ${at.line},\n${inner}  "character": ${at.character}\n${inner}}`;
  return `{\n${position('start', range.start)},\n${position('end', range.end)}\n${pad}}`;
}

/** `JSON.stringify(items, null, 2)` of an array whose items `render` writes at indentation `pad`. */
function arrayJson<T>(items: readonly T[], pad: string, render: (item: T, itemPad: string) => string): string {
  if (items.length === 0) return '[]';
  const itemPad = pad + '  ';
  return `[\n${items.map((item) => itemPad + render(item, itemPad)).join(',\n')}\n${pad}]`;
}

/** One diagnostic as `JSON.stringify(diagnostic, null, 2)` writes it, indented by `pad`. */
function diagnosticJson(diagnostic: ReportDiagnostic, pad: string): string {
  const inner = pad + '  ';
  const fixes = arrayJson(diagnostic.fixes, inner, (fix, fixPad) => {
    const fixInner = fixPad + '  ';
    const edits = arrayJson(fix.edits, fixInner, (edit, editPad) => {
      const editInner = editPad + '  ';
      return `{\n${editInner}"range": ${rangeJson(edit.range, editInner)},\n${editInner}"newText": ${JSON.stringify(edit.newText)}\n${editPad}}`;
    });
    return `{\n${fixInner}"title": ${JSON.stringify(fix.title)},\n${fixInner}"edits": ${edits}\n${fixPad}}`;
  });
  return (
    `{\n${inner}"ruleId": ${JSON.stringify(diagnostic.ruleId)},\n${inner}"severity": ${JSON.stringify(diagnostic.severity)},\n` +
    `${inner}"message": ${JSON.stringify(diagnostic.message)},\n${inner}"range": ${rangeJson(diagnostic.range, inner)},\n` +
    `${inner}"fixes": ${fixes}` +
    (diagnostic.evidence ? `,\n${inner}"evidence": ${arrayJson(diagnostic.evidence, inner, (word) => JSON.stringify(word))}` : '') +
    `\n${pad}}`
  );
}

/**
 * Writes the JSON array file by file, exactly as `JSON.stringify(files, null,
 * 2)` would (with a trailing newline), in pieces: a 50 MB document can have
 * more findings than one JavaScript string can hold.
 */
export class JsonFormatter implements ReportFormatter {
  private filesWritten = 0;

  *file(file: FileReport): Generator<string> {
    // The array is opened by the first file, so a run without files can still print `[]`.
    yield this.filesWritten++ === 0 ? '[\n' : ',\n';
    yield `  {\n    "file": ${JSON.stringify(file.file)},\n    "diagnostics": `;
    if (file.diagnostics.length === 0) {
      yield '[]';
    } else {
      yield '[\n';
      for (const [index, diagnostic] of file.diagnostics.entries()) {
        yield '      ' + diagnosticJson(diagnostic, '      ') + (index < file.diagnostics.length - 1 ? ',\n' : '\n');
      }
      yield '    ]';
    }
    yield '\n  }';
  }

  *end(): Generator<string> {
    yield this.filesWritten === 0 ? '[]\n' : '\n]\n';
  }
}
