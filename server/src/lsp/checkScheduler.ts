/**
 * When open documents are checked, and the cache of the last check of each.
 *
 * Each document has its own debounce timer (`termguard.debounceMs`) and a
 * ticket that every new reason to check (an edit, a settings or pack change)
 * increments. A check that finds its ticket outdated after waiting for the
 * settings is dropped, so work for an old version never reaches the client
 * and a result is never published for an older change than the last one
 * published (by the order of the changes, not by their version numbers,
 * which a client may repeat). The check itself is synchronous: between two messages from the
 * client it either runs to the end or not at all.
 *
 * Two waits keep the server from falling behind when edits come faster than
 * checks: a check starts only after the edits already received have been
 * applied (see {@link CheckScheduler.schedule}), and only once the previous
 * publication has been handed to the transport (a large publication drains
 * only while the event loop is idle; checking back to back would starve it).
 * Either way the check that finally runs covers every edit so far.
 *
 * The cache ({@link CheckedDocument}) is what hovers and code actions read;
 * they ask for {@link CheckScheduler.current}, which runs a pending check
 * early instead of re-running any rule.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { DocumentSession, Finding, Problem } from '../engine/api';
import type { BaselineStore } from './baselines';
import { DEFAULT_DEBOUNCE_MS, isKindChecked, type SettingsSource, type TermguardSettings } from './configuration';
import { isNotebookCell } from './languageIds';
import { DiagnosticConverter, type DiagnosticsPublisher } from './diagnostics';
import type { DocumentStore, OpenDocument } from './documents';
import type { DocumentProject, EngineRegistry } from './engines';
import { describeError, type Logger } from './logger';
import { TurnQueue } from './turns';
import { documentPathOf, uriToPath } from './workspaceFolders';

/** Why a document was not checked. */
export type SkipReason = 'disabled' | 'language' | 'too-large' | 'ignored' | 'error';

/** The outcome of checking one version of an open document. */
export interface CheckedDocument {
  readonly uri: string;
  readonly version: number;
  /** The document's {@link OpenDocument.revision} when checked: this result holds while the document's is the same. */
  readonly revision: number;
  /** The findings (baselined ones marked), in document order. */
  readonly findings: readonly Finding[];
  /** Problems in the document itself, such as unused suppression comments. */
  readonly problems: readonly Problem[];
  /** The diagnostics published for this version: findings first, then problems, index for index. */
  readonly diagnostics: readonly Diagnostic[];
  /** The engine and options used; absent when the document was skipped. */
  readonly project?: DocumentProject;
  /** The engine session, whose text is this version's text; absent when skipped. */
  readonly session?: DocumentSession;
  /** The number of lines of this version (an edit's line delta, for the next check). */
  readonly lineCount?: number;
  readonly skipped?: SkipReason;
}

/** Collaborators of the scheduler. */
export interface CheckSchedulerOptions {
  readonly documents: DocumentStore;
  readonly settings: SettingsSource;
  readonly engines: EngineRegistry;
  readonly baselines: BaselineStore;
  readonly publisher: DiagnosticsPublisher;
  readonly logger: Logger;
  /** False in restricted mode (the baseline file is not read then). */
  readonly trusted: boolean;
  /** Shows an information message to the user. */
  readonly inform: (message: string) => void;
}

interface ScheduleState {
  ticket: number;
  /** The ticket whose check produced the cached result. */
  checkedTicket: number;
  /** The check under way (waiting for the settings), which callers of `current` share while its ticket is the latest. */
  running: { readonly ticket: number; readonly promise: Promise<CheckedDocument | undefined> } | undefined;
  cancelTimer: (() => void) | undefined;
  debounceMs: number;
}

/** Debounces, versions and runs the checks of open documents. */
export class CheckScheduler {
  private readonly states = new Map<string, ScheduleState>();
  private readonly results = new Map<string, CheckedDocument>();
  private readonly converter: DiagnosticConverter;
  private readonly toldTooLarge = new Set<string>();
  private readonly turns = new TurnQueue();

  constructor(private readonly options: CheckSchedulerOptions) {
    this.converter = new DiagnosticConverter(options.publisher.codeDescriptions);
  }

  /**
   * Schedules a check of `document`: after the debounce delay, or at once
   * with `immediate`. Either way the check waits one more turn of the event
   * loop: the JSON-RPC layer dispatches one queued message per turn, so when
   * edits arrive faster than checks run, the edits already received are all
   * applied (each cancelling this check) before a check starts. Without it a
   * backlog would be checked version by version and never catch up.
   */
  schedule(document: OpenDocument, immediate = false): void {
    const state = this.state(document.uri);
    state.ticket++;
    state.cancelTimer?.();
    const ticket = state.ticket;
    let cancelled = false;
    const fire = (): void => {
      if (cancelled) return;
      state.cancelTimer = undefined;
      void this.start(document.uri, ticket);
    };
    const hop = (): void => {
      if (!cancelled) setImmediate(fire);
    };
    const delay = immediate ? 0 : state.debounceMs;
    const timer = delay > 0 ? setTimeout(hop, delay) : undefined;
    if (!timer) setImmediate(hop);
    state.cancelTimer = () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }

  /** Re-checks every open document at once (settings, configs or packs changed). */
  recheckAll(): void {
    for (const document of this.options.documents.all()) this.schedule(document, true);
    // A pulling client asks again; its requests run the checks just scheduled (see `current`).
    this.options.publisher.refreshPulled();
  }

  /**
   * The check of the document's current text with current settings,
   * running a pending check now if there is one (or joining the one under
   * way). Undefined when the document is not open, or kept changing.
   *
   * It resolves in a turn of the event loop of its own (see
   * {@link TurnQueue}), so the caller's work after it (building code
   * actions, a hover) does not run back to back with that of every other
   * queued request.
   */
  async current(uri: string): Promise<CheckedDocument | undefined> {
    // A few rounds at most: each round is overtaken only by a newer edit or settings change.
    for (let round = 0; round < 5; round++) {
      const document = this.options.documents.get(uri);
      if (!document) return undefined;
      const checked = await this.checkedNow(uri, document);
      if (!checked) continue;
      await this.turns.take();
      // While waiting for the turn, an edit or a settings change may have made the result stale.
      const state = this.states.get(uri);
      const stillCurrent = this.options.documents.get(uri) === document && document.revision === checked.revision;
      if (stillCurrent && this.results.get(uri) === checked && state?.checkedTicket === state?.ticket) return checked;
    }
    return undefined;
  }

  /** The cached result if it is current, else the result of the check under way or of a new one. */
  private async checkedNow(uri: string, document: OpenDocument): Promise<CheckedDocument | undefined> {
    const state = this.state(uri);
    const last = this.results.get(uri);
    if (last && last.revision === document.revision && state.checkedTicket === state.ticket && !state.cancelTimer) return last;
    if (state.running && state.running.ticket === state.ticket && !state.cancelTimer) return state.running.promise;
    state.ticket++;
    state.cancelTimer?.();
    state.cancelTimer = undefined;
    return this.start(uri, state.ticket);
  }

  /** Runs the check for `ticket`, recording it as the one under way. */
  private start(uri: string, ticket: number): Promise<CheckedDocument | undefined> {
    const promise = this.run(uri, ticket);
    const state = this.states.get(uri);
    if (state) {
      state.running = { ticket, promise };
      const clear = (): void => {
        if (state.running?.promise === promise) state.running = undefined;
      };
      promise.then(clear, clear);
    }
    return promise;
  }

  /** Stops tracking a closed document and clears its diagnostics. */
  forget(uri: string): void {
    this.states.get(uri)?.cancelTimer?.();
    this.states.delete(uri);
    this.results.delete(uri);
    this.toldTooLarge.delete(uri);
    this.options.publisher.clearDocument(uri);
  }

  private state(uri: string): ScheduleState {
    let state = this.states.get(uri);
    if (!state) {
      state = { ticket: 0, checkedTicket: -1, running: undefined, cancelTimer: undefined, debounceMs: DEFAULT_DEBOUNCE_MS };
      this.states.set(uri, state);
    }
    return state;
  }

  /** Checks and publishes the document if `ticket` is still the latest when the settings are known. */
  private async run(uri: string, ticket: number): Promise<CheckedDocument | undefined> {
    const document = this.options.documents.get(uri);
    if (!document) return undefined;
    await this.options.publisher.drained();
    const settings = await this.options.settings.forResource(uri);
    const state = this.states.get(uri);
    if (!state || state.ticket !== ticket || this.options.documents.get(uri) !== document) return undefined;
    state.debounceMs = settings.debounceMs;
    const started = performance.now();
    const checked = this.check(document, settings);
    state.checkedTicket = ticket;
    this.results.set(uri, checked);
    const checkedAt = performance.now();
    this.options.publisher.publishDocument(uri, checked.version, checked.diagnostics as Diagnostic[], checked.skipped === undefined);
    this.options.logger.debug(
      () =>
        `checked ${uri} v${checked.version} in ${(checkedAt - started).toFixed(1)} ms: ${checked.skipped ?? `${checked.findings.length} finding(s)`}`,
    );
    if (this.options.logger.enabled('debug')) {
      void this.options.publisher
        .drained()
        .then(() =>
          this.options.logger.debug(() => `published ${uri} v${checked.version} in ${(performance.now() - checkedAt).toFixed(1)} ms`),
        );
    }
    return checked;
  }

  private check(document: OpenDocument, settings: TermguardSettings): CheckedDocument {
    const { uri, version, revision } = document;
    const skip = (skipped: SkipReason): CheckedDocument => {
      document.dropSession();
      return { uri, version, revision, findings: [], problems: [], diagnostics: [], skipped };
    };
    if (!settings.enable) return skip('disabled');
    const path = documentPathOf(uri);
    let project: DocumentProject;
    try {
      project = this.options.engines.forPath(path, settings);
    } catch (error) {
      this.options.logger.error(`checking ${uri} failed: ${describeError(error)}`);
      return skip('error');
    }
    // A config's `readers` glob decides how the document is read, and with its `kinds` whether it is checked, as for the CLI.
    document.readAs(isNotebookCell(uri) ? undefined : project.readerKind);
    const question = {
      uri,
      languageId: document.languageId,
      kind: document.kind,
      readerKind: project.readerKind,
      configKinds: project.configKinds,
    };
    if (!isKindChecked(settings, question)) return skip('language');
    if (document.length > settings.maxFileSizeKB * 1024) {
      if (!this.toldTooLarge.has(uri)) {
        this.toldTooLarge.add(uri);
        this.options.inform(
          `Termguard does not check ${uriToPath(uri) ?? uri}: it is larger than termguard.maxFileSizeKB (${settings.maxFileSizeKB} KB).`,
        );
      }
      return skip('too-large');
    }
    this.toldTooLarge.delete(uri);
    try {
      if (project.ignoredBy !== undefined) return skip('ignored');
      const previous = this.results.get(uri);
      const { session, change } = document.session(project.engine, project.options, project.optionsKey);
      const lineCount = document.lines.lineCount;
      // Baselined findings are marked one by one over the whole list, so a baseline takes the full path.
      const local =
        change !== undefined &&
        previous?.session === session &&
        previous.problems.length === 0 &&
        (!this.options.trusted || settings.baseline === '');
      const diagnostics = local
        ? this.converter.applyChange(
            previous.diagnostics,
            change,
            document.lines,
            lineCount - (previous.lineCount ?? lineCount),
            project.engine,
          )
        : undefined;
      if (diagnostics) return lazyFindings({ uri, version, revision, problems: [], diagnostics, project, session, lineCount });
      const result = session.result();
      const findings = this.options.trusted
        ? this.options.baselines.mark(settings.baseline, project.baseDir, path, result.findings)
        : result.findings;
      return {
        uri,
        version,
        revision,
        findings,
        problems: result.problems,
        diagnostics: this.converter.convert(findings, result.problems, document.lines, project.engine),
        project,
        session,
        lineCount,
      };
    } catch (error) {
      // An engine bug must not take the server down; the document just goes unchecked.
      this.options.logger.error(`checking ${uri} failed: ${describeError(error)}`);
      return skip('error');
    }
  }
}

/**
 * A check result whose findings are read from the session only when asked
 * for (a hover, a code action): after a splice nothing else needs the whole
 * list, and assembling it costs time in proportion to the document. The
 * session still holds this text then: callers use a result only while its
 * revision is the document's.
 */
function lazyFindings(checked: Omit<CheckedDocument, 'findings'> & { readonly session: DocumentSession }): CheckedDocument {
  let findings: readonly Finding[] | undefined;
  return {
    ...checked,
    get findings() {
      findings ??= checked.session.result().findings;
      return findings;
    },
  };
}
