/**
 * Findings and problems as LSP diagnostics, and their publication.
 *
 * Every finding diagnostic carries its fixes in `data` (as LSP text edits
 * with ranges), so code actions are built from the diagnostic alone and
 * never re-run the rules.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Connection,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { Finding, Problem, Severity } from '../engine/api';
import { problemRange, toLspTextEdit, toRange, type PositionMap } from './positions';

/** The `source` of every Termguard diagnostic. */
export const DIAGNOSTIC_SOURCE = 'termguard';

/** The prefix of the codes of problems in documents (such as unused suppressions), as the CLI names them. */
export const DOCUMENT_PROBLEM_PREFIX = 'termguard/';

/**
 * Where a rule is documented. Rules carry no URL of their own yet, so it is
 * derived from the id here and nowhere else: the anchor of the rule's heading
 * in docs/rules.md (`/` in ids becomes `-`).
 */
export function ruleDocumentationUrl(ruleId: string): string {
  return `https://github.com/termguard/termguard/blob/main/docs/rules.md#${ruleId.replace(/\//g, '-')}`;
}

/** A fix as carried in `Diagnostic.data`. */
export interface FixData {
  readonly title: string;
  readonly isPreferred?: boolean;
  readonly edits: readonly LspTextEdit[];
}

/** The `data` of a finding diagnostic. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixes: readonly FixData[];
  /** True when the finding is recorded in the baseline (shown at hint level). */
  readonly baselined?: boolean;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP severity of an engine severity. */
export function toDiagnosticSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

/** The diagnostic of one finding. */
export function findingToDiagnostic(finding: Finding, map: PositionMap): Diagnostic {
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      ...(fix.preferred ? { isPreferred: true } : {}),
      edits: fix.edits.map((edit) => toLspTextEdit(map, edit)),
    })),
    ...(finding.baselined ? { baselined: true } : {}),
  };
  return {
    range: toRange(map, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocumentationUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.baselined ? `${finding.message} (recorded in the baseline)` : finding.message,
    data,
  };
}

/** The diagnostic of a problem in a document, pack or config file. */
export function problemToDiagnostic(problem: Problem, map: PositionMap | undefined): Diagnostic {
  return {
    range: problemRange(map, problem),
    severity: SEVERITY[problem.severity],
    code: `${DOCUMENT_PROBLEM_PREFIX}${problem.code}`,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
    ...(problem.code === 'unused-suppression' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}

/** The `data` of a Termguard diagnostic, if it has well-formed data. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.ruleId !== 'string' || !Array.isArray(data.fixes)) return undefined;
  return data as DiagnosticData;
}

/**
 * Converts the findings and problems of one checked version. Conversions of
 * findings are remembered by object: the engine hands back the very same
 * finding objects for blocks an edit did not reach, so a keystroke converts
 * mostly the findings after it. A remembered diagnostic is reused only while
 * its start position is unchanged: edits above a block can add lines and
 * still bring its offsets back where they were. Blocks start at line starts
 * and nothing inside the block changed, so an unchanged start means the
 * whole range and every fix range are unchanged too.
 */
export class DiagnosticConverter {
  private readonly cache = new WeakMap<Finding, Diagnostic>();

  convert(findings: readonly Finding[], problems: readonly Problem[], map: PositionMap): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const finding of findings) {
      let diagnostic = this.cache.get(finding);
      const start = diagnostic ? map.positionAt(finding.range.start) : undefined;
      if (!diagnostic || !start || start.line !== diagnostic.range.start.line || start.character !== diagnostic.range.start.character) {
        diagnostic = findingToDiagnostic(finding, map);
        this.cache.set(finding, diagnostic);
      }
      diagnostics.push(diagnostic);
    }
    for (const problem of problems) diagnostics.push(problemToDiagnostic(problem, map));
    return diagnostics;
  }
}

/**
 * Sends `textDocument/publishDiagnostics`, merging a document's own
 * diagnostics with the problems found in it as a config or pack file, and
 * refusing to publish a version older than one already published.
 */
export class DiagnosticsPublisher {
  private readonly documentDiagnostics = new Map<string, { readonly version: number | undefined; readonly diagnostics: Diagnostic[] }>();
  private readonly fileProblems = new Map<string, Diagnostic[]>();
  private readonly lastVersion = new Map<string, number>();

  constructor(private readonly connection: Connection) {}

  /** The version of the last diagnostics published for an open document. */
  lastPublishedVersion(uri: string): number | undefined {
    return this.lastVersion.get(uri);
  }

  /**
   * Publishes the diagnostics of `version` of an open document (or, with
   * `version` undefined, of a file that is not open). Returns false, without
   * sending anything, when a newer version was published already.
   *
   * A document that was not `checked` (another language, disabled, too
   * large) gets an empty list only to clear what it showed before: such
   * documents change often and clients need nothing from them.
   */
  publishDocument(uri: string, version: number | undefined, diagnostics: Diagnostic[], checked = true): boolean {
    if (!checked && diagnostics.length === 0 && !this.documentDiagnostics.get(uri)?.diagnostics.length) return true;
    if (version !== undefined) {
      const last = this.lastVersion.get(uri);
      if (last !== undefined && last > version) return false;
      this.lastVersion.set(uri, version);
    }
    this.documentDiagnostics.set(uri, { version, diagnostics });
    this.send(uri, version, diagnostics);
    return true;
  }

  /** Replaces the problems shown on a config or pack file (an empty list clears them). */
  publishFileProblems(uri: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length === 0) this.fileProblems.delete(uri);
    else this.fileProblems.set(uri, diagnostics);
    const own = this.documentDiagnostics.get(uri);
    this.send(uri, own?.version, own?.diagnostics ?? []);
  }

  /** Clears a closed document's diagnostics (its config or pack problems stay). */
  clearDocument(uri: string): void {
    this.documentDiagnostics.delete(uri);
    this.lastVersion.delete(uri);
    this.send(uri, undefined, []);
  }

  private send(uri: string, version: number | undefined, own: Diagnostic[]): void {
    const extra = this.fileProblems.get(uri);
    const diagnostics = extra ? own.concat(extra) : own;
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }).catch(() => {
      // The connection is closing; nothing to tell.
    });
  }
}
