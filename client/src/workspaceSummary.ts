/**
 * What "Termguard: Check Workspace" reports, counted the way the Problems
 * panel lists Termguard's diagnostics: errors, warnings and infos, not hints
 * (baselined findings are hints; rules set to `off` and suppressed findings
 * are never reported at all), and not only the checked files' findings but
 * also the problems of rule packs and configs, and of open documents the
 * check does not walk (untitled ones, files outside the folders), which the
 * panel lists too. No `vscode` import: unit-tested in plain Node.
 */
import type { Severity } from '../../server/src/engine/api';
import type { WorkspaceCheckResult, WorkspaceFileResult } from '../../server/src/protocol/protocol';
import type { FileCounts } from './statusText';

export type { WorkspaceCheckResult, WorkspaceFileResult };

/** What "Check Workspace" returns to a caller (the tests, other extensions). */
export interface WorkspaceCheckSummary {
  /** Files the server walked (checked or skipped). */
  readonly files: number;
  /** Files, checked or not, with problems the Problems panel lists. */
  readonly filesWithFindings: number;
  readonly skipped: number;
  /** The checked files' diagnostics by severity (hints included: baselined findings). */
  readonly counts: Readonly<Record<Severity, number>>;
  /** What the Problems panel lists for Termguard: the checked files' and the other files'. */
  readonly listed: FileCounts;
  readonly cancelled: boolean;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listedTotal(counts: FileCounts): number {
  return counts.errors + counts.warnings + counts.infos;
}

/**
 * The summary of a workspace check. `listedElsewhere` gives the listed
 * counts of the Termguard diagnostics VS Code holds for a URI; it is asked
 * only for URIs the result does not name.
 */
export function summarizeWorkspaceCheck(
  result: WorkspaceCheckResult,
  elsewhere: Iterable<{ readonly uri: string; readonly counts: FileCounts }>,
): WorkspaceCheckSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const listed = { errors: 0, warnings: 0, infos: 0 };
  let filesWithFindings = 0;
  let skipped = 0;
  const named = new Set<string>();
  for (const file of result.files) {
    named.add(file.uri);
    if (file.skipped !== undefined) skipped++;
    for (const severity of Object.keys(counts) as Severity[]) counts[severity] += file.counts[severity];
    const fileListed = { errors: file.counts.error, warnings: file.counts.warning, infos: file.counts.information };
    listed.errors += fileListed.errors;
    listed.warnings += fileListed.warnings;
    listed.infos += fileListed.infos;
    if (listedTotal(fileListed) > 0) filesWithFindings++;
  }
  for (const other of elsewhere) {
    if (named.has(other.uri) || listedTotal(other.counts) === 0) continue;
    listed.errors += other.counts.errors;
    listed.warnings += other.counts.warnings;
    listed.infos += other.counts.infos;
    filesWithFindings++;
  }
  return { files: result.files.length, filesWithFindings, skipped, counts, listed, cancelled: result.cancelled };
}

/** The notification's sentence: "Checked 12 files: 5 problems in 3 files (1 error, 3 warnings, 1 info)." */
export function describeWorkspaceCheck(summary: WorkspaceCheckSummary): string {
  const checked = `${summary.cancelled ? 'Stopped after' : 'Checked'} ${plural(summary.files - summary.skipped, 'file')}${summary.skipped > 0 ? ` (${summary.skipped} skipped)` : ''}`;
  const total = listedTotal(summary.listed);
  if (total === 0) return `${checked}: no problems.`;
  const parts = [
    ...(summary.listed.errors > 0 ? [plural(summary.listed.errors, 'error')] : []),
    ...(summary.listed.warnings > 0 ? [plural(summary.listed.warnings, 'warning')] : []),
    ...(summary.listed.infos > 0 ? [`${summary.listed.infos} info`] : []),
  ];
  return `${checked}: ${plural(total, 'problem')} in ${plural(summary.filesWithFindings, 'file')} (${parts.join(', ')}).`;
}
