/**
 * The language server's support for writing rule packs and configs: open
 * `*.termguard.yaml` and `.termguard.yaml` documents are checked as they are
 * typed (packDiagnostics.ts), a saved pack's examples are run
 * (exampleRuns.ts), and completion (packCompletion.ts), hover
 * (packHover.ts) and "did you mean" quick fixes (packCodeActions.ts) know
 * the schema, the word sets and the rules.
 *
 * Such documents are not prose: the check scheduler leaves them alone, and
 * this module publishes their diagnostics itself, the as-you-type ones and
 * the example failures of the last save together. While one is open, the
 * problems the engine registry finds in the same file on disk are held back
 * (they describe the saved text, which the live diagnostics supersede) and
 * handed to the diagnostics publisher again when it closes.
 */
import type { CodeAction, CodeActionParams, CompletionList, Connection, Diagnostic, Hover, Position } from 'vscode-languageserver/node';
import type { Engine, PackSource, Problem } from '../../engine/api';
import { createEngine } from '../../engine/index';
import type { DiagnosticsPublisher } from '../diagnostics';
import type { DocumentStore, OpenDocument } from '../documents';
import { describeError, type Logger } from '../logger';
import { pathToUri, uriToPath } from '../workspaceFolders';
import { exampleDiagnostics, failingExamples } from './exampleRuns';
import { packCodeActions, type PackCodeActionOptions } from './packCodeActions';
import { packCompletion } from './packCompletion';
import { PackContext } from './packContext';
import { packDiagnostics } from './packDiagnostics';
import { packDocumentKind } from './packDocuments';
import { packHover } from './packHover';

/** A path as compared with another: Windows paths differ in case (drive letters) between URIs and the file system. */
function samePathKey(path: string): string {
  return process.platform === 'win32' ? path.toLowerCase() : path;
}

/** What pack authoring needs from the server. */
export interface PackAuthoringOptions {
  readonly connection: Connection;
  readonly documents: DocumentStore;
  readonly publisher: DiagnosticsPublisher;
  readonly logger: Logger;
  /** Absolute paths of the built-in packs. */
  readonly builtinPackFiles: () => readonly string[];
  /** Builds the engine that runs a saved pack's examples; defaults to `createEngine`. */
  readonly engineFactory?: (sources: readonly PackSource[]) => Engine;
}

interface OpenPackState {
  /** Cancels the pending as-you-type check. */
  pending?: NodeJS.Immediate;
  /** The failing examples of the last save, as published then. */
  examples: Diagnostic[];
  /** Bumped by each save, so a slow run never overwrites a newer one. */
  saves: number;
}

/** Diagnostics, example runs, completion and hover for open packs and configs. */
export class PackAuthoring {
  private readonly context: PackContext;
  private readonly open = new Map<string, OpenPackState>();
  /** The registry's latest problems per file on disk (absolute path), held back while the file is open here. */
  private readonly fileProblems = new Map<string, readonly Problem[]>();

  constructor(private readonly options: PackAuthoringOptions) {
    this.context = new PackContext({
      builtinPackFiles: options.builtinPackFiles,
      openDocument: (uri) => options.documents.get(uri),
      pathToUri,
    });
  }

  /** True for rule packs and configs: their diagnostics, hovers and completions come from here. */
  owns(document: OpenDocument): boolean {
    return packDocumentKind(document.uri, document.languageId) !== undefined;
  }

  opened(document: OpenDocument): void {
    this.open.set(document.uri, { examples: [], saves: 0 });
    // The live diagnostics replace what was shown for the file on disk.
    const path = uriToPath(document.uri);
    if (path !== undefined && (this.fileProblems.get(path)?.length ?? 0) > 0) this.options.publisher.publishFileProblems(path, []);
    this.schedule(document.uri);
  }

  changed(document: OpenDocument): void {
    this.schedule(document.uri);
  }

  closed(uri: string): void {
    const state = this.open.get(uri);
    if (!state) return;
    if (state.pending) clearImmediate(state.pending);
    this.open.delete(uri);
    this.context.forget(uri);
    void this.options.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    const path = uriToPath(uri);
    const held = path === undefined ? undefined : this.fileProblems.get(path);
    if (path !== undefined && held && held.length > 0) this.options.publisher.publishFileProblems(path, held);
  }

  /** A pack was saved: runs its examples (configs have none), then publishes. */
  saved(uri: string): void {
    const state = this.open.get(uri);
    const document = this.options.documents.get(uri);
    if (!state || !document || packDocumentKind(uri, document.languageId) !== 'pack') return;
    const save = ++state.saves;
    setImmediate(() => {
      const current = this.options.documents.get(uri);
      if (!current || this.open.get(uri) !== state || state.saves !== save) return;
      try {
        const started = performance.now();
        const text = current.text;
        // Editing a built-in pack itself: its saved text must not run next to the edited one.
        const path = uriToPath(uri);
        const builtins = this.context.builtins().filter((builtin) => builtin.file !== path);
        const problems = failingExamples({ file: uri, text }, builtins, this.options.engineFactory ?? createEngine, current.lines);
        state.examples = exampleDiagnostics(problems, current.lines);
        this.options.logger.debug(
          () => `ran the examples of ${uri} in ${(performance.now() - started).toFixed(1)} ms: ${problems.length} failing`,
        );
      } catch (error) {
        this.options.logger.error(`running the examples of ${uri} failed: ${describeError(error)}`);
        state.examples = [];
      }
      this.publish(uri);
    });
  }

  /**
   * Records the problems the engine registry found in a file on disk and
   * says whether they are held back (the file is open here) rather than to
   * be published.
   */
  holdFileProblems(path: string, problems: readonly Problem[]): boolean {
    if (problems.length === 0) this.fileProblems.delete(path);
    else this.fileProblems.set(path, problems);
    const key = samePathKey(path);
    for (const uri of this.open.keys()) {
      const open = uriToPath(uri);
      if (open !== undefined && samePathKey(open) === key) return true;
    }
    return false;
  }

  completion(document: OpenDocument, position: Position, triggerCharacter?: string): CompletionList | null {
    const analysis = this.context.analyse(document);
    return analysis ? packCompletion(analysis, this.context, position, triggerCharacter) : null;
  }

  /** "Did you mean" quick fixes for unknown word sets and unknown `rules` keys. */
  codeActions(document: OpenDocument, params: CodeActionParams, options: PackCodeActionOptions): CodeAction[] {
    const analysis = this.context.analyse(document);
    return analysis ? packCodeActions(params, document, analysis, this.context, options) : [];
  }

  hover(document: OpenDocument, position: Position): Hover | null {
    const analysis = this.context.analyse(document);
    return analysis ? packHover(analysis, this.context, position, document.lines) : null;
  }

  /** Checks the document on the next turn of the event loop, after the edits already received. */
  private schedule(uri: string): void {
    const state = this.open.get(uri);
    if (!state) return;
    if (state.pending) clearImmediate(state.pending);
    state.pending = setImmediate(() => {
      state.pending = undefined;
      this.publish(uri);
    });
  }

  private publish(uri: string): void {
    const state = this.open.get(uri);
    const document = this.options.documents.get(uri);
    if (!state || !document) return;
    let live: Diagnostic[] = [];
    try {
      const analysis = this.context.analyse(document);
      if (analysis) live = packDiagnostics(analysis, this.context, document.lines);
    } catch (error) {
      this.options.logger.error(`checking ${uri} as a rule pack failed: ${describeError(error)}`);
    }
    void this.options.connection
      .sendDiagnostics({ uri, version: document.version, diagnostics: [...live, ...state.examples] })
      .catch(() => undefined);
  }
}
