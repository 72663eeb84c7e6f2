/**
 * The format-independent result of `termguard check`: findings converted to
 * 0-based line/character ranges (UTF-16), ready for any formatter, and the
 * interface formatters implement to write reports file by file.
 */
import type { Finding, Problem, RuleInfo, Severity } from '../../engine/api';
import { LineIndex, type LinePosition } from '../../engine/index';

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
  /** The text the positions refer to, for formats that count columns differently (rdjsonl counts UTF-8 bytes). */
  readonly text?: string;
}

/** Totals over a whole run, known only once every file was checked. */
export interface ReportSummary {
  /** Number of files reported. */
  readonly filesChecked: number;
  /** Number of files and paths that were named but could not be checked (each was reported on stderr). */
  readonly unchecked: number;
  /** Number of findings fixed by `--fix`. */
  readonly fixed: number;
  /** Diagnostics per severity over all files. */
  readonly counts: Readonly<Record<Severity, number>>;
}

/**
 * A report format written while files are checked: `file` is called once per
 * checked file, in order, and `end` once after the last, so only one file's
 * diagnostics need to be in memory at a time.
 */
export interface ReportFormatter {
  file(report: FileReport): Iterable<string>;
  end(summary: ReportSummary): Iterable<string>;
}

/** What formatters know before the first file: the rules of every engine used (for SARIF's rule catalogue). */
export interface ReportContext {
  readonly rules: readonly RuleInfo[];
  readonly toolVersion: string;
  /** The folder relative paths are relative to (SARIF's %SRCROOT%). */
  readonly srcRoot: string;
}

/** The prefix of rule ids given to problems in documents (such as unused suppressions). */
export const DOCUMENT_PROBLEM_PREFIX = 'termguard/';

/**
 * Converts the findings and document problems of one text into diagnostics,
 * sorted by position. Document problems get the rule id `termguard/<code>`.
 */
export function toDiagnostics(
  text: string,
  findings: readonly Finding[],
  problems: readonly Problem[],
  lines = new LineIndex(text),
): ReportDiagnostic[] {
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
      diagnostic: {
        ruleId: `${DOCUMENT_PROBLEM_PREFIX}${problem.code}`,
        severity: problem.severity,
        message: problem.message,
        range: range(start, end),
        fixes: [],
      },
    });
  }
  diagnostics.sort((a, b) => a.offset - b.offset || a.end - b.end);
  return diagnostics.map((entry) => entry.diagnostic);
}

/** Adds the diagnostics of `file` to running counts per severity. */
export function addToCounts(counts: Record<Severity, number>, file: FileReport): void {
  for (const diagnostic of file.diagnostics) counts[diagnostic.severity]++;
}
