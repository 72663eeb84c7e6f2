/**
 * Reads the import statements of the TypeScript sources under a folder, for the
 * layout tests: which module imports which (cycles) and which files reach
 * past the engine's facade. Type-only imports count too: they tie modules
 * together for a reader as much as value imports do.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The repository root, found from this file's place in test/helpers. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** One import or re-export statement of a source file. */
export interface ImportStatement {
  /** The module specifier as written. */
  readonly specifier: string;
  /** 1-based line of the statement's specifier. */
  readonly line: number;
}

// A specifier after `from`, after a bare `import`, or inside `import(...)`. Import clauses hold
// no quotes, so `[^'"`;]*?` cannot run past the statement into a string elsewhere.
const IMPORT_PATTERNS = [
  /(?:^|[\n;])\s*(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Every import, re-export and dynamic import with a literal specifier in `text`. */
export function importsOf(text: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const specifierOffset = match.index + match[0].lastIndexOf(match[1]!);
      found.push({ specifier: match[1]!, line: text.slice(0, specifierOffset).split('\n').length });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The `.ts` files under `folder` (absolute paths), skipping generated ones and declaration files. */
export function sourceFilesUnder(folder: string): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
    }
  };
  visit(folder);
  return files;
}

/** The file a relative specifier names, as TypeScript resolves it; undefined when none exists. */
export function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Module graph over the `.ts` files under `folder`: each file and the files it imports by relative path. */
export function relativeImportGraph(folder: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFilesUnder(folder)) {
    const targets = new Set<string>();
    for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      if (target === undefined) throw new Error(`${repoPath(file)}:${line}: cannot resolve '${specifier}'`);
      if (target.endsWith('.ts')) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * The import cycles of a graph, one per back edge found by a depth-first walk
 * (so every graph with a cycle yields at least one). Each cycle lists its
 * files in import order and ends where it began.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const walk = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const seen = state.get(next);
      if (seen === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (seen === undefined) walk(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) walk(file);
  return cycles;
}

/** A path relative to the repository root with forward slashes, for messages. */
export function repoPath(file: string): string {
  return relative(REPO_ROOT, file).split(sep).join('/');
}
