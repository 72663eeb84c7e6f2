/**
 * `--format github`: GitHub Actions workflow commands, one line per finding,
 * which GitHub shows as annotations on the pull request's changed files:
 *
 *   ::error file=docs/a.md,line=3,endLine=3,col=9,endColumn=18,title=memo/calls-on::message
 *
 * Lines and columns are 1-based (columns in UTF-16 code units); information
 * and hints become notices. Values are escaped as the runner expects, so a
 * message or file name can never end the line or start another command.
 */
import type { Severity } from '../../engine/api';
import type { FileReport, ReportFormatter, ReportSummary } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** Escapes a command's message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property's value: as messages, and also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Writes one workflow command per diagnostic, then a plain summary line for the log. */
export class GithubFormatter implements ReportFormatter {
  *file(file: FileReport): Generator<string> {
    const name = escapeProperty(file.file);
    for (const d of file.diagnostics) {
      const properties = [
        `file=${name}`,
        `line=${d.range.start.line + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(d.ruleId)}`,
      ];
      yield `::${LEVEL[d.severity]} ${properties.join(',')}::${escapeData(d.message)}\n`;
    }
  }

  *end(summary: ReportSummary): Generator<string> {
    const { counts } = summary;
    const total = counts.error + counts.warning + counts.information + counts.hint;
    const unchecked = summary.unchecked > 0 ? `; ${summary.unchecked} could not be checked` : '';
    yield `Termguard: ${total} finding${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}) in ${summary.filesChecked} file${summary.filesChecked === 1 ? '' : 's'} checked${unchecked}\n`;
  }
}
