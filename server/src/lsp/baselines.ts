/**
 * The optional `termguard.baseline` file: findings it records are shown at
 * hint level instead of being hidden, so a team adopting Termguard sees what
 * is old without being nagged by it.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Finding } from '../engine/api';
import { BaselineIndex, parseBaseline, toBaselineFileKey } from '../engine/index';
import type { Logger } from './logger';

interface LoadedBaseline {
  readonly mtimeMs: number;
  readonly index: BaselineIndex | undefined;
}

/** Baseline files by absolute path, reloaded when their modification time changes. */
export class BaselineStore {
  private readonly loaded = new Map<string, LoadedBaseline>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly logger: Logger,
    private readonly warn: (message: string) => void,
  ) {}

  /**
   * `findings` of the document at `documentPath` with baselined ones marked
   * (hint severity, `baselined: true`). `setting` is `termguard.baseline`,
   * resolved against `baseDir`; an empty setting or unreadable file leaves
   * the findings as they are.
   */
  mark(setting: string, baseDir: string | undefined, documentPath: string | undefined, findings: readonly Finding[]): readonly Finding[] {
    if (setting === '' || documentPath === undefined || findings.length === 0) return findings;
    const file = resolve(baseDir ?? dirname(documentPath), setting);
    const index = this.load(file);
    if (!index) return findings;
    return index.mark(toBaselineFileKey(relative(dirname(file), documentPath)), findings);
  }

  private load(file: string): BaselineIndex | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      this.reportOnce(file, `Termguard: the baseline file ${file} (termguard.baseline) cannot be read; findings are shown without it.`);
      return undefined;
    }
    const cached = this.loaded.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.index;
    let index: BaselineIndex | undefined;
    try {
      const parsed = parseBaseline(readFileSync(file, 'utf8'), file);
      if (parsed.baseline) {
        index = new BaselineIndex(parsed.baseline);
        this.reported.delete(file);
      } else {
        this.reportOnce(
          file,
          `Termguard: the baseline file ${file} is invalid (${parsed.problems.map((problem) => problem.message).join('; ')}); findings are shown without it.`,
        );
      }
    } catch (error) {
      this.logger.error(`cannot read baseline ${file}`, error);
    }
    this.loaded.set(file, { mtimeMs, index });
    return index;
  }

  private reportOnce(file: string, message: string): void {
    if (this.reported.has(file)) return;
    this.reported.add(file);
    this.logger.warn(message);
    this.warn(message);
  }
}
