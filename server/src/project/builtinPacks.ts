/**
 * Locating the installation: the built-in packs and the package version.
 *
 * The CLI runs from the TypeScript sources (`server/src/cli/*.ts` under tsx,
 * packs at `../../../packs`) and from the esbuild bundle (`dist/cli.js`,
 * packs at `../packs`), so both are found by searching upward from this
 * module's folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Suffix of rule-pack files. */
export const PACK_FILE_SUFFIX = '.termguard.yaml';

/** The folder of this module, under ESM (tsx) and CommonJS bundles alike. */
function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

function* ancestors(start: string): Generator<string> {
  let dir = start;
  for (;;) {
    yield dir;
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function packFilesIn(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(PACK_FILE_SUFFIX))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Absolute paths of the built-in packs, sorted by name: the `*.termguard.yaml`
 * files of the nearest `packs` folder above this module that holds any.
 * Empty when none is found.
 */
export function builtinPackFiles(start: string = moduleDir()): string[] {
  for (const dir of ancestors(start)) {
    const files = packFilesIn(join(dir, 'packs'));
    if (files.length > 0) return files;
  }
  return [];
}

/** The version in the nearest `package.json` named `termguard` above this module, or `0.0.0`. */
export function installedVersion(start: string = moduleDir()): string {
  for (const dir of ancestors(start)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (data.name === 'termguard' && typeof data.version === 'string') return data.version;
    } catch {
      // not ours or unreadable: keep looking
    }
  }
  return '0.0.0';
}
