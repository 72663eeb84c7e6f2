/**
 * Which engine checks which document.
 *
 * A document's engine is built from the built-in packs, the packs of the
 * `.termguard.yaml` files found walking up from its folder (the CLI's
 * {@link ConfigResolver}, so the editor and `termguard check` agree), and the
 * `termguard.packs` setting. Engines are cached by pack set; an engine is
 * rebuilt only when a watched config or pack file changes, and then only if
 * the texts of its packs changed.
 *
 * A broken pack never takes checking down, and behaves as in `termguard
 * check`: the built-in rules, the other packs and the parts of the broken
 * pack that load still run, the pack's problems are published as diagnostics
 * on the pack file, and the user is told once per breakage (when the file is
 * loaded from disk: at start and after a save, never while it is typed). A
 * broken config leaves the last valid config of the folder in use. In
 * restricted mode (an untrusted workspace) no workspace file is read: only
 * the built-in packs load.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { CheckOptions, DocumentKind, Engine, PackSource, Problem, SeverityOverride } from '../engine/api';
import { createEngine, DEFAULT_EFFECTIVE_CONFIG, type EffectiveConfig } from '../engine/index';
import {
  ConfigResolver,
  EngineCache,
  ignoredByConfig,
  readerKindByConfig,
  unknownRuleWarnings,
  type CachedEngine,
} from '../project/configResolution';
import type { TermguardSettings } from './configuration';
import type { Logger } from './logger';
import type { WorkspaceFolders } from './workspaceFolders';

/** Everything needed to check one document, except the document. */
export interface DocumentProject {
  readonly engine: Engine;
  /** The config's `rules`, then `termguard.severityOverrides` (settings win key by key). */
  readonly options: CheckOptions;
  /** Identifies `options`: a document's session is reopened when it changes. */
  readonly optionsKey: string;
  /** The folder of the config whose `ignore` globs exclude the document, if any. */
  readonly ignoredBy?: string;
  /** The kind a `readers` glob of the configs gives the document, if one matches it. */
  readonly readerKind?: DocumentKind;
  /** The `kinds` the configs turn on besides the prose kinds. */
  readonly configKinds?: readonly DocumentKind[];
  /** The workspace folder (or, without one, the document's folder) that relative setting paths resolve against. */
  readonly baseDir: string | undefined;
}

/** What the registry needs from the server. */
export interface EngineRegistryOptions {
  /** Absolute paths of the built-in packs. */
  readonly builtinPackFiles: () => readonly string[];
  /** False in restricted mode: then only the built-in packs load. */
  readonly trusted: boolean;
  readonly folders: WorkspaceFolders;
  readonly logger: Logger;
  /** Builds an engine; defaults to `createEngine`. */
  readonly engineFactory?: (sources: readonly PackSource[]) => Engine;
  /**
   * Receives the problems of config and pack files, keyed by absolute path,
   * for each file whose problems changed. A file that had problems and no
   * longer does comes with an empty list, so its diagnostics are cleared.
   */
  readonly publishFileProblems: (problems: ReadonlyMap<string, readonly Problem[]>) => void;
  /**
   * Shows a warning to the user (each distinct text once per breakage);
   * `file` is the absolute path of the broken pack or config it is about.
   */
  readonly warn: (message: string, file?: BrokenFile) => void;
}

/** The file a warning is about, so an editor can offer to open it. */
export interface BrokenFile {
  readonly path: string;
  readonly kind: 'pack' | 'config';
}

/** Caches that are valid until a watched file changes. */
interface Generation {
  readonly cwd: string;
  readonly resolver: ConfigResolver;
  readonly cache: EngineCache;
  /** Resolved projects by settings object (settings objects are cached per URI until they change) and folder. */
  readonly projects: WeakMap<TermguardSettings, Map<string, DocumentProject>>;
  /** Inputs of every project resolved in this generation, to re-resolve them after a change. */
  readonly inputs: Map<string, { readonly dir: string | undefined; readonly settings: TermguardSettings }>;
  /** Problems found in this generation: absolute file → problem key → problem. */
  readonly problems: Map<string, Map<string, Problem>>;
}

/** Builds, caches and hands out engines per document folder. */
export class EngineRegistry {
  private generation: Generation;
  /** Engines by the names and texts of their packs, so an unchanged pack set survives a rebuild. */
  private builtEngines = new Map<string, Engine>();
  private usedEngineKeys = new Set<string>();
  /** The last valid config, by folder. */
  private readonly lastGoodConfig = new Map<string, EffectiveConfig>();
  /** Files (and texts) currently reported, to clear them when fixed and to warn once per breakage. */
  private published = new Map<string, string>();
  private readonly warned = new Set<string>();
  private problemsDirty = false;
  private readonly factory: (sources: readonly PackSource[]) => Engine;
  private builtinFiles: readonly string[] | undefined;

  constructor(private readonly options: EngineRegistryOptions) {
    this.factory = options.engineFactory ?? createEngine;
    this.generation = this.newGeneration();
  }

  /**
   * The project of a document at `path` (`undefined` for documents without a
   * file, such as untitled ones: they use the first workspace folder's
   * config). Cheap after the first call for a folder: everything is cached.
   */
  forPath(path: string | undefined, settings: TermguardSettings): DocumentProject {
    const folder = path === undefined ? this.options.folders.all()[0] : this.options.folders.folderOf(path);
    const dir = path === undefined ? folder?.path : dirname(path);
    const project = this.projectFor(dir, settings, folder?.path ?? dir);
    if (path !== undefined && this.options.trusted) {
      const config = this.configFor(dir);
      const ignoredBy = ignoredByConfig(config.ignore, path);
      const readerKind = readerKindByConfig(config.readers, path);
      if (ignoredBy === undefined && readerKind === undefined && config.kinds.length === 0) return project;
      return {
        ...project,
        ...(ignoredBy !== undefined ? { ignoredBy } : {}),
        ...(readerKind !== undefined ? { readerKind } : {}),
        configKinds: config.kinds,
      };
    }
    return project;
  }

  /** The project of a workspace folder itself (for commands that are about rules, not documents). */
  forFolder(folderPath: string | undefined, settings: TermguardSettings): DocumentProject {
    return this.projectFor(folderPath, settings, folderPath);
  }

  /**
   * Forgets every config and pack read so far (a watched file changed), then
   * resolves again every project resolved before, so that pack problems are
   * republished at once and engines of unchanged pack sets are reused.
   */
  invalidate(): void {
    const previous = this.generation;
    this.generation = this.newGeneration();
    this.usedEngineKeys = new Set();
    for (const { dir, settings } of previous.inputs.values()) {
      const folder = dir === undefined ? undefined : this.options.folders.folderOf(dir);
      this.projectFor(dir, settings, folder?.path ?? dir);
    }
    // Engines no project uses any more are released.
    for (const key of [...this.builtEngines.keys()]) if (!this.usedEngineKeys.has(key)) this.builtEngines.delete(key);
    this.problemsDirty = true;
    this.flushProblems();
  }

  private newGeneration(): Generation {
    const cwd = this.options.folders.all()[0]?.path ?? process.cwd();
    const factory = (sources: readonly PackSource[]): Engine => {
      const key = JSON.stringify(sources.map((source) => [source.file, source.text]));
      this.usedEngineKeys.add(key);
      let engine = this.builtEngines.get(key);
      if (!engine) {
        const started = Date.now();
        engine = this.factory(sources);
        this.builtEngines.set(key, engine);
        this.options.logger.info(
          `built an engine from ${sources.length} pack(s) in ${Date.now() - started} ms: ${sources.map((source) => source.file).join(', ')}`,
        );
      }
      return engine;
    };
    return {
      cwd,
      resolver: new ConfigResolver(cwd),
      cache: new EngineCache(factory, cwd),
      projects: new WeakMap(),
      inputs: new Map(),
      problems: new Map(),
    };
  }

  private projectFor(dir: string | undefined, settings: TermguardSettings, baseDir: string | undefined): DocumentProject {
    const generation = this.generation;
    let byDir = generation.projects.get(settings);
    if (!byDir) {
      byDir = new Map();
      generation.projects.set(settings, byDir);
    }
    const key = dir ?? '';
    let project = byDir.get(key);
    if (!project) {
      project = this.resolveProject(dir, settings, baseDir);
      byDir.set(key, project);
      generation.inputs.set(JSON.stringify([key, settings.packs, settings.severityOverrides]), { dir, settings });
      this.flushProblems();
    }
    return project;
  }

  private resolveProject(dir: string | undefined, settings: TermguardSettings, baseDir: string | undefined): DocumentProject {
    const { cache } = this.generation;
    const config = this.configFor(dir);
    const extra = this.options.trusted ? settings.packs.map((pack) => resolve(baseDir ?? this.generation.cwd, pack)) : [];
    for (const path of extra) {
      if (!existsSync(path))
        this.warnOnce(
          `settings-pack:${path}`,
          `Termguard: the pack ${path} named in the termguard.packs setting does not exist; it is ignored.`,
        );
    }
    const packSet = EngineCache.packSet(
      config,
      this.builtins(),
      extra.filter((path) => existsSync(path)),
    );
    const built = cache.get(packSet);
    for (const problem of built.problems) this.addProblem(problem);
    this.warnAboutBrokenPacks(built);
    for (const problem of unknownRuleWarnings(config, built.engine)) this.addProblem(problem);
    const overrides: Record<string, SeverityOverride> = { ...config.rules, ...settings.severityOverrides };
    return {
      engine: built.engine,
      options: { severityOverrides: overrides, claimModel: config.claimModel },
      optionsKey: JSON.stringify([overrides, config.claimModel]),
      baseDir,
    };
  }

  /**
   * Tells the user once about each pack with errors, leading with the file,
   * the line and the first problem, then saying truthfully what is off: the
   * whole pack when none of its rules loaded, else the parts with errors.
   */
  private warnAboutBrokenPacks(built: CachedEngine): void {
    const errors = built.problems.filter((problem) => problem.severity === 'error');
    for (const name of new Set(errors.map((problem) => problem.file))) {
      const path = this.absolute(name);
      if (this.builtins().includes(path)) continue;
      const loaded =
        built.engine.rules().some((rule) => rule.source.file === name) ||
        built.engine.glossary().some((entry) => entry.source.file === name);
      const own = errors.filter((problem) => problem.file === name);
      this.warnOnce(`pack:${path}`, brokenPackMessage(this.displayName(path), own, loaded), { path, kind: 'pack' });
    }
  }

  /**
   * A file's name for messages: relative to its workspace folder (prefixed
   * with the folder's name when there are several), else its base name, so
   * a notification shows it whole.
   */
  private displayName(path: string): string {
    const folders = this.options.folders;
    const folder = folders.folderOf(path);
    if (!folder) return basename(path);
    const rel = relative(folder.path, path).split(sep).join('/');
    return folders.all().length > 1 ? `${folder.name}/${rel}` : rel;
  }

  /** The effective config for a folder: nothing from the workspace in restricted mode, the last valid one while a config is broken. */
  private configFor(dir: string | undefined): EffectiveConfig {
    if (!this.options.trusted || dir === undefined) return DEFAULT_EFFECTIVE_CONFIG;
    const resolution = this.generation.resolver.forDirectory(dir);
    if (resolution.config) {
      this.lastGoodConfig.set(dir, resolution.config);
      return resolution.config;
    }
    const files = new Set<string>();
    for (const problem of resolution.problems) {
      this.addProblem(problem);
      files.add(this.absolute(problem.file));
    }
    const lastGood = this.lastGoodConfig.get(dir);
    for (const file of files) {
      this.warnOnce(
        `config:${file}`,
        `Termguard: ${this.displayName(file)} has errors. ${lastGood ? 'Its last valid version stays in use' : 'Only the built-in rules apply'} until it is fixed.`,
        { path: file, kind: 'config' },
      );
    }
    return lastGood ?? DEFAULT_EFFECTIVE_CONFIG;
  }

  /** The built-in pack files, looked up once (it scans folders). */
  private builtins(): readonly string[] {
    this.builtinFiles ??= this.options.builtinPackFiles();
    return this.builtinFiles;
  }

  private absolute(file: string): string {
    return resolve(this.generation.cwd, file);
  }

  private addProblem(problem: Problem): void {
    const file = this.absolute(problem.file);
    if (this.builtins().includes(file) || !existsSync(file)) {
      if (problem.severity === 'error') this.options.logger.warn(`${file}:${problem.line + 1}:${problem.column + 1}: ${problem.message}`);
      return;
    }
    let byKey = this.generation.problems.get(file);
    if (!byKey) {
      byKey = new Map();
      this.generation.problems.set(file, byKey);
    }
    const key = `${problem.line}:${problem.column}:${problem.code}:${problem.message}`;
    if (!byKey.has(key)) {
      byKey.set(key, problem);
      this.problemsDirty = true;
    }
  }

  private warnOnce(key: string, message: string, file?: BrokenFile): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.logger.warn(file ? `${message} (${file.path})` : message);
    this.options.warn(message, file);
  }

  /** Publishes the problems of this generation if they changed, clearing files that became clean. */
  private flushProblems(): void {
    if (!this.problemsDirty) return;
    this.problemsDirty = false;
    const current = new Map<string, readonly Problem[]>();
    const texts = new Map<string, string>();
    for (const [file, byKey] of this.generation.problems) {
      const problems = [...byKey.values()];
      if (problems.length === 0) continue;
      current.set(file, problems);
      texts.set(file, JSON.stringify(problems));
    }
    const changes = new Map<string, readonly Problem[]>();
    for (const [file, problems] of current) if (this.published.get(file) !== texts.get(file)) changes.set(file, problems);
    for (const file of this.published.keys()) {
      if (current.has(file)) continue;
      changes.set(file, []);
      // A fixed file may warn again if it breaks again.
      for (const prefix of ['pack:', 'config:']) this.warned.delete(`${prefix}${file}`);
    }
    this.published = texts;
    if (changes.size > 0) this.options.publishFileProblems(changes);
  }
}

/**
 * A broken pack's warning, in plain text (a notification shows no
 * Markdown): the file, the first problem and its line, how many more, and
 * what is off.
 */
export function brokenPackMessage(name: string, errors: readonly Problem[], loaded: boolean): string {
  const first = [...errors].sort((a, b) => a.line - b.line || a.column - b.column)[0]!;
  const problem = first.message.replace(/`/g, '').replace(/\.$/, '');
  const what =
    errors.length === 1
      ? `${name} has an error on line ${first.line + 1}: ${problem}.`
      : `${name} has ${errors.length} errors; the first, on line ${first.line + 1}: ${problem}.`;
  const off = loaded
    ? `${errors.length === 1 ? 'The part with the error is off until it is' : 'The parts with errors are off until they are'} fixed; all other rules still run.`
    : 'The whole pack is off until it is fixed; the built-in rules and the other packs still run.';
  return `Termguard: ${what} ${off}`;
}
