/**
 * `--format junit`: JUnit XML, as CI servers show test results. Each checked
 * file is a `<testsuite>`; each finding is a `<testcase>` with a `<failure>`
 * whose type is the severity; a file without findings has one passing test
 * case. Text is escaped for XML 1.0, and characters XML cannot hold at all
 * (most control characters, unpaired surrogates) become U+FFFD.
 */
import type { FileReport, ReportFormatter, ReportSummary } from './report';

/** Replaces what XML 1.0 cannot hold and escapes markup; in attributes, also quotes and line breaks. */
export function escapeXml(text: string, attribute = false): string {
  // Allowed: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and paired surrogates (U+10000 and above).
  const clean = text.replace(
    /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  const escaped = clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (!attribute) return escaped;
  return escaped.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Writes `<testsuites>` file by file. */
export class JunitFormatter implements ReportFormatter {
  private opened = false;

  *file(file: FileReport): Generator<string> {
    yield this.open();
    const name = escapeXml(file.file, true);
    const count = file.diagnostics.length;
    yield `  <testsuite name="${name}" tests="${Math.max(count, 1)}" failures="${count}" errors="0" skipped="0">\n`;
    if (count === 0) yield `    <testcase classname="${name}" name="no findings"/>\n`;
    for (const d of file.diagnostics) {
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      yield `    <testcase classname="${name}" name="${escapeXml(`${where} ${d.ruleId}`, true)}">\n`;
      yield `      <failure type="${d.severity}" message="${escapeXml(d.message, true)}">${escapeXml(`${file.file}:${where} ${d.severity} ${d.message} (${d.ruleId})`)}</failure>\n`;
      yield '    </testcase>\n';
    }
    yield '  </testsuite>\n';
  }

  *end(_summary: ReportSummary): Generator<string> {
    yield this.open();
    yield '</testsuites>\n';
  }

  private open(): string {
    if (this.opened) return '';
    this.opened = true;
    return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="termguard">\n';
  }
}
