/**
 * Findings and problems as LSP diagnostics, and their publication.
 *
 * Every finding diagnostic carries its fixes in `data` (as LSP text edits
 * with ranges), so code actions are built from the diagnostic alone and
 * never re-run the rules.
 */
import { DIAGNOSTIC_SOURCE } from '../protocol/protocol';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { readFileSync } from 'node:fs';
import type { Finding, FindingsSplice, Problem, Severity } from '../engine/api';
import { LineIndex } from '../engine/index';
import { problemRange, toLspTextEdit, toRange, type PositionMap } from './positions';
import { pathToUri } from './workspaceFolders';

/** The `source` of every Termguard diagnostic. */
export { DIAGNOSTIC_SOURCE };

/** The prefix of the codes of problems in documents (such as unused suppressions), as the CLI names them. */
export const DOCUMENT_PROBLEM_PREFIX = 'termguard/';

/**
 * Where a rule is documented. Rules carry no URL of their own yet, so it is
 * derived from the id here and nowhere else: the anchor of the rule's heading
 * in docs/rules.md (`/` in ids becomes `-`).
 */
export function ruleDocumentationUrl(ruleId: string): string {
  // Every diagnostic carries its rule's link: one string per rule, not one per diagnostic.
  let url = documentationUrls.get(ruleId);
  if (url === undefined) {
    url = `https://github.com/termguard/termguard/blob/main/docs/rules.md#${ruleId.replace(/\//g, '-')}`;
    documentationUrls.set(ruleId, url);
  }
  return url;
}

/** Rule id → documentation link; as many entries as rules the server has reported. */
const documentationUrls = new Map<string, string>();

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

/**
 * `Diagnostic.data` as sent. A document can have thousands of findings and
 * every keystroke republishes them all, so fixes travel compactly: a fix that
 * replaces exactly the diagnostic's range, with the default title, is just
 * its new text; others are spelled out. The first fix is the preferred one.
 * The rule id is the diagnostic's `code`.
 */
interface WireData {
  readonly fixes: readonly (string | { readonly title: string; readonly edits: readonly LspTextEdit[] })[];
  readonly baselined?: true;
}

/** The title the engine gives a plain replacement. */
function defaultTitle(newText: string): string {
  return `Replace with “${newText}”`;
}

/**
 * The diagnostic of one finding. `codeDescriptions` false leaves out the
 * link to the rule's documentation, for clients that do not show it: at
 * thousands of diagnostics it is a fifth of every publication.
 */
export function findingToDiagnostic(finding: Finding, map: PositionMap, codeDescriptions = true): Diagnostic {
  const data: WireData = {
    fixes: finding.fixes.map((fix) => {
      const only = fix.edits.length === 1 ? fix.edits[0]! : undefined;
      const replacesFinding = only && only.range.start === finding.range.start && only.range.end === finding.range.end;
      return replacesFinding && fix.title === defaultTitle(only.newText)
        ? only.newText
        : { title: fix.title, edits: fix.edits.map((edit) => toLspTextEdit(map, edit)) };
    }),
    ...(finding.baselined ? { baselined: true as const } : {}),
  };
  return {
    range: toRange(map, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(codeDescriptions ? { codeDescription: { href: ruleDocumentationUrl(finding.ruleId) } } : {}),
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

/** The `data` of a Termguard finding diagnostic, decoded, if it has well-formed data. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return undefined;
  const data = diagnostic.data as Partial<WireData> | undefined;
  if (!data || !Array.isArray(data.fixes)) return undefined;
  const fixes: FixData[] = [];
  for (const [index, fix] of data.fixes.entries()) {
    const preferred = index === 0 ? { isPreferred: true } : {};
    if (typeof fix === 'string') fixes.push({ title: defaultTitle(fix), ...preferred, edits: [{ range: diagnostic.range, newText: fix }] });
    else if (fix && typeof fix.title === 'string' && Array.isArray(fix.edits))
      fixes.push({ title: fix.title, ...preferred, edits: fix.edits });
    else return undefined;
  }
  return { ruleId: diagnostic.code, fixes, ...(data.baselined ? { baselined: true } : {}) };
}

/**
 * Converts the findings and problems of one checked version. A finding whose
 * diagnostic would be identical to one of the previous conversion (same rule,
 * words, fixes and position) gets that very Diagnostic object back: typing on
 * one line leaves the positions of every finding on other lines unchanged, so
 * a keystroke builds new diagnostics only near the edit, and the wire encoder
 * can reuse the JSON of all the others.
 */
export class DiagnosticConverter {
  /** Last conversion's diagnostics by start position (line * 2^20 + character), with the finding each came from. */
  private previous = new Map<number, { diagnostic: Diagnostic; finding: Finding }[]>();

  /** `codeDescriptions`: whether diagnostics link to the rules' documentation (the client shows such links). */
  constructor(private readonly codeDescriptions = true) {}

  convert(findings: readonly Finding[], problems: readonly Problem[], map: PositionMap): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const current = new Map<number, { diagnostic: Diagnostic; finding: Finding }[]>();
    for (const finding of findings) {
      const start = map.positionAt(finding.range.start);
      const key = start.line * 1_048_576 + start.character;
      const length = finding.range.end - finding.range.start;
      const candidates = this.previous.get(key);
      let reusable: { diagnostic: Diagnostic } | undefined;
      if (candidates) {
        const end = map.positionAt(finding.range.end);
        reusable = candidates.find(
          (entry) =>
            entry.diagnostic.range.end.line === end.line &&
            entry.diagnostic.range.end.character === end.character &&
            sameDiagnostic(entry.finding, finding, length),
        );
      }
      const diagnostic = reusable?.diagnostic ?? findingToDiagnostic(finding, map, this.codeDescriptions);
      let list = current.get(key);
      if (!list) current.set(key, (list = []));
      list.push({ diagnostic, finding });
      diagnostics.push(diagnostic);
    }
    this.previous = current;
    for (const problem of problems) diagnostics.push(problemToDiagnostic(problem, map));
    return diagnostics;
  }

  /**
   * The diagnostics after an edit the engine described as a splice of its
   * findings, from the diagnostics before it (which must hold findings
   * only): those before the splice are kept, the added findings converted,
   * and those after it kept too, or moved by the edit's line delta (their
   * characters cannot change: they start on a line after the edited text).
   * Costs time in proportion to the edit, plus one array copy. Undefined when
   * the splice does not fit, and the full conversion must run.
   */
  applyChange(
    previous: readonly Diagnostic[],
    change: FindingsSplice | 'unchanged',
    map: PositionMap,
    lineDelta: number,
  ): Diagnostic[] | undefined {
    if (change === 'unchanged') return lineDelta === 0 ? (previous as Diagnostic[]) : undefined;
    if (previous.length < change.start + change.removed) return undefined;
    const tail = previous.slice(change.start + change.removed);
    if (tail.length > 0 && map.positionAt(change.unchangedFrom).character !== 0) return undefined;
    const diagnostics = previous.slice(0, change.start);
    // The engine re-checks whole blocks around an edit, so most added findings equal replaced ones: keep those objects.
    const replaced = previous.slice(change.start, change.start + change.removed);
    const replacedJson = replaced.map((diagnostic) => JSON.stringify(diagnostic));
    for (const finding of change.added) {
      const fresh = findingToDiagnostic(finding, map, this.codeDescriptions);
      const index = replacedJson.length > 0 ? replacedJson.indexOf(JSON.stringify(fresh)) : -1;
      diagnostics.push(index >= 0 ? replaced[index]! : fresh);
    }
    for (const diagnostic of tail) diagnostics.push(lineDelta === 0 ? diagnostic : moveLines(diagnostic, lineDelta));
    return diagnostics;
  }
}

/** A diagnostic moved down (or up) by `lineDelta` lines, fixes included. */
function moveLines(diagnostic: Diagnostic, lineDelta: number): Diagnostic {
  const moveRange = (range: LspRange): LspRange => ({
    start: { line: range.start.line + lineDelta, character: range.start.character },
    end: { line: range.end.line + lineDelta, character: range.end.character },
  });
  const data = diagnostic.data as WireData | undefined;
  const movedData: WireData | undefined = data && {
    ...data,
    fixes: data.fixes.map((fix) =>
      typeof fix === 'string'
        ? fix
        : { title: fix.title, edits: fix.edits.map((edit) => ({ range: moveRange(edit.range), newText: edit.newText })) },
    ),
  };
  return { ...diagnostic, range: moveRange(diagnostic.range), ...(movedData ? { data: movedData } : {}) };
}

/**
 * True when two findings with the same range give the same diagnostic: the
 * rule and the matched words fix the message, and fixes must write the same
 * text over exactly the finding (a fix that edits elsewhere is never reused,
 * since its own range may have moved).
 */
function sameDiagnostic(before: Finding, after: Finding, length: number): boolean {
  if (before.ruleId !== after.ruleId || before.severity !== after.severity || before.baselined !== after.baselined) return false;
  if (before.range.end - before.range.start !== length || before.matchedText !== after.matchedText || before.message !== after.message)
    return false;
  if (before.fixes.length !== after.fixes.length) return false;
  for (let i = 0; i < before.fixes.length; i++) {
    const a = before.fixes[i]!;
    const b = after.fixes[i]!;
    if (a.title !== b.title || a.edits.length !== b.edits.length) return false;
    for (let j = 0; j < a.edits.length; j++) {
      const x = a.edits[j]!;
      const y = b.edits[j]!;
      if (x.newText !== y.newText) return false;
      if (x.range.start !== before.range.start || x.range.end !== before.range.end) return false;
      if (y.range.start !== after.range.start || y.range.end !== after.range.end) return false;
    }
  }
  return true;
}

/**
 * The converter hands back the very same objects for unchanged findings, so
 * identity decides for them; problem diagnostics (few, and built anew each
 * time) are compared by content.
 */
function sameObjectOrProblem(a: Diagnostic, b: Diagnostic): boolean {
  return a === b || (a.data === undefined && b.data === undefined && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * Delivers diagnostics to the client, merging a document's own diagnostics
 * with the problems found in it as a config or pack file. It does not compare
 * versions: a client may send a change with a version that is not higher
 * than the last (the content is the truth then), and the scheduler already
 * publishes the checks of each document in the order of its changes.
 *
 * Clients that can pull diagnostics (LSP 3.17 `textDocument/diagnostic`, as
 * VS Code does) get those of open documents on request: each stored set has
 * a result id, and a request that names the current id is answered
 * "unchanged". Typing on one line leaves the diagnostics of every other line
 * as they were, so most keystrokes cost a few bytes instead of republishing
 * thousands of diagnostics. Other clients, and files that are not open (a
 * workspace check, problems in config and pack files), get
 * `textDocument/publishDiagnostics`.
 */
export class DiagnosticsPublisher {
  private readonly documentDiagnostics = new Map<string, { readonly version: number | undefined; readonly diagnostics: Diagnostic[] }>();
  private readonly fileProblems = new Map<string, Diagnostic[]>();
  private lastSend: Promise<void> = Promise.resolve();
  /** Whether the client shows `codeDescription` links (converters ask, see {@link findingToDiagnostic}). */
  codeDescriptions = true;
  /** Set when the client pulls: whether it also accepts `workspace/diagnostic/refresh`. */
  private pullModel: { readonly refreshSupport: boolean } | undefined;
  /** What the next pull of an open document returns. */
  private readonly pullable = new Map<string, { readonly resultId: string; readonly diagnostics: readonly Diagnostic[] }>();
  private resultCounter = 0;
  /** Documents whose last publication was not empty (it must be cleared once the document is pulled instead). */
  private readonly pushedNonEmpty = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** From now on, open documents' diagnostics are pulled by the client instead of published. */
  usePullModel(refreshSupport: boolean): void {
    this.pullModel = { refreshSupport };
  }

  /** True when the client pulls the diagnostics of open documents. */
  get pulls(): boolean {
    return this.pullModel !== undefined;
  }

  /**
   * Resolves when everything published so far has been handed to the
   * transport. Checks wait for it: a 6 MB publication drains through the pipe
   * only while the event loop is idle, so starting the next check first
   * would stretch every publication over several checks.
   */
  drained(): Promise<void> {
    return this.lastSend;
  }

  /**
   * Delivers the diagnostics of `version` of an open document (or, with
   * `version` undefined, of a file that is not open).
   *
   * A document that was not `checked` (another language, disabled, too
   * large) gets an empty list only to clear what it showed before: such
   * documents change often and clients need nothing from them.
   */
  publishDocument(uri: string, version: number | undefined, diagnostics: Diagnostic[], checked = true): void {
    if (!checked && diagnostics.length === 0 && !this.documentDiagnostics.get(uri)?.diagnostics.length) return;
    this.documentDiagnostics.set(uri, { version, diagnostics });
    if (this.pullModel && version !== undefined) this.storeForPull(uri, diagnostics);
    else this.send(uri, version, diagnostics);
  }

  /**
   * The answer to `textDocument/diagnostic` for `uri`: "unchanged" when the
   * client already has the current set (`previousResultId`), else the full set.
   */
  report(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const stored = this.pullable.get(uri);
    if (!stored) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (previousResultId === stored.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: stored.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: stored.resultId, items: stored.diagnostics as Diagnostic[] };
  }

  /**
   * Asks a pulling client to pull again (settings, packs or configs changed,
   * so diagnostics may change without an edit). Publishing clients need
   * nothing: a re-check publishes.
   */
  refreshPulled(): void {
    if (this.pullModel?.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  private storeForPull(uri: string, diagnostics: readonly Diagnostic[]): void {
    // What was published for the file while it was closed (a workspace check) would show twice.
    if (this.pushedNonEmpty.has(uri)) this.send(uri, undefined, []);
    const stored = this.pullable.get(uri);
    const unchanged =
      stored !== undefined &&
      stored.diagnostics.length === diagnostics.length &&
      stored.diagnostics.every((diagnostic, index) => sameObjectOrProblem(diagnostic, diagnostics[index]!));
    if (!unchanged) this.pullable.set(uri, { resultId: String(++this.resultCounter), diagnostics });
  }

  /**
   * Replaces the problems shown on a config or pack file at absolute `path`
   * (an empty list clears them). The file is read to turn offsets into
   * positions.
   */
  publishFileProblems(path: string, problems: readonly Problem[]): void {
    const uri = pathToUri(path);
    let lines: LineIndex | undefined;
    if (problems.some((problem) => problem.range)) {
      try {
        lines = new LineIndex(readFileSync(path, 'utf8'));
      } catch {
        lines = undefined; // gone meanwhile: line and column are enough
      }
    }
    const diagnostics = problems.map((problem) => problemToDiagnostic(problem, lines));
    if (diagnostics.length === 0) this.fileProblems.delete(uri);
    else this.fileProblems.set(uri, diagnostics);
    const own = this.documentDiagnostics.get(uri);
    this.send(uri, own?.version, own?.diagnostics ?? []);
  }

  /** Clears a closed document's diagnostics (its config or pack problems stay). */
  clearDocument(uri: string): void {
    this.documentDiagnostics.delete(uri);
    this.pullable.delete(uri);
    this.send(uri, undefined, []);
  }

  private send(uri: string, version: number | undefined, own: Diagnostic[]): void {
    const extra = this.fileProblems.get(uri);
    const diagnostics = extra ? own.concat(extra) : own;
    if (diagnostics.length > 0) this.pushedNonEmpty.add(uri);
    else this.pushedNonEmpty.delete(uri);
    this.lastSend = this.connection
      .sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics })
      .catch(() => {
        // The connection is closing; nothing to tell.
      });
  }
}
