/**
 * Turning `check` targets (paths, globs, `-`) into files, and reading files
 * safely: directory walks honour `.gitignore` at every level and skip `.git`
 * and `node_modules`; binary, non-UTF-8 and oversized files are reported and
 * skipped instead of being checked.
 */
import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { DocumentKind } from '../engine/api';
import { pathStatus } from './boundedRead';
import { DEFAULT_WALKED_KINDS, kindOfPath, walkedKindOf } from './documentKinds';
import { describeFileError } from './fileErrors';

export { kindOfPath } from './documentKinds';

/** Folders never walked into. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/** How many leading bytes are searched for NUL to detect binary files. */
export const BINARY_SNIFF_BYTES = 8192;

/** A file chosen for checking. */
export interface DiscoveredFile {
  readonly absolutePath: string;
  /** The path shown in output: as given when absolute, else relative to cwd, with forward slashes. */
  readonly displayPath: string;
  readonly kind: DocumentKind;
  /** True when the file was named on the command line rather than found by a walk or glob. */
  readonly explicit: boolean;
  /**
   * True when a folder walk found the file but its kind is not walked by
   * default (source code, components, locale files): it is checked only when
   * a config turns its kind on.
   */
  readonly optIn: boolean;
}

/** What discovery found. */
export interface DiscoveryResult {
  readonly files: readonly DiscoveredFile[];
  /** True when `-` was among the targets. */
  readonly stdin: boolean;
  /** Targets that name nothing checkable (missing paths, link loops, globs matching nothing); any of them means exit 2. */
  readonly errors: readonly string[];
  /** Non-fatal notes (unreadable folders, links that lead nowhere). */
  readonly notes: readonly string[];
}

/** True for a file a walk checks with no config: a known name of a prose kind. */
function isWalkedByDefault(path: string): boolean {
  const kind = walkedKindOf(path);
  return kind !== undefined && DEFAULT_WALKED_KINDS.has(kind);
}

/** `path` with forward slashes. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The display form of `absolutePath`: absolute when the user gave an absolute target, else relative to cwd. */
export function displayPathOf(cwd: string, absolutePath: string, absoluteTarget = false): string {
  if (absoluteTarget) return toPosix(absolutePath);
  const rel = relative(cwd, absolutePath);
  return rel === '' ? '.' : toPosix(rel);
}

/**
 * Expands `check` targets relative to `cwd`, in the order given, without
 * duplicates. An existing file is taken whatever its extension; an existing
 * directory is walked for files of a known kind (see `documentKinds.ts`),
 * those of kinds not walked by default marked `optIn`; anything else
 * with glob syntax is matched (picomatch) against paths relative to cwd, with
 * any extension, under the glob's base folder; `-` stands for standard input.
 * Walks and globs skip `.git`, `node_modules` and what `.gitignore` files (of
 * the walked folders and their ancestors up to the repository root) exclude.
 */
export function discoverFiles(targets: readonly string[], cwd: string): DiscoveryResult {
  const files: DiscoveredFile[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const notes: string[] = [];
  let stdin = false;
  const add = (absolutePath: string, absoluteTarget: boolean, explicit: boolean, walked = false): void => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    const kind = kindOfPath(absolutePath);
    const optIn = walked && !DEFAULT_WALKED_KINDS.has(kind);
    files.push({ absolutePath, displayPath: displayPathOf(cwd, absolutePath, absoluteTarget), kind, explicit, optIn });
  };
  const gitignores = new GitignoreCache(cwd);
  const walker: Walker = { gitignores, notes, display: (path) => displayPathOf(cwd, path) };

  for (const target of targets) {
    if (target === '-') {
      stdin = true;
      continue;
    }
    const absolute = resolve(cwd, target);
    const absoluteTarget = isAbsolute(target);
    const status = pathStatus(absolute);
    if (status.kind === 'file') {
      add(absolute, absoluteTarget, true);
    } else if (status.kind === 'directory') {
      const found: string[] = [];
      walk(absolute, walker, (file) => {
        if (walkedKindOf(file) !== undefined) found.push(file);
      });
      for (const file of sortByPath(found)) add(file, absoluteTarget, false, true);
    } else if (status.kind === 'other') {
      errors.push(`${target}: not a regular file or directory`);
    } else if (status.kind === 'missing' && picomatch.scan(target).isGlob) {
      const before = files.length;
      const matched = expandGlob(target, cwd, walker);
      for (const file of matched) add(file, absoluteTarget, false);
      if (matched.length === 0 && files.length === before) errors.push(`${target}: no files match this pattern`);
    } else if (status.kind === 'missing' || status.kind === 'error') {
      errors.push(`${target}: ${status.message}`);
    }
  }
  return { files, stdin, errors, notes };
}

/** What a folder walk needs besides the folder: .gitignore rules, where to note skipped entries, how to name them. */
interface Walker {
  readonly gitignores: GitignoreCache;
  readonly notes: string[];
  readonly display: (absolutePath: string) => string;
}

function expandGlob(pattern: string, cwd: string, walker: Walker): string[] {
  const absolutePattern = isAbsolute(pattern);
  const scan = picomatch.scan(toPosix(pattern));
  const base = resolve(cwd, scan.base === '' ? '.' : scan.base);
  const normalized = scan.prefix === './' ? toPosix(pattern).slice(2) : toPosix(pattern);
  const isMatch = picomatch(normalized);
  const matched: string[] = [];
  const baseStats = statOrUndefined(base);
  if (!baseStats?.isDirectory()) return matched;
  walk(base, walker, (file) => {
    const candidate = absolutePattern ? toPosix(file) : toPosix(relative(cwd, file));
    if (isMatch(candidate)) matched.push(file);
  });
  return sortByPath(matched);
}

/** A `.gitignore` file's rules with the folder they are relative to. */
interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

/** Loads each folder's `.gitignore` once. */
class GitignoreCache {
  private readonly layers = new Map<string, IgnoreLayer | null>();

  constructor(private readonly cwd: string) {}

  /** The layer of `dir`'s own `.gitignore`, if it has one. */
  layerOf(dir: string): IgnoreLayer | undefined {
    let layer = this.layers.get(dir);
    if (layer === undefined) {
      layer = null;
      try {
        const text = readFileSync(join(dir, '.gitignore'), 'utf8');
        layer = { dir, rules: ignore({ allowRelativePaths: true }).add(text) };
      } catch {
        // no .gitignore here
      }
      this.layers.set(dir, layer);
    }
    return layer ?? undefined;
  }

  /**
   * Layers of the folders strictly above `dir`, outermost first: up to and
   * including the repository root (the nearest folder holding `.git`), or,
   * outside a repository, up to the working directory when `dir` is inside it.
   */
  ancestorsOf(dir: string): IgnoreLayer[] {
    const chain: string[] = [];
    let current = dir;
    let top: string | undefined;
    for (;;) {
      if (statOrUndefined(join(current, '.git'))) {
        top = current;
        break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
      chain.push(current);
    }
    if (top === undefined) {
      const rel = relative(this.cwd, dir);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return [];
      top = this.cwd;
    }
    const layers: IgnoreLayer[] = [];
    for (const folder of chain) {
      if (folder.length < top.length) break;
      const layer = this.layerOf(folder);
      if (layer) layers.push(layer);
    }
    return layers.reverse();
  }
}

/** True when the layers, applied outermost first (later negations win), exclude `path`. */
function isIgnored(layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const rel = toPosix(relative(layer.dir, path));
    if (rel === '' || rel.startsWith('../')) continue;
    const result = layer.rules.test(isDirectory ? `${rel}/` : rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/**
 * Visits every file under `dir` in name order, depth first, that no
 * `.gitignore` excludes, skipping `.git` and `node_modules` and not following
 * symbolic links to folders (so link cycles cannot loop).
 */
function walk(dir: string, walker: Walker, visit: (file: string) => void): void {
  const { gitignores: cache, notes } = walker;
  const inherited = cache.ancestorsOf(dir);
  const stack: { dir: string; layers: readonly IgnoreLayer[] }[] = [{ dir, layers: inherited }];
  while (stack.length > 0) {
    const { dir: current, layers: parentLayers } = stack.pop()!;
    const own = cache.layerOf(current);
    const layers = own ? [...parentLayers, own] : parentLayers;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      notes.push(`${walker.display(current)}: cannot read folder (${describeFileError(error)}); skipped`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const path = join(current, entry.name);
      let isFile = entry.isFile();
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = pathStatus(path);
        isFile = target.kind === 'file';
        isDirectory = false;
        if ((target.kind === 'missing' || target.kind === 'error') && isWalkedByDefault(path) && !isIgnored(layers, path, false)) {
          notes.push(`${walker.display(path)}: ${target.message}; skipped`);
        }
      }
      if (isDirectory) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(layers, path, true)) continue;
        subdirectories.push(path);
      } else if (isFile && !isIgnored(layers, path, false)) {
        visit(path);
      }
    }
    // Push in reverse so folders are visited in name order.
    for (let i = subdirectories.length - 1; i >= 0; i--) stack.push({ dir: subdirectories[i]!, layers });
  }
}

/** Paths in code-unit order of their forward-slash form, so output order is the same on every platform. */
function sortByPath(paths: string[]): string[] {
  return paths
    .map((path) => ({ path, key: toPosix(path) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.path);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A decoded document, or why it cannot be checked. */
export type DecodeOutcome =
  | { readonly ok: true; readonly text: string; readonly bom: boolean }
  | { readonly ok: false; readonly reason: 'binary' | 'encoding'; readonly message: string };

/**
 * Decodes file content as strict UTF-8. A leading UTF-8 byte-order mark is
 * removed from the text and reported in `bom` (so it can be written back);
 * NUL bytes in the first 8 KB mean a binary file; UTF-16 byte-order marks and
 * malformed UTF-8 are refused with the byte offset and line of the first bad
 * byte.
 */
export function decodeDocument(bytes: Uint8Array): DecodeOutcome {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'encoding', message: 'is UTF-16 encoded; only UTF-8 is supported' };
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, reason: 'binary', message: 'looks binary (NUL bytes)' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, bom };
  } catch {
    const offset = firstInvalidUtf8Byte(body) + (bom ? 3 : 0);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, reason: 'encoding', message: `is not valid UTF-8 (first bad byte at offset ${offset}, line ${line})` };
  }
}

/** The offset of the first byte that breaks UTF-8 well-formedness (RFC 3629), or the length if none does. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Encodes a checked (possibly fixed) text back to bytes, restoring the byte-order mark if there was one. */
export function encodeDocument(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf], 0);
  bytes.set(body, 3);
  return bytes;
}

/** A file read for checking, or why it was skipped. */
export type ReadOutcome = DecodeOutcome | { readonly ok: false; readonly reason: 'too-large' | 'unreadable'; readonly message: string };

/** Reads and decodes a file, refusing files larger than `maxFileSize` bytes before reading them. */
export function readDocument(absolutePath: string, maxFileSize: number): ReadOutcome {
  let bytes: Uint8Array;
  try {
    const size = statSync(absolutePath).size;
    if (size > maxFileSize) {
      return { ok: false, reason: 'too-large', message: `is ${size} bytes, over --max-file-size ${maxFileSize}` };
    }
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `cannot be read (${describeFileError(error)})` };
  }
  return decodeDocument(bytes);
}
