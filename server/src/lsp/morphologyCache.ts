/**
 * The word forms of pack words, kept across server starts.
 *
 * A pack word outside the engine's built-in morphology table (most team-pack
 * words: "utilize", product names) makes the engine load compromise, which
 * takes most of a second, more on a busy machine, on the way to the first
 * diagnostics of a session. compromise's answers depend only on the word and
 * on the installation, so the server saves those it got into a file in a
 * folder the client names (`initializationOptions.cacheDirectory`: the VS
 * Code extension passes its global storage) and gives them back to the
 * engine at the next start; a pack whose words are all known then builds
 * without compromise.
 *
 * The file is keyed by the installation (version, and size and time of the
 * server's own module), so an upgrade starts afresh. A missing, unreadable,
 * foreign or malformed file is ignored (entry by entry where it can be), and
 * failing to write one only costs speed: neither ever stops the server.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { installedVersion } from '../project/builtinPacks';
import { readBoundedFile } from '../project/boundedRead';
import { writeFileAtomic } from '../project/atomicWrite';
import { learnedMorphology, rememberMorphology, type ComputedForms, type MorphologyMemo, type VerbForm } from '../engine/index';
import type { Logger } from './logger';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The cache file's name in the cache directory. */
export const MORPHOLOGY_CACHE_FILE = 'morphology-cache.json';

/** The shape of the file; a different format is ignored. */
const FORMAT = 1;

/** Far above what packs need: the cache is dropped rather than read past this. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** At most this many lemmas and conjugations are kept (the oldest go first). */
const MAX_ENTRIES = 20_000;

/** How long after an engine build the cache is written, so that the first checks' fixes are in it too. */
const SAVE_DELAY_MS = 2_000;

const VERB_FORMS: ReadonlySet<string> = new Set<VerbForm>(['base', 'third-person', 'past', 'participle', 'gerund']);

interface CacheFile {
  readonly format: number;
  readonly key: string;
  readonly forms: Record<string, ComputedForms>;
  readonly conjugations: Record<string, string>;
}

/** The key of this installation: its version, and the size and time of the module running (a rebuild changes them). */
export function installationKey(): string {
  let module: string;
  try {
    const stats = statSync(__filename);
    module = `${stats.size}-${Math.round(stats.mtimeMs)}`;
  } catch {
    module = 'unknown';
  }
  return `${installedVersion()} ${module}`;
}

function validForms(value: unknown): value is ComputedForms {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        (entry[1] === null || (typeof entry[1] === 'string' && VERB_FORMS.has(entry[1]))),
    )
  );
}

/** The valid entries of a parsed cache file for `key`, or undefined when it is not one. */
export function parseMorphologyCache(data: unknown, key: string): MorphologyMemo | undefined {
  const file = data as Partial<CacheFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== FORMAT || file.key !== key) return undefined;
  const forms: Record<string, ComputedForms> = {};
  const conjugations: Record<string, string> = {};
  if (typeof file.forms === 'object' && file.forms !== null) {
    for (const [lemma, value] of Object.entries(file.forms)) if (validForms(value)) forms[lemma] = value;
  }
  if (typeof file.conjugations === 'object' && file.conjugations !== null) {
    for (const [conjugationKey, value] of Object.entries(file.conjugations))
      if (typeof value === 'string') conjugations[conjugationKey] = value;
  }
  return { forms, conjugations };
}

/** The most recent `limit` entries of a record (insertion order is age). */
function newest<T>(record: Record<string, T>, limit: number): Record<string, T> {
  const entries = Object.entries(record);
  return entries.length <= limit ? record : Object.fromEntries(entries.slice(entries.length - limit));
}

/** Loads and saves the cache of one server. */
export class MorphologyCache {
  private loaded: MorphologyMemo = { forms: {}, conjugations: {} };
  /** How many learned entries the file holds already. */
  private savedCount = 0;
  private timer: NodeJS.Timeout | undefined;

  /**
   * @param directory where the file lives; undefined: no cache (every method does nothing)
   * @param key the installation's key (see {@link installationKey})
   */
  constructor(
    private readonly directory: string | undefined,
    private readonly key: string,
    private readonly logger: Logger,
  ) {}

  private get file(): string | undefined {
    return this.directory === undefined ? undefined : join(this.directory, MORPHOLOGY_CACHE_FILE);
  }

  /** Reads the file, if there is one for this installation, and gives its answers to the engine. */
  load(): void {
    const file = this.file;
    if (file === undefined) return;
    const read = readBoundedFile(file, MAX_FILE_BYTES, 'the morphology cache');
    if (!read.ok) {
      if (read.reason === 'refused') this.logger.warn(`ignoring the morphology cache ${file}: it ${read.message}`);
      return;
    }
    let memo: MorphologyMemo | undefined;
    try {
      memo = parseMorphologyCache(JSON.parse(new TextDecoder().decode(read.bytes)), this.key);
    } catch (error) {
      this.logger.warn(`ignoring the morphology cache ${file}: ${messageOf(error)}`);
      return;
    }
    if (!memo) {
      this.logger.info(`the morphology cache ${file} is from another installation; it will be replaced`);
      return;
    }
    this.loaded = memo;
    rememberMorphology(memo);
    this.logger.info(`read ${Object.keys(memo.forms).length} word(s) from the morphology cache ${file}`);
  }

  /** Saves what the engine has learned since the last save, a little later (nothing keeps the process alive for it). */
  scheduleSave(): void {
    if (this.file === undefined || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Saves what the engine has learned, if anything, now. */
  save(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const file = this.file;
    if (file === undefined || this.directory === undefined) return;
    const learned = learnedMorphology();
    const count = Object.keys(learned.forms).length + Object.keys(learned.conjugations).length;
    if (count === this.savedCount) return;
    const content: CacheFile = {
      format: FORMAT,
      key: this.key,
      forms: newest({ ...this.loaded.forms, ...learned.forms }, MAX_ENTRIES),
      conjugations: newest({ ...this.loaded.conjugations, ...learned.conjugations }, MAX_ENTRIES),
    };
    try {
      mkdirSync(this.directory, { recursive: true });
      writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(content)));
      this.savedCount = count;
      this.logger.debug(() => `saved ${Object.keys(content.forms).length} word(s) to the morphology cache ${file}`);
    } catch (error) {
      // Only speed is lost; say so once rather than at every save.
      this.savedCount = count;
      this.logger.warn(`could not save the morphology cache ${file}: ${messageOf(error)}`);
    }
  }
}
