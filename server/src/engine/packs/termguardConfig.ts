/**
 * The `.termguard.yaml` project configuration: parsing, validation and the
 * merge of the configs found walking up from a file. Pure: path handling is
 * passed in, so the CLI and the language server share it.
 */
import type { DocumentKind, Problem, SeverityOverride } from '../api';
import { parseYamlSource, type DataPath, type SourceLocation } from './yamlSource';
import { validateConfig } from './schemaValidators';

/** The file name looked for in each folder. */
export const CONFIG_FILE_NAME = '.termguard.yaml';

/** One `.termguard.yaml` file as written. */
export interface TermguardConfig {
  /** Stop the walk up at this config. */
  readonly root?: boolean;
  /** Include the built-in packs (default true). */
  readonly builtin?: boolean;
  /** Pack file paths, relative to the config file. */
  readonly packs?: readonly string[];
  /** Rule id or `category:NAME` to severity override. */
  readonly rules?: Readonly<Record<string, SeverityOverride>>;
  /** Globs relative to the config file's folder. */
  readonly ignore?: readonly string[];
  /** Run the built-in claim model beside the rules (default true). */
  readonly 'claim-model'?: boolean;
  /** Kinds of document folder walks check besides the prose kinds (source code, components, locale files). */
  readonly kinds?: readonly DocumentKind[];
  /** Globs relative to the config file's folder, with the kind their files are read as; walks check them. */
  readonly readers?: Readonly<Record<string, DocumentKind>>;
}

/** The result of parsing a config file. */
export interface ParsedTermguardConfig {
  /** The config, or undefined when the file has errors. */
  readonly config?: TermguardConfig;
  readonly problems: Problem[];
  /** Where the value at `path` (e.g. `['packs', 0]`) is written, 0-based. */
  readonly locate: (path: DataPath) => SourceLocation;
  /** Where the key of the map entry at `path` (e.g. `['rules', 'no-x']`) is written, 0-based. */
  readonly locateKey: (path: DataPath) => SourceLocation;
}

/**
 * Parses and schema-checks the text of a `.termguard.yaml` file. Never throws;
 * syntax errors, schema violations and YAML alias bombs become problems
 * located at their line and column in `file`. An empty file is an empty config.
 */
export function parseTermguardConfig(text: string, file: string): ParsedTermguardConfig {
  if (isBlankYaml(text)) {
    const start = (): SourceLocation => ({ line: 0, column: 0, range: { start: 0, end: 0 } });
    return { config: {}, problems: [], locate: start, locateKey: start };
  }
  const source = parseYamlSource<TermguardConfig>(text, file, validateConfig);
  const problems = [...source.problems];
  return source.value !== undefined && problems.every((problem) => problem.severity !== 'error')
    ? { config: source.value, problems, locate: source.locate, locateKey: source.locateKey }
    : { problems, locate: source.locate, locateKey: source.locateKey };
}

/** True when the text holds nothing but whitespace, comments and document markers. */
function isBlankYaml(text: string): boolean {
  return text.split(/\r\n|\r|\n/).every((line) => {
    const trimmed = line.trim().replace(/^\uFEFF/, '');
    return trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...';
  });
}

/** A parsed config together with where it lives. */
export interface LocatedConfig {
  /** The config file, as a path. */
  readonly file: string;
  /** The folder holding the config file; relative paths in it are resolved against it. */
  readonly dir: string;
  readonly config: TermguardConfig;
  readonly locate?: (path: DataPath) => SourceLocation;
  readonly locateKey?: (path: DataPath) => SourceLocation;
}

/** A pack required by a config, resolved, with where it was asked for. */
export interface ResolvedPackRef {
  readonly path: string;
  /** The config file and 0-based position of the `packs` entry naming it. */
  readonly from: { readonly file: string; readonly line: number; readonly column: number };
}

/** Ignore globs of one config, relative to its folder. */
export interface IgnoreLayer {
  readonly dir: string;
  readonly patterns: readonly string[];
}

/** The `readers` globs of one config, relative to its folder. */
export interface ReaderLayer {
  readonly dir: string;
  readonly globs: Readonly<Record<string, DocumentKind>>;
}

/** The settings that apply to a file after merging every config above it. */
export interface EffectiveConfig {
  /** Include the built-in packs. */
  readonly builtin: boolean;
  /** Pack files in load order, farthest config first, without duplicates. */
  readonly packs: readonly ResolvedPackRef[];
  /** Severity overrides, nearer configs winning key by key. */
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  /** For each `rules` key, the config file and 0-based position of the entry that won. */
  readonly ruleSources: Readonly<Record<string, { readonly file: string; readonly line: number; readonly column: number }>>;
  /** Ignore globs of every config, each relative to its own folder. */
  readonly ignore: readonly IgnoreLayer[];
  /** Run the built-in claim model (the nearest config that says wins). */
  readonly claimModel: boolean;
  /** The config files merged, farthest first. */
  readonly files: readonly string[];
  /** Kinds walks check besides the prose kinds, from every config. */
  readonly kinds: readonly DocumentKind[];
  /** `readers` globs of every config, nearest config first (the first glob that matches a file wins). */
  readonly readers: readonly ReaderLayer[];
}

/** The settings used when no config file applies. */
export const DEFAULT_EFFECTIVE_CONFIG: EffectiveConfig = {
  builtin: true,
  packs: [],
  rules: {},
  ruleSources: {},
  ignore: [],
  files: [],
  claimModel: true,
  kinds: [],
  readers: [],
};

/**
 * Merges configs ordered nearest first (as found walking up), stopping after
 * the first one with `root: true`. Scalars (`builtin`, `claim-model`) and `rules` keys of
 * nearer configs win; `packs`, `ignore` and `kinds` accumulate, farthest first, since a
 * nested config adds to its parent (use `root: true` to start afresh).
 * `resolvePath(dir, relative)` turns a pack path into an absolute path.
 */
export function mergeTermguardConfigs(
  nearestFirst: readonly LocatedConfig[],
  resolvePath: (dir: string, relative: string) => string,
): EffectiveConfig {
  const chain: LocatedConfig[] = [];
  for (const layer of nearestFirst) {
    chain.push(layer);
    if (layer.config.root === true) break;
  }
  chain.reverse();
  let builtin = true;
  let claimModel = true;
  const rules: Record<string, SeverityOverride> = {};
  const ruleSources: Record<string, { file: string; line: number; column: number }> = {};
  const packs: ResolvedPackRef[] = [];
  const seen = new Set<string>();
  const ignore: IgnoreLayer[] = [];
  const kinds = new Set<DocumentKind>();
  const readers: ReaderLayer[] = [];
  for (const layer of chain) {
    for (const kind of layer.config.kinds ?? []) kinds.add(kind);
    if (layer.config.readers && Object.keys(layer.config.readers).length > 0)
      readers.unshift({ dir: layer.dir, globs: layer.config.readers });
    const { config } = layer;
    if (config.builtin !== undefined) builtin = config.builtin;
    if (config['claim-model'] !== undefined) claimModel = config['claim-model'];
    for (const [key, value] of Object.entries(config.rules ?? {})) {
      rules[key] = value;
      const where = (layer.locateKey ?? layer.locate)?.(['rules', key]);
      ruleSources[key] = { file: layer.file, line: where?.line ?? 0, column: where?.column ?? 0 };
    }
    (config.packs ?? []).forEach((relative, index) => {
      const path = resolvePath(layer.dir, relative);
      if (seen.has(path)) return;
      seen.add(path);
      const where = layer.locate?.(['packs', index]);
      packs.push({ path, from: { file: layer.file, line: where?.line ?? 0, column: where?.column ?? 0 } });
    });
    if (config.ignore && config.ignore.length > 0) ignore.push({ dir: layer.dir, patterns: config.ignore });
  }
  return { builtin, packs, rules, ruleSources, ignore, files: chain.map((layer) => layer.file), claimModel, kinds: [...kinds], readers };
}
