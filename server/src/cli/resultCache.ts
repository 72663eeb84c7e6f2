/**
 * `check --cache`: the result of checking a text, kept so that an unchanged
 * file is not checked again. An entry is keyed by a hash of the text and of
 * everything else the result depends on: the running Termguard build, the
 * packs' names and content, the severity overrides of the config and the
 * document kind. Each entry is its own file, written in one step (a
 * temporary file renamed into place), so two runs sharing the folder never
 * see half an entry; an entry that is missing, unreadable or damaged is
 * simply a miss and is written again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckOptions, CheckResult, DocumentKind, PackSource } from '../engine/api';
import { createFileExclusive, FileWriteError, writeFileAtomic } from '../project/atomicWrite';
import { describeFileError } from '../project/fileErrors';

/** Bumped whenever the entry layout changes, so old entries are ignored. */
const ENTRY_FORMAT = 1;

/** What, besides the text, a check's result depends on. */
export interface CheckSetup {
  readonly buildId: string;
  readonly packs: readonly PackSource[];
  /** Severity overrides and the claim-model switch of the config. */
  readonly options: CheckOptions;
  readonly kind: DocumentKind;
}

/** A hash of a check setup; equal setups give equal keys. */
export function setupKey(setup: CheckSetup): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([
      ENTRY_FORMAT,
      setup.buildId,
      setup.kind,
      Object.entries(setup.options.severityOverrides ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      setup.options.claimModel ?? true,
    ]),
  );
  for (const pack of setup.packs) hash.update(`\0${pack.file.length}:${pack.file}${pack.text.length}:`).update(pack.text);
  return hash.digest('hex');
}

/** The cache entries of one folder. */
export class ResultCache {
  private writable: boolean | undefined;

  /**
   * @param dir the cache folder (created on the first write, with a .gitignore that keeps it out of commits)
   * @param note tells the user, once, when entries cannot be written
   */
  constructor(
    private readonly dir: string,
    private readonly note: (text: string) => void,
  ) {}

  /** The cache key of a text checked with a setup (by its `setupKey`). */
  static entryKey(setupHash: string, text: string): string {
    return createHash('sha256').update(setupHash).update('\0').update(text).digest('hex');
  }

  /** The stored result for `key`, if there is a sound one for a text of `textLength` code units. */
  read(key: string, textLength: number): CheckResult | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.entryPath(key), 'utf8'));
    } catch {
      return undefined;
    }
    const entry = parsed as { format?: unknown; key?: unknown; result?: unknown } | null;
    if (entry === null || typeof entry !== 'object' || entry.format !== ENTRY_FORMAT || entry.key !== key) return undefined;
    return isCheckResult(entry.result, textLength) ? entry.result : undefined;
  }

  /** Stores a result; a failure is noted once and later writes are skipped. */
  write(key: string, result: CheckResult): void {
    if (!this.prepare()) return;
    const data = new TextEncoder().encode(JSON.stringify({ format: ENTRY_FORMAT, key, result }));
    try {
      writeFileAtomic(this.entryPath(key), data);
    } catch (error) {
      if (!(error instanceof FileWriteError)) throw error;
      this.disable(error.reason);
    }
  }

  private entryPath(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** Creates the folder and its .gitignore once; false when that failed. */
  private prepare(): boolean {
    if (this.writable !== undefined) return this.writable;
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      this.disable(describeFileError(error));
      return false;
    }
    try {
      createFileExclusive(
        join(this.dir, '.gitignore'),
        new TextEncoder().encode('# Written by termguard check --cache: nothing here belongs in version control.\n*\n'),
      );
    } catch (error) {
      // Another run created it first, or the folder is read-only (which the first entry will report).
      if (!(error instanceof FileWriteError)) throw error;
    }
    this.writable = true;
    return true;
  }

  private disable(reason: string): void {
    if (this.writable === false) return;
    this.writable = false;
    this.note(`cannot write the cache in ${this.dir} (${reason}); files are checked without it`);
  }
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

function isRange(value: unknown, textLength: number): boolean {
  const range = value as { start?: unknown; end?: unknown } | null;
  return (
    range !== null &&
    typeof range === 'object' &&
    Number.isSafeInteger(range.start) &&
    Number.isSafeInteger(range.end) &&
    (range.start as number) >= 0 &&
    (range.start as number) <= (range.end as number) &&
    (range.end as number) <= textLength
  );
}

function isStringField(value: object, name: string): boolean {
  return typeof (value as Record<string, unknown>)[name] === 'string';
}

/** True when `value` has the shape of a CheckResult whose ranges fit a text of `textLength` code units. */
function isCheckResult(value: unknown, textLength: number): value is CheckResult {
  const result = value as { findings?: unknown; problems?: unknown } | null;
  if (result === null || typeof result !== 'object' || !Array.isArray(result.findings) || !Array.isArray(result.problems)) return false;
  const findingsSound = result.findings.every(
    (finding: unknown) =>
      finding !== null &&
      typeof finding === 'object' &&
      ['ruleId', 'category', 'message', 'matchedText', 'sentence'].every((name) => isStringField(finding, name)) &&
      SEVERITIES.has((finding as { severity: string }).severity) &&
      isRange((finding as { range: unknown }).range, textLength) &&
      Array.isArray((finding as { fixes: unknown }).fixes) &&
      (finding as { fixes: unknown[] }).fixes.every(
        (fix) =>
          fix !== null &&
          typeof fix === 'object' &&
          isStringField(fix, 'title') &&
          Array.isArray((fix as { edits: unknown }).edits) &&
          (fix as { edits: unknown[] }).edits.every(
            (edit) =>
              edit !== null &&
              typeof edit === 'object' &&
              isStringField(edit, 'newText') &&
              isRange((edit as { range: unknown }).range, textLength),
          ),
      ),
  );
  const problemsSound = result.problems.every(
    (problem: unknown) =>
      problem !== null &&
      typeof problem === 'object' &&
      ['file', 'message', 'code'].every((name) => isStringField(problem, name)) &&
      SEVERITIES.has((problem as { severity: string }).severity) &&
      Number.isSafeInteger((problem as { line: unknown }).line) &&
      Number.isSafeInteger((problem as { column: unknown }).column) &&
      ((problem as { range?: unknown }).range === undefined || isRange((problem as { range: unknown }).range, textLength)),
  );
  return findingsSound && problemsSound;
}
