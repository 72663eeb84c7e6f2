/**
 * `--format stylish`: findings grouped by file, one aligned line each
 * (`file:line:col  severity  message  ruleId`, 1-based, so terminals and
 * editors can jump to it), then a summary.
 */
import type { Severity } from '../../engine/api';
import { countBySeverity, type CheckReport } from './report';

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

/** Renders the report for humans; colours with ANSI codes only when `color` is true. */
export function formatStylish(report: CheckReport, color: boolean): string {
  const paint = (style: keyof typeof ANSI, text: string): string => (color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    const rows = file.diagnostics.map((d) => ({
      position: `${file.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: d.severity,
      message: d.message.replace(/\s*[\r\n]+\s*/g, ' '),
      ruleId: d.ruleId,
    }));
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    for (const row of rows) {
      out.push(
        `${paint('underline', row.position)}${' '.repeat(positionWidth - row.position.length)}  ${paint(SEVERITY_COLOR[row.severity], row.severity.padEnd(severityWidth))}  ${row.message}  ${paint('gray', row.ruleId)}`,
      );
    }
    out.push('');
  }
  const counts = countBySeverity(report.files);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const fixed = report.fixed > 0 ? `, ${plural(report.fixed, 'finding')} fixed` : '';
  if (total === 0) {
    out.push(paint('green', `✔ No problems in ${plural(report.files.length, 'file')}${fixed}`));
  } else {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
    if (counts.information > 0) parts.push(`${counts.information} information`);
    if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
    const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(report.files.length, 'file')} checked${fixed}`;
    out.push(paint('bold', paint(counts.error > 0 ? 'red' : 'yellow', summary)));
  }
  return `${out.join('\n')}\n`;
}
