/**
 * The engine's public vocabulary. Everything the CLI, the language server and
 * the tests need from the engine is typed here; nothing in this file knows
 * about LSP, VS Code or Node.
 *
 * All offsets are UTF-16 code-unit offsets into the checked document's text
 * (the JavaScript string index), end-exclusive.
 */

/** The four severities a finding can have, named as in LSP and the CLI's JSON. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A severity override: a severity, or `off` to silence a rule. */
export type SeverityOverride = Severity | 'off';

/**
 * The kinds of document the engine knows how to extract prose from. Kinds of
 * source code are named by their VS Code language ids.
 */
export type DocumentKind = ProseDocumentKind | DataDocumentKind | CodeDocumentKind;

/** Documents that are prose with markup. */
export type ProseDocumentKind =
  'markdown' | 'plaintext' | 'mdx' | 'html' | 'vue' | 'svelte' | 'asciidoc' | 'rst' | 'gitcommit' | 'notebook';

/** Data files whose string values are prose (locale and message files). */
export type DataDocumentKind = 'json' | 'yaml';

/** Source code, whose comments and user-facing strings are prose. */
export type CodeDocumentKind =
  | 'typescript'
  | 'typescriptreact'
  | 'javascript'
  | 'javascriptreact'
  | 'python'
  | 'go'
  | 'java'
  | 'csharp'
  | 'rust'
  | 'ruby'
  | 'shellscript';

/** A half-open range of offsets into a text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** One replacement of a source range; applying all edits of a fix at once yields the fixed text. */
export interface TextEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

/** A named rewrite the user can apply. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** True for the one fix an editor should mark as preferred. */
  readonly preferred?: boolean;
}

/** One violation of one rule. */
export interface Finding {
  readonly ruleId: string;
  readonly category: string;
  readonly severity: Severity;
  /** The user-facing message: what was found, why it matters, what to write instead. */
  readonly message: string;
  /** Source range the diagnostic covers (the offending words, markup between them included). */
  readonly range: OffsetRange;
  /** The words matched, normalised to single spaces and stripped of markup. */
  readonly matchedText: string;
  /** The sentence the finding sits in, normalised the same way (used for baselines). */
  readonly sentence: string;
  readonly fixes: readonly Fix[];
  /** True when the finding is recorded in a baseline and shown at hint level only. */
  readonly baselined?: boolean;
  /**
   * For findings of the claim model (rules with `claim-model`): the words of
   * the sentence that weighed most towards the verdict, as written, strongest
   * first (at most three).
   */
  readonly evidence?: readonly string[];
}

/** A problem in a rule pack, a config file or a document directive, located in its file. */
export interface Problem {
  /** The file the problem is in, as given to the loader (a path or URI). */
  readonly file: string;
  /** 0-based line and UTF-16 column of the problem's start. */
  readonly line: number;
  readonly column: number;
  /** Offset range in that file, where known. */
  readonly range?: OffsetRange;
  readonly severity: Severity;
  readonly message: string;
  /**
   * A stable code such as `schema`, `unknown-set`, `set-cycle`, `set-too-deep`, `set-too-large`, `pattern-syntax`,
   * `pattern-too-large`, `duplicate-rule`, `no-examples`, `example-failed`, `yaml`, `internal`.
   */
  readonly code: string;
}

/** Public view of one rule, for `explain`, hovers and documentation. */
export interface RuleInfo {
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  readonly message: string;
  readonly reason: string;
  readonly alternatives: readonly string[];
  readonly patterns: readonly string[];
  readonly examples: { readonly bad: readonly string[]; readonly good: readonly string[] };
  /** For a rule with no patterns that reports what the built-in claim model finds: the model's category. */
  readonly claimModel?: string;
  /** Where the rule is defined. */
  readonly source: { readonly file: string; readonly line: number };
  /** The rule's section under its pack's `documentation:` URL; absent when the pack has none. */
  readonly documentationUrl?: string;
}

/** One glossary entry, as written in a pack. */
export interface GlossaryEntry {
  readonly id: string;
  readonly term: string;
  /** The forms as written in the pack (patterns of the pattern language). */
  readonly forms: readonly string[];
  readonly definition: string;
  readonly facts: readonly string[];
  readonly guidance: string;
  readonly source: { readonly file: string; readonly line: number };
  /** The entry's section under its pack's `documentation:` URL; absent when the pack has none. */
  readonly documentationUrl?: string;
}

/** A glossary term found in a document. */
export interface TermOccurrence {
  readonly entry: GlossaryEntry;
  readonly range: OffsetRange;
}

/** Per-call options; the engine never reads settings on its own. */
export interface CheckOptions {
  /** Rule id (or `category:NAME`, or `pack:NAME`) to severity override. */
  readonly severityOverrides?: Readonly<Record<string, SeverityOverride>>;
  /** False switches off every rule that reports the claim model's findings (`claim-model: false` in `.termguard.yaml`). */
  readonly claimModel?: boolean;
}

/** What a check returns. */
export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Problems in the document itself, such as a suppression comment that suppresses nothing. */
  readonly problems: readonly Problem[];
}

/** A rule-pack file handed to the engine: its name (path or URI) and YAML text. */
export interface PackSource {
  readonly file: string;
  readonly text: string;
}

/** The outcome of running one example sentence of one rule. */
export interface ExampleResult {
  readonly ruleId: string;
  /** `fixed` is a bad sentence whose first fix must give an expected text. */
  readonly kind: 'bad' | 'good' | 'fixed';
  readonly text: string;
  readonly passed: boolean;
  /** What went wrong, when the example failed. */
  readonly detail?: string;
  /** Where the example is written. */
  readonly source: { readonly file: string; readonly line: number };
}

/** One edit of a document, in offsets of the text before the edit. */
export interface DocumentEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

/**
 * An open document that is re-checked incrementally: after an edit only the
 * blocks the edit can affect are checked again.
 */
export interface DocumentSession {
  readonly text: string;
  /** Applies edits (in order, each in the coordinates left by the previous one) and re-checks what they touch. */
  update(edits: readonly DocumentEdit[]): CheckResult;
  /**
   * Applies edits like {@link update}, without assembling the whole result,
   * and says how the findings changed: what an editor needs to update its
   * diagnostics in time proportional to the edit rather than the document.
   * Undefined when the change cannot be put that way (several separate
   * edits, or a document with suppression comments, whose reach is not
   * local); `result()` then has the answer.
   */
  applyEdits(edits: readonly DocumentEdit[]): FindingsSplice | undefined;
  /** The current result, identical to a full check of `text`. */
  result(): CheckResult;
  /** The glossary term covering `offset` of the current text, found in the already scanned blocks. */
  termAt(offset: number): TermOccurrence | undefined;
}

/**
 * How an edit changed a session's findings (the list `result()` returns):
 * the first `start` findings are the very same objects as before; the next
 * `removed` old findings were replaced by `added`; every later finding is an
 * old one moved by `delta` characters, unchanged otherwise. Those later
 * findings all lie at or after `unchangedFrom`, an offset of the new text
 * from which on the text is the old text moved by `delta`, and which is the
 * start of a line.
 */
export interface FindingsSplice {
  readonly start: number;
  readonly removed: number;
  readonly added: readonly Finding[];
  readonly delta: number;
  readonly unchangedFrom: number;
}

/** The checker built from a set of rule packs. Immutable once built. */
export interface Engine {
  /** Checks a whole document. */
  check(text: string, kind: DocumentKind, options?: CheckOptions): CheckResult;
  /** Opens a document for incremental re-checking. */
  openDocument(text: string, kind: DocumentKind, options?: CheckOptions): DocumentSession;
  /** All rules of all loaded packs, in pack order. */
  rules(): readonly RuleInfo[];
  rule(id: string): RuleInfo | undefined;
  /** All glossary entries of all loaded packs. */
  glossary(): readonly GlossaryEntry[];
  /** The glossary entry whose id, term or one of whose forms matches `term`. */
  define(term: string): GlossaryEntry | undefined;
  /** The glossary term occurrence that covers `offset` in `text`, if any. */
  termAt(text: string, kind: DocumentKind, offset: number): TermOccurrence | undefined;
  /** Runs every `bad`/`good` example of every rule (or of the rules of the named pack files). */
  runExamples(files?: readonly string[]): readonly ExampleResult[];
  /** Problems found while loading packs (the broken packs were left out). */
  readonly problems: readonly Problem[];
}
