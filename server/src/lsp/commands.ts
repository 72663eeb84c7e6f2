/**
 * `workspace/executeCommand` handlers.
 *
 * - `termguard.checkWorkspace` `[{ folder?: uri, publish?: boolean }]`:
 *   checks every Markdown and text file of the workspace folders (walked as
 *   `termguard check` walks them: `.gitignore`, `ignore` globs), publishes
 *   diagnostics for files that are not open (unless `publish: false`) and
 *   returns a {@link WorkspaceCheckResult}.
 * - `termguard.explainRule` `[ruleId, uri?]`: the rule as a {@link RuleExplanation}, or null.
 * - `termguard.glossary` `[uri?]`: the glossary entries of the engine for `uri`
 *   (or the first workspace folder).
 * - `termguard.rules` `[uri?]`: the rules ({@link RuleInfo}) of that engine.
 *
 * `termguard.restart` is the client's own command (it restarts this process)
 * and is deliberately not handled here.
 */
import type { CancellationToken, Diagnostic, ExecuteCommandParams } from 'vscode-languageserver/node';
import type { DocumentKind, Engine, GlossaryEntry, RuleInfo, Severity } from '../engine/api';
import { LineIndex } from '../engine/index';
import { discoverFiles, readDocument } from '../project/fileDiscovery';
import type { BaselineStore } from './baselines';
import type { CheckScheduler } from './checkScheduler';
import { isLanguageChecked, type SettingsSource, type TermguardSettings } from './configuration';
import { DiagnosticConverter, toDiagnosticSeverity, type DiagnosticsPublisher } from './diagnostics';
import { ruleExplanationMarkdown, ruleUrl } from '../engine/rules/ruleText';
import {
  SERVER_COMMANDS as COMMANDS,
  type RuleExplanation,
  type WorkspaceCheckResult,
  type WorkspaceFileResult,
} from '../protocol/protocol';
import type { DocumentStore } from './documents';
import type { EngineRegistry } from './engines';
import type { Logger } from './logger';
import { pathToUri, uriToPath, type Folder, type WorkspaceFolders } from './workspaceFolders';

export { SERVER_COMMANDS as COMMANDS } from '../protocol/protocol';
export type { RuleExplanation, WorkspaceCheckResult, WorkspaceFileResult } from '../protocol/protocol';

/** Collaborators of the command handlers. */
export interface CommandOptions {
  readonly documents: DocumentStore;
  readonly scheduler: CheckScheduler;
  readonly settings: SettingsSource;
  readonly engines: EngineRegistry;
  readonly baselines: BaselineStore;
  readonly publisher: DiagnosticsPublisher;
  readonly folders: WorkspaceFolders;
  readonly trusted: boolean;
  readonly logger: Logger;
}

/** Files checked between two yields to the event loop, so edits and hovers are served during a workspace check. */
const FILES_PER_SLICE = 16;

/** Executes the server's commands. */
export class CommandHandlers {
  private readonly converter: DiagnosticConverter;

  constructor(private readonly options: CommandOptions) {
    this.converter = new DiagnosticConverter(options.publisher.codeDescriptions);
  }

  /** The command ids to announce in the `executeCommandProvider` capability. */
  static readonly ids: readonly string[] = Object.values(COMMANDS);

  /** Runs a command; unknown commands yield null. */
  async execute(params: ExecuteCommandParams, token: CancellationToken): Promise<unknown> {
    const args = params.arguments ?? [];
    switch (params.command) {
      case COMMANDS.checkWorkspace:
        return this.checkWorkspace((args[0] ?? {}) as { folder?: string; publish?: boolean }, token);
      case COMMANDS.explainRule: {
        const engine = await this.engineFor(typeof args[1] === 'string' ? args[1] : undefined);
        const rule = typeof args[0] === 'string' ? engine.rule(args[0]) : undefined;
        if (!rule) return null;
        const url = ruleUrl(rule);
        return { rule, ...(url !== undefined ? { url } : {}), markdown: ruleExplanationMarkdown(rule) } satisfies RuleExplanation;
      }
      case COMMANDS.glossary: {
        const engine = await this.engineFor(typeof args[0] === 'string' ? args[0] : undefined);
        return engine.glossary() satisfies readonly GlossaryEntry[];
      }
      case COMMANDS.rules: {
        const engine = await this.engineFor(typeof args[0] === 'string' ? args[0] : undefined);
        return engine.rules() satisfies readonly RuleInfo[];
      }
      default:
        this.options.logger.warn(`unknown command ${params.command}`);
        return null;
    }
  }

  /** The engine that applies to `uri`, or to the first workspace folder. */
  private async engineFor(uri: string | undefined): Promise<Engine> {
    if (uri !== undefined) {
      const settings = await this.options.settings.forResource(uri);
      return this.options.engines.forPath(uriToPath(uri), settings).engine;
    }
    const folder = this.options.folders.all()[0];
    const settings = await this.options.settings.forResource(folder?.uri);
    return this.options.engines.forFolder(folder?.path, settings).engine;
  }

  private async checkWorkspace(args: { folder?: string; publish?: boolean }, token: CancellationToken): Promise<WorkspaceCheckResult> {
    const folders = this.options.folders.all().filter((folder) => args.folder === undefined || folder.uri === args.folder);
    const openByPath = new Map<string, string>();
    for (const document of this.options.documents.all()) {
      const path = uriToPath(document.uri);
      if (path !== undefined) openByPath.set(path, document.uri);
    }
    const files: WorkspaceFileResult[] = [];
    let count = 0;
    for (const folder of folders) {
      const settings = await this.options.settings.forResource(folder.uri);
      if (!settings.enable) continue;
      const discovered = discoverFiles([folder.path], folder.path);
      for (const file of discovered.files) {
        if (++count % FILES_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
        if (token.isCancellationRequested) return { files, cancelled: true };
        const openUri = openByPath.get(file.absolutePath);
        files.push(
          openUri !== undefined
            ? await this.openResult(openUri)
            : this.checkFile(folder, file.absolutePath, file.kind, settings, args.publish !== false),
        );
      }
    }
    return { files, cancelled: false };
  }

  private async openResult(uri: string): Promise<WorkspaceFileResult> {
    const checked = await this.options.scheduler.current(uri);
    if (!checked) return { uri, counts: countBySeverity([]), diagnostics: [], skipped: 'closed' };
    return {
      uri,
      counts: countBySeverity(checked.diagnostics),
      diagnostics: checked.diagnostics,
      ...(checked.skipped ? { skipped: checked.skipped } : {}),
    };
  }

  private checkFile(folder: Folder, path: string, kind: DocumentKind, settings: TermguardSettings, publish: boolean): WorkspaceFileResult {
    const uri = pathToUri(path);
    const skipped = (reason: string): WorkspaceFileResult => ({ uri, counts: countBySeverity([]), diagnostics: [], skipped: reason });
    if (!isLanguageChecked(settings, undefined, kind)) return skipped('language');
    const read = readDocument(path, settings.maxFileSizeKB * 1024);
    if (!read.ok) return skipped(read.message);
    const project = this.options.engines.forPath(path, settings);
    if (project.ignoredBy !== undefined) return skipped('ignored');
    try {
      const result = project.engine.check(read.text, kind, project.options);
      const findings = this.options.trusted
        ? this.options.baselines.mark(settings.baseline, project.baseDir ?? folder.path, path, result.findings)
        : result.findings;
      const diagnostics = this.converter.convert(findings, result.problems, new LineIndex(read.text), project.engine);
      if (publish) this.options.publisher.publishDocument(uri, undefined, diagnostics);
      return { uri, counts: countBySeverity(diagnostics), diagnostics };
    } catch (error) {
      this.options.logger.error(`checking ${path} failed`, error);
      return skipped('error');
    }
  }
}

function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const names: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
  for (const diagnostic of diagnostics) {
    const name = names.find((severity) => toDiagnosticSeverity(severity) === diagnostic.severity);
    if (name) counts[name]++;
  }
  return counts;
}
