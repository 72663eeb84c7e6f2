/**
 * `--format rdjsonl`: reviewdog's diagnostic format, one JSON object per line
 * (https://github.com/reviewdog/reviewdog/tree/master/proto/rdf). Positions
 * are 1-based lines and 1-based columns counted in UTF-8 bytes, ends
 * exclusive, as the format defines. Each fix that is a single replacement
 * becomes a suggestion; a fix of several separate edits cannot be one, so it
 * is left out.
 */
import type { Severity } from '../../engine/api';
import { LineIndex, type LinePosition } from '../../engine/index';
import { INFORMATION_URI } from './sarif';
import type { FileReport, ReportFormatter, ReportRange } from './report';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', information: 'INFO', hint: 'INFO' };

/** Converts UTF-16 positions of one text to reviewdog's UTF-8 byte columns. */
class ByteColumns {
  private lines: LineIndex | undefined;

  constructor(private readonly text: string | undefined) {}

  position(at: LinePosition): { line: number; column: number } {
    if (this.text === undefined) return { line: at.line + 1, column: at.character + 1 };
    this.lines ??= new LineIndex(this.text);
    const lineStart = this.lines.offsetAt({ line: at.line, character: 0 });
    const offset = this.lines.offsetAt(at);
    return { line: at.line + 1, column: Buffer.byteLength(this.text.slice(lineStart, offset), 'utf8') + 1 };
  }

  range(range: ReportRange): { start: { line: number; column: number }; end: { line: number; column: number } } {
    return { start: this.position(range.start), end: this.position(range.end) };
  }
}

/** Writes one reviewdog Diagnostic per line. */
export class RdjsonlFormatter implements ReportFormatter {
  *file(file: FileReport): Generator<string> {
    const columns = new ByteColumns(file.text);
    for (const d of file.diagnostics) {
      const diagnostic: Record<string, unknown> = {
        message: d.message,
        location: { path: file.file, range: columns.range(d.range) },
        severity: SEVERITY[d.severity],
        source: { name: 'termguard', url: INFORMATION_URI },
        code: { value: d.ruleId },
      };
      const suggestions = d.fixes
        .filter((fix) => fix.edits.length === 1)
        .map((fix) => ({ range: columns.range(fix.edits[0]!.range), text: fix.edits[0]!.newText }));
      if (suggestions.length > 0) diagnostic.suggestions = suggestions;
      yield `${JSON.stringify(diagnostic)}\n`;
    }
  }

  *end(): Generator<string> {}
}
