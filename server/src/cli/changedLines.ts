/**
 * `check --changed-since REF`: which lines of which files changed since a git
 * ref, read from `git diff --unified=0 REF` (the ref compared with the files
 * as they are now, uncommitted edits included). Files git does not track yet
 * count as changed throughout. Git is run with execFile, never through a
 * shell, so a ref or path cannot run commands.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { errorCode } from '../project/fileErrors';

/** The lines of a file that changed: 0-based line numbers, or 'all' for a file git does not track. */
export type LineChanges = ReadonlySet<number> | 'all';

/** Changed lines per file, by absolute path. */
export interface ChangedLines {
  /** The changed lines of the file at `absolutePath`, or undefined when it did not change. */
  linesOf(absolutePath: string): LineChanges | undefined;
}

/** Runs git with arguments (no shell) in a folder and returns its standard output; throws as execFileSync does. */
export type GitRunner = (args: readonly string[], cwd: string) => string;

/** Git diffs of large repositories can be long; this is far above any real one. */
const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;

const runGit: GitRunner = (args, cwd) =>
  execFileSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: MAX_GIT_OUTPUT,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });

/**
 * The lines changed since `ref` for the repository holding `cwd`, or an
 * error message in plain English: outside a repository, without git, or
 * for a ref git does not know.
 */
export function changedLinesSince(ref: string, cwd: string, git: GitRunner = runGit): { changes: ChangedLines } | { error: string } {
  if (ref.startsWith('-') || ref.trim() === '') return { error: `--changed-since needs a git ref such as main or HEAD~1, not \`${ref}\`` };
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { error: '--changed-since runs git, and git was not found' };
    return { error: `--changed-since needs a git repository, and ${cwd} is not inside one` };
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    return { error: `--changed-since: git does not know the ref \`${ref}\` (in a shallow clone, fetch it first)` };
  }
  let diff: string;
  let untracked: string;
  try {
    diff = git(
      [
        '-c',
        'core.quotePath=false',
        'diff',
        '--unified=0',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        '--src-prefix=a/',
        '--dst-prefix=b/',
        '-M',
        ref,
        '--',
      ],
      top,
    );
    untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], top);
  } catch (error) {
    const detail = (error as { stderr?: unknown }).stderr;
    return {
      error: `--changed-since: git diff failed${typeof detail === 'string' && detail.trim() !== '' ? `: ${detail.trim().split('\n')[0]}` : ''}`,
    };
  }
  const byPath = parseUnifiedDiff(diff);
  for (const path of untracked.split('\0')) if (path !== '') byPath.set(path, 'all');
  return { changes: new RepositoryChanges(top, byPath) };
}

/** Changes keyed by path relative to the repository's top folder (forward slashes). */
class RepositoryChanges implements ChangedLines {
  constructor(
    private readonly top: string,
    private readonly byPath: ReadonlyMap<string, LineChanges>,
  ) {}

  linesOf(absolutePath: string): LineChanges | undefined {
    // Git names files by their real path; the file may have been named through a symbolic link.
    let real = absolutePath;
    try {
      real = realpathSync(absolutePath);
    } catch {
      // a file that cannot be resolved is looked up as given
    }
    const rel = relative(this.top, real).split(sep).join('/');
    return this.byPath.get(rel) ?? this.byPath.get(relative(this.top, absolutePath).split(sep).join('/'));
  }
}

/**
 * The added or changed lines of each file in a `git diff --unified=0` with
 * `a/` and `b/` prefixes, by new path. Deleted files are left out; a file
 * whose changes only removed lines maps to an empty set. Hunk bodies are
 * counted, so a removed line that reads `-- x` is never taken for a header.
 */
export function parseUnifiedDiff(diff: string): Map<string, LineChanges> {
  const files = new Map<string, LineChanges>();
  let current: Set<number> | undefined;
  let removedLeft = 0;
  let addedLeft = 0;
  for (const line of diff.split('\n')) {
    if (removedLeft > 0 || addedLeft > 0) {
      if (line.startsWith('-')) removedLeft--;
      else if (line.startsWith('+')) addedLeft--;
      // "\ No newline at end of file" belongs to the hunk but counts for neither side.
      continue;
    }
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('+++ ')) {
      const path = diffPath(line.slice(4));
      if (path === undefined) {
        current = undefined;
      } else {
        current = new Set<number>();
        files.set(path, current);
      }
    } else if (line.startsWith('@@ ')) {
      const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      removedLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      addedLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
      for (let offset = 0; offset < addedLeft; offset++) current?.add(start - 1 + offset);
    }
  }
  return files;
}

/** The path of a `+++` header without its `b/` prefix (undefined for /dev/null), unquoting git's C-style quoting. */
function diffPath(header: string): string | undefined {
  if (header === '/dev/null') return undefined;
  // Git ends a name holding a space with a tab, for patch(1).
  const name = header.startsWith('"') ? unquoteC(header) : header.replace(/\t$/, '');
  return name.startsWith('b/') ? name.slice(2) : name;
}

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Decodes a name git quoted C-style ("a\\tb\\303\\251"): escapes and octal UTF-8 bytes. */
export function unquoteC(quoted: string): string {
  const body = quoted.replace(/^"/, '').replace(/"\t?$/, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
