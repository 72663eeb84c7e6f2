/**
 * What pack authoring knows about the packs around an open pack or config
 * file: the built-in packs, the packs a config lists (their open text when
 * open, else the file on disk), and each open document's own analysis
 * (loaded pack or parsed config, plus a tolerant parse for when it does not
 * load), cached per document revision (the client's version numbers may repeat).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { PackSource, RuleInfo } from '../../engine/api';
import { loadPack, parseTermguardConfig, type LoadedPack, type ParsedTermguardConfig } from '../../engine/index';
import type { OpenDocument } from '../documents';
import { uriToPath } from '../workspaceFolders';
import { packDocumentKind, type PackDocumentKind } from './packDocuments';

/** One open pack or config document, analysed at one revision. */
export interface PackDocumentAnalysis {
  readonly uri: string;
  /** The document's {@link OpenDocument.revision} when analysed. */
  readonly revision: number;
  readonly kind: PackDocumentKind;
  readonly text: string;
  /** The lines of `text`. */
  readonly lines: readonly string[];
  /** For packs: the result of loading the text. */
  readonly loaded?: LoadedPack;
  /** For configs: the parsed config. */
  readonly config?: ParsedTermguardConfig;
  /** The data as far as it parses, whatever the schema says (empty object when it does not parse at all). */
  readonly data: Record<string, unknown>;
}

/** A word set and the pack it comes from. */
export interface KnownSet {
  readonly name: string;
  readonly members: readonly string[];
  readonly pack: string;
}

/** What the context needs from the server. */
export interface PackContextOptions {
  /** Absolute paths of the built-in packs. */
  readonly builtinPackFiles: () => readonly string[];
  /** The open document of `uri`, if any. */
  readonly openDocument: (uri: string) => OpenDocument | undefined;
  /** The URI of an absolute path. */
  readonly pathToUri: (path: string) => string;
}

/** Reads a YAML text as far as it goes; never throws. */
export function tolerantData(text: string): Record<string, unknown> {
  try {
    const value: unknown = parseDocument(text, { prettyErrors: false, uniqueKeys: false }).toJS({ maxAliasCount: 100 });
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The built-in packs, listed packs and document analyses, cached. */
export class PackContext {
  private builtinSources: readonly PackSource[] | undefined;
  private readonly packs = new Map<string, { readonly text: string; readonly loaded: LoadedPack }>();
  private readonly analyses = new Map<string, PackDocumentAnalysis>();

  constructor(private readonly options: PackContextOptions) {}

  /** The built-in packs' sources, read once (an unreadable one is left out). */
  builtins(): readonly PackSource[] {
    if (!this.builtinSources) {
      const sources: PackSource[] = [];
      for (const file of this.options.builtinPackFiles()) {
        try {
          sources.push({ file, text: readFileSync(file, 'utf8') });
        } catch {
          // gone or unreadable: its rules are simply unknown here
        }
      }
      this.builtinSources = sources;
    }
    return this.builtinSources;
  }

  /** Loads a pack source, reusing the last load of the same file with the same text. */
  load(source: PackSource): LoadedPack {
    const cached = this.packs.get(source.file);
    if (cached && cached.text === source.text) return cached.loaded;
    const loaded = loadPack(source);
    this.packs.set(source.file, { text: source.text, loaded });
    return loaded;
  }

  /** The pack at an absolute path: its open document's text if open, else the file; undefined when unreadable. */
  packAtPath(path: string): LoadedPack | undefined {
    const open = this.options.openDocument(this.options.pathToUri(path));
    let text: string;
    if (open) text = open.text;
    else {
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    }
    return this.load({ file: path, text });
  }

  /** The analysis of an open pack or config document as its text is now. */
  analyse(document: OpenDocument): PackDocumentAnalysis | undefined {
    const kind = packDocumentKind(document.uri, document.languageId);
    if (!kind) return undefined;
    const cached = this.analyses.get(document.uri);
    if (cached && cached.revision === document.revision && cached.kind === kind) return cached;
    const text = document.text;
    const analysis: PackDocumentAnalysis = {
      uri: document.uri,
      revision: document.revision,
      kind,
      text,
      lines: text.split(/\r\n|\r|\n/),
      ...(kind === 'pack' ? { loaded: loadPack({ file: document.uri, text }) } : { config: parseTermguardConfig(text, document.uri) }),
      data: tolerantData(text),
    };
    this.analyses.set(document.uri, analysis);
    return analysis;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.analyses.delete(uri);
  }

  /** The word sets a pack document can use: its own (as far as the text parses). */
  setsOf(analysis: PackDocumentAnalysis): KnownSet[] {
    const pack = analysis.loaded?.pack;
    const packName = typeof analysis.data['pack'] === 'string' ? (analysis.data['pack'] as string) : 'this pack';
    if (pack) return [...pack.sets].map(([name, set]) => ({ name, members: set.members, pack: pack.name }));
    const sets = analysis.data['sets'];
    if (!isRecord(sets)) return [];
    return Object.entries(sets).map(([name, members]) => ({
      name,
      members: Array.isArray(members) ? members.filter((member): member is string => typeof member === 'string') : [],
      pack: packName,
    }));
  }

  /** The word sets of the built-in packs (patterns of other packs cannot refer to them, but hovers can describe them). */
  builtinSets(): KnownSet[] {
    return this.builtins().flatMap((source) => {
      const pack = this.load(source).pack;
      return pack ? [...pack.sets].map(([name, set]) => ({ name, members: set.members, pack: pack.name })) : [];
    });
  }

  /** The rules of the built-in packs. */
  builtinRules(): RuleInfo[] {
    return this.builtins().flatMap((source) => this.load(source).pack?.rules.map((rule) => rule.info) ?? []);
  }

  /**
   * The packs a config document lists, resolved against its folder, as
   * written at each index (undefined paths for documents without a file).
   */
  listedPacks(analysis: PackDocumentAnalysis): { readonly index: number; readonly written: string; readonly path: string | undefined }[] {
    const packs = analysis.config?.config?.packs ?? (Array.isArray(analysis.data['packs']) ? (analysis.data['packs'] as unknown[]) : []);
    const file = uriToPath(analysis.uri);
    const dir = file === undefined ? undefined : dirname(file);
    return packs.flatMap((written, index) =>
      typeof written === 'string' && written.length > 0
        ? [{ index, written, path: dir === undefined ? undefined : resolve(dir, written) }]
        : [],
    );
  }

  /**
   * The rules a document can name: for a config, the built-in packs' (unless
   * it says `builtin: false`) and its listed packs'; for a pack, its own and
   * the built-in packs'.
   */
  knownRules(analysis: PackDocumentAnalysis): RuleInfo[] {
    const byId = new Map<string, RuleInfo>();
    const add = (rules: readonly RuleInfo[]): void => {
      for (const rule of rules) byId.set(rule.id, rule);
    };
    if (analysis.kind === 'config') {
      if (analysis.data['builtin'] !== false) add(this.builtinRules());
      for (const { path } of this.listedPacks(analysis))
        if (path !== undefined) add(this.packAtPath(path)?.pack?.rules.map((rule) => rule.info) ?? []);
    } else {
      add(this.builtinRules());
      add(analysis.loaded?.pack?.rules.map((rule) => rule.info) ?? []);
    }
    return [...byId.values()];
  }
}
