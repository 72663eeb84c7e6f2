/**
 * The `termguard.*` settings contract and how the server obtains it.
 *
 * Settings are declared with `"scope": "resource"`, so the server pulls them
 * per document with `workspace/configuration` (`scopeUri` = the document),
 * caches the answer per URI and drops the cache on
 * `workspace/didChangeConfiguration`. They are parsed once into a frozen
 * {@link TermguardSettings} and passed to each feature per call; no feature
 * keeps settings in a global.
 */
import { DEFAULT_LANGUAGE_IDS, SETTINGS_SECTION } from '../protocol/protocol';
import type { Connection } from 'vscode-languageserver/node';
import type { DocumentKind, SeverityOverride } from '../engine/api';
import { isNotebookCell, kindOfLanguageId } from './languageIds';

/** The setting section; every key below lives under it. */
export { SETTINGS_SECTION };

/** The level of detail the server logs; `verbose` also logs debug messages. */
export type TraceLevel = 'off' | 'messages' | 'verbose';

/**
 * `termguard.languages` when unset: the extension's default (VS Code's ids)
 * and the kinds' names, which other editors' ids map to. Source code is left
 * out, so nobody gets findings in code they did not ask for.
 */
export const DEFAULT_LANGUAGES: readonly string[] = Object.freeze([
  ...DEFAULT_LANGUAGE_IDS,
  'gitcommit',
  'rst',
  // A notebook's cells open in a notebook editor.
  'notebook',
]);

/** The typed settings of one document (or folder). Immutable. */
export interface TermguardSettings {
  /** `termguard.enable`: check documents at all. Default true. */
  readonly enable: boolean;
  /**
   * `termguard.packs`: extra rule-pack files, loaded after the built-in packs
   * and the `.termguard.yaml` packs. Relative paths are resolved against the
   * document's workspace folder. Ignored in restricted mode.
   */
  readonly packs: readonly string[];
  /**
   * `termguard.severityOverrides`: rule id, `category:NAME` or `pack:NAME` to
   * a severity or `off`. Wins over the `rules` of `.termguard.yaml`.
   */
  readonly severityOverrides: Readonly<Record<string, SeverityOverride>>;
  /**
   * `termguard.languages`: the document language ids (or document kinds) to
   * check. Default: the prose formats; source code only when listed.
   */
  readonly languages: readonly string[];
  /** `termguard.checkDelay` (formerly `termguard.debounceMs`): delay between the last edit and the check, 0–2000 ms. */
  readonly debounceMs: number;
  /** `termguard.maxFileSizeKB`: documents larger than this are not checked (a notice says so once). */
  readonly maxFileSizeKB: number;
  /**
   * `termguard.baseline`: a baseline file written by `termguard check
   * --update-baseline`, relative to the workspace folder. Findings it records
   * are shown at hint level. Empty: none. Ignored in restricted mode.
   */
  readonly baseline: string;
  /** `termguard.trace.server`: protocol tracing in the client; `verbose` also turns on the server's debug log. */
  readonly trace: { readonly server: TraceLevel };
}

/**
 * The debounce used when the setting is absent: none. Measured with
 * bench/lspLatency.ts (10,000 lines, keystrokes 80 ms apart, as a fast
 * typist): p50 35 ms at 0, 42 ms at 10, 60 ms at 25, 88 ms at 50, with one
 * check per keystroke in every case. A delay only adds itself to each
 * keystroke; bursts are coalesced anyway, because a check waits until the
 * edits already received are applied (see CheckScheduler.schedule).
 */
export const DEFAULT_DEBOUNCE_MS = 0;

/** The settings used when the client sends none. */
export const DEFAULT_SETTINGS: TermguardSettings = Object.freeze({
  enable: true,
  packs: Object.freeze([]) as readonly string[],
  severityOverrides: Object.freeze({}),
  languages: DEFAULT_LANGUAGES,
  debounceMs: DEFAULT_DEBOUNCE_MS,
  maxFileSizeKB: 4096,
  baseline: '',
  trace: Object.freeze({ server: 'off' as TraceLevel }),
});

const SEVERITY_OVERRIDES: ReadonlySet<string> = new Set<SeverityOverride>(['error', 'warning', 'information', 'hint', 'off']);
const TRACE_LEVELS: ReadonlySet<string> = new Set<TraceLevel>(['off', 'messages', 'verbose']);

/** Settings parsed from whatever the client sent, and what was wrong with it. */
export interface ParsedSettings {
  readonly settings: TermguardSettings;
  /** One line per invalid value; each such value was replaced by its default. */
  readonly problems: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates the raw `termguard` section (as returned by
 * `workspace/configuration`, or `undefined`). Never throws: a missing value
 * takes its default, an invalid one its default plus a problem line.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const problems: string[] = [];
  const section = isRecord(raw) ? raw : {};
  const bad = (key: string, expected: string): void => {
    problems.push(`termguard.${key} must be ${expected}; using the default`);
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const value = section[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    bad(key, 'true or false');
    return fallback;
  };
  const strings = (key: string, fallback: readonly string[]): readonly string[] => {
    const value = section[key];
    if (value === undefined || value === null) return fallback;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return Object.freeze([...(value as string[])]);
    bad(key, 'an array of strings');
    return fallback;
  };
  const number = (key: string, fallback: number, min: number, max: number): number => {
    const value = section[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    bad(key, `a number from ${min} to ${max}`);
    return fallback;
  };

  const overrides: Record<string, SeverityOverride> = {};
  const rawOverrides = section.severityOverrides;
  if (isRecord(rawOverrides)) {
    for (const [key, value] of Object.entries(rawOverrides)) {
      if (typeof value === 'string' && SEVERITY_OVERRIDES.has(value)) overrides[key] = value as SeverityOverride;
      else problems.push(`termguard.severityOverrides.${key} must be one of error, warning, information, hint, off; ignored`);
    }
  } else if (rawOverrides !== undefined && rawOverrides !== null) {
    bad('severityOverrides', 'an object');
  }

  let baseline = DEFAULT_SETTINGS.baseline;
  if (typeof section.baseline === 'string') baseline = section.baseline.trim();
  else if (section.baseline !== undefined && section.baseline !== null) bad('baseline', 'a path');

  let trace: TraceLevel = 'off';
  const rawTrace = isRecord(section.trace) ? section.trace.server : undefined;
  if (typeof rawTrace === 'string' && TRACE_LEVELS.has(rawTrace)) trace = rawTrace as TraceLevel;
  else if (rawTrace !== undefined && rawTrace !== null) bad('trace.server', 'off, messages or verbose');

  const settings: TermguardSettings = Object.freeze({
    enable: bool('enable', DEFAULT_SETTINGS.enable),
    packs: strings('packs', DEFAULT_SETTINGS.packs),
    severityOverrides: Object.freeze(overrides),
    languages: strings('languages', DEFAULT_SETTINGS.languages),
    // `checkDelay` reads as "Check Delay" in the Settings editor; `debounceMs`, its older name, still works.
    debounceMs:
      section.checkDelay !== undefined && section.checkDelay !== null
        ? number('checkDelay', DEFAULT_SETTINGS.debounceMs, 0, 2000)
        : number('debounceMs', DEFAULT_SETTINGS.debounceMs, 0, 2000),
    maxFileSizeKB: number('maxFileSizeKB', DEFAULT_SETTINGS.maxFileSizeKB, 1, 1024 * 1024),
    baseline,
    trace: Object.freeze({ server: trace }),
  });
  return { settings, problems };
}

/**
 * True when `termguard.languages` asks for a document: its language id is
 * listed, or the document kind it is read as (so `rst` covers
 * `restructuredtext`, and `plaintext` covers Neovim's `text`).
 */
export function isLanguageChecked(settings: TermguardSettings, languageId: string | undefined, kind: DocumentKind): boolean {
  if (languageId !== undefined && settings.languages.includes(languageId)) return true;
  return settings.languages.some((listed) => kindOfLanguageId(listed) === kind);
}

/** What decides whether an open document is checked, besides `termguard.enable`. */
export interface CheckedKindQuestion {
  readonly uri: string;
  readonly languageId: string;
  /** The kind the document is read as (a config's `readers` glob, else its language or file name). */
  readonly kind: DocumentKind;
  /** The kind a `readers` glob of a `.termguard.yaml` gives the file, if one matches. */
  readonly readerKind?: DocumentKind | undefined;
  /** The `kinds` of the `.termguard.yaml` files that apply. */
  readonly configKinds?: readonly DocumentKind[] | undefined;
}

/**
 * True when a document is checked, the way the CLI decides for a file it
 * walks, with `termguard.languages` in place of the kinds a walk checks by
 * default: a `readers` glob that matches it or a config's `kinds` turns it on
 * as they turn a file on for the CLI. A notebook cell is checked when
 * notebooks are (`jupyter` or `notebook` listed, or its own language) and
 * Termguard knows its language.
 */
export function isKindChecked(settings: TermguardSettings, question: CheckedKindQuestion): boolean {
  const { uri, languageId, kind, readerKind, configKinds } = question;
  if (isNotebookCell(uri)) {
    if (kindOfLanguageId(languageId) === undefined) return false;
    return isLanguageChecked(settings, languageId, kind) || isLanguageChecked(settings, undefined, 'notebook');
  }
  if (readerKind !== undefined || configKinds?.includes(kind)) return true;
  return isLanguageChecked(settings, languageId, kind);
}

/** How settings reach the server, decided from the client's capabilities at `initialize`. */
export interface SettingsSourceOptions {
  /** The client answers `workspace/configuration` requests. */
  readonly pull: boolean;
  /** Called with the problems of each newly parsed settings object. */
  readonly onProblems?: (scope: string, problems: readonly string[]) => void;
}

/**
 * Settings per resource URI. With a client that supports
 * `workspace/configuration` each URI's settings are requested once and
 * cached (the pending promise is cached too, so concurrent checks share one
 * request); otherwise the settings pushed with `didChangeConfiguration` apply
 * to every document.
 */
export class SettingsSource {
  private readonly cache = new Map<string, Promise<TermguardSettings>>();
  private pushed: TermguardSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly options: SettingsSourceOptions,
  ) {}

  /** The settings that apply to `uri` (a document or folder URI; `undefined` for the window scope). */
  forResource(uri: string | undefined): Promise<TermguardSettings> {
    if (!this.options.pull) return Promise.resolve(this.pushed);
    const key = uri ?? '';
    let cached = this.cache.get(key);
    if (!cached) {
      cached = this.connection.workspace
        .getConfiguration(uri === undefined ? { section: SETTINGS_SECTION } : { scopeUri: uri, section: SETTINGS_SECTION })
        .then(
          (raw: unknown) => this.parse(key, raw),
          () => DEFAULT_SETTINGS,
        );
      this.cache.set(key, cached);
    }
    return cached;
  }

  /**
   * Forgets every cached answer (on `didChangeConfiguration`). `pushed` is the
   * notification's `settings` payload, used when the client cannot be asked.
   */
  reset(pushed: unknown): void {
    this.cache.clear();
    if (!this.options.pull) this.pushed = this.parse('', isRecord(pushed) ? pushed[SETTINGS_SECTION] : undefined);
  }

  private parse(scope: string, raw: unknown): TermguardSettings {
    const parsed = parseSettings(raw);
    if (parsed.problems.length > 0) this.options.onProblems?.(scope, parsed.problems);
    return parsed.settings;
  }
}
