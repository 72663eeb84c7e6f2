/**
 * `--format stylish`: findings grouped by file, one aligned line each
 * (`file:line:col  severity  message  ruleId`, 1-based, so terminals and
 * editors can jump to it), then a summary.
 */
import type { Severity } from '../../engine/api';
import type { FileReport, ReportFormatter, ReportSummary } from './report';

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
  gray: '\u001b[90m',
} as const;

const SEVERITY_COLOR: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' };

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Renders reports for humans; colours with ANSI codes only when `color` is true. */
export class StylishFormatter implements ReportFormatter {
  constructor(private readonly color: boolean) {}

  private paint(style: keyof typeof ANSI, text: string): string {
    return this.color ? `${ANSI[style]}${text}${ANSI.reset}` : text;
  }

  *file(file: FileReport): Generator<string> {
    if (file.diagnostics.length === 0) return;
    const rows = file.diagnostics.map((d) => ({
      position: `${file.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: d.severity,
      message: d.message.replace(/\s*[\r\n]+\s*/g, ' '),
      ruleId: d.ruleId,
    }));
    // A loop, not Math.max(...rows): spreading 130,000 arguments overflows the stack.
    let positionWidth = 0;
    let severityWidth = 0;
    for (const row of rows) {
      positionWidth = Math.max(positionWidth, row.position.length);
      severityWidth = Math.max(severityWidth, row.severity.length);
    }
    for (const row of rows) {
      yield `${this.paint('underline', row.position)}${' '.repeat(positionWidth - row.position.length)}  ${this.paint(SEVERITY_COLOR[row.severity], row.severity.padEnd(severityWidth))}  ${row.message}  ${this.paint('gray', row.ruleId)}\n`;
    }
    yield '\n';
  }

  *end(summary: ReportSummary): Generator<string> {
    const { counts } = summary;
    const total = counts.error + counts.warning + counts.information + counts.hint;
    const fixed = summary.fixed > 0 ? `, ${plural(summary.fixed, 'finding')} fixed` : '';
    const unchecked = summary.unchecked > 0 ? `; ${plural(summary.unchecked, 'file')} could not be checked` : '';
    if (total === 0 && unchecked === '') {
      yield `${this.paint('green', `✔ No problems in ${plural(summary.filesChecked, 'file')}${fixed}`)}\n`;
      return;
    }
    if (total === 0) {
      yield `${this.paint('bold', this.paint('red', `✖ ${plural(summary.unchecked, 'file')} could not be checked; no problems in ${plural(summary.filesChecked, 'file')} checked${fixed}`))}\n`;
      return;
    }
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
    if (counts.information > 0) parts.push(`${counts.information} information`);
    if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
    const text = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(summary.filesChecked, 'file')} checked${fixed}${unchecked}`;
    yield `${this.paint('bold', this.paint(counts.error > 0 || unchecked !== '' ? 'red' : 'yellow', text))}\n`;
  }
}
