/**
 * Baselines: a record of accepted findings, so a project can adopt Termguard
 * (or a stricter pack) without fixing everything first and still fail on new
 * findings. Entries are keyed by rule, file, matched words and sentence — not
 * by line numbers — so unrelated edits elsewhere in a file do not invalidate
 * them. Each key carries a count: if a file holds more occurrences than were
 * recorded, the extra ones are new.
 *
 * Pure: the caller reads and writes the baseline file and turns paths into
 * the file key (relative to the baseline file's folder, forward slashes).
 */
import type { Finding, Problem } from '../api';

/** The version written to and accepted from baseline files. */
export const BASELINE_VERSION = 1;

/** One accepted finding kind in one file. */
export interface BaselineEntry {
  readonly ruleId: string;
  /** Path relative to the baseline file's folder, with forward slashes. */
  readonly file: string;
  readonly matchedText: string;
  readonly sentence: string;
  /** How many such findings the file had when the baseline was written. */
  readonly count: number;
}

/** The content of a baseline file. */
export interface Baseline {
  readonly version: number;
  readonly entries: readonly BaselineEntry[];
}

/** Findings of one file, for building a baseline. */
export interface FileFindings {
  /** The file key: relative to the baseline's folder, forward slashes. */
  readonly file: string;
  readonly findings: readonly Finding[];
}

/** Normalises a relative path into a baseline file key (forward slashes, no leading `./`). */
export function toBaselineFileKey(relativePath: string): string {
  let key = relativePath.replace(/\\/g, '/');
  while (key.startsWith('./')) key = key.slice(2);
  return key;
}

function keyOf(ruleId: string, file: string, matchedText: string, sentence: string): string {
  return JSON.stringify([ruleId, file, matchedText, sentence]);
}

/** Builds a baseline recording every finding given, with deterministic entry order. */
export function createBaseline(files: readonly FileFindings[]): Baseline {
  const counts = new Map<string, { entry: Omit<BaselineEntry, 'count'>; count: number }>();
  for (const { file, findings } of files) {
    const fileKey = toBaselineFileKey(file);
    for (const finding of findings) {
      const key = keyOf(finding.ruleId, fileKey, finding.matchedText, finding.sentence);
      const existing = counts.get(key);
      if (existing) existing.count++;
      else
        counts.set(key, {
          entry: { ruleId: finding.ruleId, file: fileKey, matchedText: finding.matchedText, sentence: finding.sentence },
          count: 1,
        });
    }
  }
  const entries = [...counts.values()].map(({ entry, count }) => ({ ...entry, count }));
  entries.sort(
    (a, b) =>
      compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.matchedText, b.matchedText) || compare(a.sentence, b.sentence),
  );
  return { version: BASELINE_VERSION, entries };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Serialises a baseline as stable, diff-friendly JSON (one entry per block, trailing newline). */
export function stringifyBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/**
 * Parses and validates the text of a baseline file. Never throws: a broken
 * file yields problems (located at the start of the file, or of the bad
 * entry's line where it can be found) and no baseline.
 */
export function parseBaseline(text: string, file: string): { baseline?: Baseline; problems: Problem[] } {
  const fail = (message: string, line = 0): { problems: Problem[] } => ({
    problems: [{ file, line, column: 0, severity: 'error', message, code: 'baseline' }],
  });
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(data) || !Array.isArray(data.entries)) return fail('a baseline must be an object with an `entries` array');
  if (data.version !== BASELINE_VERSION)
    return fail(`unsupported baseline version ${JSON.stringify(data.version)} (expected ${BASELINE_VERSION})`);
  const entries: BaselineEntry[] = [];
  for (const [index, entry] of data.entries.entries()) {
    const valid =
      isRecord(entry) &&
      typeof entry.ruleId === 'string' &&
      typeof entry.file === 'string' &&
      typeof entry.matchedText === 'string' &&
      typeof entry.sentence === 'string' &&
      Number.isInteger(entry.count) &&
      (entry.count as number) > 0;
    if (!valid) {
      return fail(
        `entry ${index} must have string ruleId, file, matchedText, sentence and a positive integer count`,
        lineOfEntry(text, index),
      );
    }
    entries.push({
      ruleId: entry.ruleId as string,
      file: toBaselineFileKey(entry.file as string),
      matchedText: entry.matchedText as string,
      sentence: entry.sentence as string,
      count: entry.count as number,
    });
  }
  return { baseline: { version: BASELINE_VERSION, entries }, problems: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Best effort: the 0-based line of the n-th `"ruleId"` key, else 0. */
function lineOfEntry(text: string, index: number): number {
  let position = -1;
  for (let i = 0; i <= index; i++) {
    position = text.indexOf('"ruleId"', position + 1);
    if (position < 0) return 0;
  }
  let line = 0;
  for (let i = 0; i < position; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The findings of one file split into new ones and ones the baseline accepts. */
export interface BaselineSplit {
  readonly fresh: readonly Finding[];
  readonly baselined: readonly Finding[];
}

/** A baseline indexed for lookups; immutable, so one index serves any number of checks. */
export class BaselineIndex {
  private readonly counts = new Map<string, number>();

  constructor(baseline: Baseline) {
    for (const entry of baseline.entries) {
      const key = keyOf(entry.ruleId, toBaselineFileKey(entry.file), entry.matchedText, entry.sentence);
      this.counts.set(key, (this.counts.get(key) ?? 0) + entry.count);
    }
  }

  /** Number of entries (distinct keys) in the baseline. */
  get size(): number {
    return this.counts.size;
  }

  /**
   * Splits the findings of a whole check of `file` (a baseline file key). In
   * document order, the first `count` findings of each key are baselined; any
   * further ones are fresh. Call it once per complete set of findings of a
   * file: counts are not carried between calls.
   */
  split(file: string, findings: readonly Finding[]): BaselineSplit {
    const fileKey = toBaselineFileKey(file);
    const remaining = new Map<string, number>();
    const fresh: Finding[] = [];
    const baselined: Finding[] = [];
    const ordered = [...findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
    for (const finding of ordered) {
      const key = keyOf(finding.ruleId, fileKey, finding.matchedText, finding.sentence);
      const left = remaining.get(key) ?? this.counts.get(key) ?? 0;
      if (left > 0) {
        remaining.set(key, left - 1);
        baselined.push(finding);
      } else {
        fresh.push(finding);
      }
    }
    return { fresh, baselined };
  }

  /**
   * The findings of `file` in document order, with baselined ones marked
   * `baselined: true` and lowered to hint severity (for editors, which show
   * them faintly instead of hiding them).
   */
  mark(file: string, findings: readonly Finding[]): Finding[] {
    const { baselined } = this.split(file, findings);
    const accepted = new Set(baselined);
    return [...findings]
      .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end)
      .map((finding) => (accepted.has(finding) ? { ...finding, severity: 'hint' as const, baselined: true } : finding));
  }
}
