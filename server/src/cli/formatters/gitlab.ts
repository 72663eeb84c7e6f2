/**
 * `--format gitlab`: a GitLab Code Quality report (the Code Climate issue
 * subset GitLab reads), one JSON array of issues. Fingerprints are those of
 * the SARIF output, so an issue keeps its fingerprint when unrelated lines
 * move and GitLab can tell new findings from old ones in a merge request.
 */
import type { Severity } from '../../engine/api';
import { FileFingerprints } from './fingerprint';
import type { FileReport, ReportFormatter } from './report';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/** Writes the array issue by issue. */
export class GitlabFormatter implements ReportFormatter {
  private issuesWritten = 0;

  *file(file: FileReport): Generator<string> {
    const fingerprints = new FileFingerprints(file.file);
    for (const d of file.diagnostics) {
      const issue = {
        type: 'issue',
        check_name: d.ruleId,
        description: d.message,
        categories: ['Style'],
        severity: SEVERITY[d.severity],
        fingerprint: fingerprints.next(d),
        location: { path: file.file, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } },
      };
      yield `${this.issuesWritten++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(issue)}`;
    }
  }

  *end(): Generator<string> {
    yield this.issuesWritten === 0 ? '[]\n' : '\n]\n';
  }
}
