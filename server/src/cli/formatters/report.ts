/**
 * The format-independent result of `termguard check`: findings converted to
 * 0-based line/character ranges (UTF-16), ready for any formatter.
 */
import type { Finding, Problem, RuleInfo, Severity } from '../../engine/api';
import { LineIndex, type LinePosition } from '../../engine/text/lineIndex';

/** A range in line/character positions, end exclusive. */
export interface ReportRange {
  readonly start: LinePosition;
  readonly end: LinePosition;
}

/** One replacement of a fix, in positions of the checked text. */
export interface ReportEdit {
  readonly range: ReportRange;
  readonly newText: string;
}

/** One diagnostic of a checked file. */
export interface ReportDiagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: ReportRange;
  readonly fixes: readonly { readonly title: string; readonly edits: readonly ReportEdit[] }[];
  /** Matched words and sentence, for stable fingerprints (absent for document problems). */
  readonly matchedText?: string;
  readonly sentence?: string;
  /** For the claim model's findings, the words that weighed most. */
  readonly evidence?: readonly string[];
}

/** The diagnostics of one checked file. */
export interface FileReport {
  /** The file as shown to the user (relative to cwd, forward slashes, or `<stdin>`). */
  readonly file: string;
  readonly diagnostics: readonly ReportDiagnostic[];
}

/** Everything a formatter needs. */
export interface CheckReport {
  readonly files: readonly FileReport[];
  /** The rules of every engine used, without duplicate ids (for SARIF's rule catalogue). */
  readonly rules: readonly RuleInfo[];
  readonly toolVersion: string;
  /** Number of findings fixed by `--fix`. */
  readonly fixed: number;
}

/** The prefix of rule ids given to problems in documents (such as unused suppressions). */
export const DOCUMENT_PROBLEM_PREFIX = 'termguard/';

/**
 * Converts the findings and document problems of one text into diagnostics,
 * sorted by position. Document problems get the rule id `termguard/<code>`.
 */
export function toDiagnostics(text: string, findings: readonly Finding[], problems: readonly Problem[], lines = new LineIndex(text)): ReportDiagnostic[] {
  const range = (start: number, end: number): ReportRange => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  const diagnostics: { offset: number; end: number; diagnostic: ReportDiagnostic }[] = [];
  for (const finding of findings) {
    diagnostics.push({
      offset: finding.range.start,
      end: finding.range.end,
      diagnostic: {
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        range: range(finding.range.start, finding.range.end),
        fixes: finding.fixes.map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((edit) => ({ range: range(edit.range.start, edit.range.end), newText: edit.newText })),
        })),
        matchedText: finding.matchedText,
        sentence: finding.sentence,
        ...(finding.evidence ? { evidence: finding.evidence } : {}),
      },
    });
  }
  for (const problem of problems) {
    const start = problem.range?.start ?? lines.offsetAt({ line: problem.line, character: problem.column });
    const end = problem.range?.end ?? start;
    diagnostics.push({
      offset: start,
      end,
      diagnostic: { ruleId: `${DOCUMENT_PROBLEM_PREFIX}${problem.code}`, severity: problem.severity, message: problem.message, range: range(start, end), fixes: [] },
    });
  }
  diagnostics.sort((a, b) => a.offset - b.offset || a.end - b.end);
  return diagnostics.map((entry) => entry.diagnostic);
}

/** Counts of diagnostics per severity over all files. */
export function countBySeverity(files: readonly FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of files) for (const diagnostic of file.diagnostics) counts[diagnostic.severity]++;
  return counts;
}
