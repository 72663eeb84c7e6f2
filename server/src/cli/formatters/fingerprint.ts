/**
 * Stable fingerprints of findings for SARIF and GitLab Code Quality: derived
 * from the rule, the file, the matched words and their sentence (not the
 * line), so a finding keeps its fingerprint when text elsewhere in the file
 * changes; repeats of the same words in the same sentence are numbered.
 */
import { createHash } from 'node:crypto';
import type { ReportDiagnostic } from './report';

/** Hands out the fingerprints of one file's diagnostics, in report order. */
export class FileFingerprints {
  private readonly occurrences = new Map<string, number>();

  constructor(private readonly file: string) {}

  /** The fingerprint of the next diagnostic: a SHA-256 in hex. */
  next(diagnostic: ReportDiagnostic): string {
    const identity = JSON.stringify([
      diagnostic.ruleId,
      this.file,
      diagnostic.matchedText ?? diagnostic.message,
      diagnostic.sentence ?? '',
    ]);
    const occurrence = this.occurrences.get(identity) ?? 0;
    this.occurrences.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}#${occurrence}`).digest('hex');
  }
}
