/**
 * The Termguard engine: build it once from rule packs, then check documents,
 * look glossary terms up and run rule examples. It imports nothing from LSP,
 * VS Code or Node, so the CLI, the language server and the tests share it.
 */
import type {
  CheckOptions,
  CheckResult,
  DocumentKind,
  DocumentSession,
  Engine,
  ExampleResult,
  GlossaryEntry,
  PackSource,
  Problem,
  RuleInfo,
  SeverityOverride,
  TermOccurrence,
} from './api';
import { blockScanner, checkText, IncrementalDocument } from './document/documentChecker';
import { runRuleExamples } from './rules/runExamples';
import { GlossaryIndex } from './rules/glossaryIndex';
import { loadPack, type CompiledPack, type CompiledRule } from './packs/loadPack';
import { RuleSet, type SeverityResolver } from './rules/ruleSet';

// The facade is the only door into the engine for the server, the CLI, the disk layer and the
// extension (test/engine/facade.test.ts holds them to it): what they use from inside is exported here.
export type * from './api';
export { loadPack, type LoadedPack } from './packs/loadPack';
export {
  CONFIG_FILE_NAME,
  DEFAULT_EFFECTIVE_CONFIG,
  mergeTermguardConfigs,
  parseTermguardConfig,
  type EffectiveConfig,
  type IgnoreLayer,
  type LocatedConfig,
  type ParsedTermguardConfig,
  type ReaderLayer,
} from './packs/termguardConfig';
export { LineIndex, type LinePosition } from './text/lineIndex';
export { closestMatches } from './text/closestMatches';
export { applyEdits, EditConflictError, selectFixes } from './fixes/applyEdits';
export { nextLineDirectiveText, parseDirective } from './document/suppressions';
export { BaselineIndex, createBaseline, parseBaseline, stringifyBaseline, toBaselineFileKey, type FileFindings } from './document/baseline';
export { allDocumentKinds, isDocumentKind, readerFor } from './prose/readers';
export type { CommentSyntax } from './prose/reader';
export { meaningClassInfo, meaningClassNames, type MeaningClassInfo } from './meaning/meaningClasses';
export { learnedMorphology, rememberMorphology, type ComputedForms, type MorphologyMemo, type VerbForm } from './morphology/wordForms';

function severityResolver(options: CheckOptions | undefined): SeverityResolver {
  const overrides = options?.severityOverrides;
  if (options?.claimModel === false) {
    const others = severityResolver({ ...options, claimModel: true });
    return (rule) => (rule.claimModel !== undefined ? 'off' : others(rule));
  }
  if (!overrides || Object.keys(overrides).length === 0) return (rule) => rule.info.severity;
  const cache = new Map<CompiledRule, SeverityOverride>();
  return (rule) => {
    let severity = cache.get(rule);
    if (severity === undefined) {
      severity =
        overrides[rule.info.id] ??
        overrides[`category:${rule.info.category}`] ??
        overrides[`pack:${rule.pack.name}`] ??
        overrides['*'] ??
        rule.info.severity;
      cache.set(rule, severity);
    }
    return severity;
  };
}

/**
 * Builds an engine from rule-pack files, in order of increasing precedence: a
 * rule id defined again in a later pack replaces the earlier definition (so a
 * workspace pack can redefine a built-in rule). A pack that fails to load is
 * left out; its problems are in `engine.problems` and the other packs still
 * work.
 */
export function createEngine(sources: readonly PackSource[]): Engine {
  const problems: Problem[] = [];
  const packs: CompiledPack[] = [];
  for (const source of sources) {
    const loaded = loadPack(source);
    problems.push(...loaded.problems);
    if (loaded.pack) packs.push(loaded.pack);
  }
  const winners = new Map<string, CompiledRule>();
  for (const pack of packs) for (const rule of pack.rules) winners.set(rule.info.id, rule);
  const activePacks = packs.map((pack) => ({ ...pack, rules: pack.rules.filter((rule) => winners.get(rule.info.id) === rule) }));
  // Rules keep a reference to their own pack for approved phrases; the filtered copy only narrows the index.
  const ruleSet = new RuleSet(activePacks);
  const glossary = new GlossaryIndex(packs.flatMap((pack) => pack.glossary));
  const rules = [...winners.values()];

  const openDocument = (text: string, kind: DocumentKind, options?: CheckOptions, file = '<document>'): DocumentSession =>
    new IncrementalDocument(text, kind, file, ruleSet, severityResolver(options), glossary);

  const engine: Engine = {
    problems,
    check(text: string, kind: DocumentKind, options?: CheckOptions): CheckResult {
      return checkText(text, kind, '<document>', ruleSet, severityResolver(options));
    },
    openDocument(text: string, kind: DocumentKind, options?: CheckOptions): DocumentSession {
      return openDocument(text, kind, options);
    },
    rules(): readonly RuleInfo[] {
      return rules.map((rule) => rule.info);
    },
    rule(id: string): RuleInfo | undefined {
      return winners.get(id)?.info;
    },
    glossary(): readonly GlossaryEntry[] {
      return glossary.all();
    },
    define(term: string): GlossaryEntry | undefined {
      return glossary.define(term);
    },
    termAt(text: string, kind: DocumentKind, offset: number): TermOccurrence | undefined {
      for (const block of blockScanner(kind)(text)) {
        if (offset < block.start) break;
        if (offset <= block.end) {
          const found = glossary.termAt(text, block, offset);
          if (found || offset < block.end) return found;
        }
      }
      return undefined;
    },
    runExamples(files?: readonly string[]): readonly ExampleResult[] {
      const wanted = files ? new Set(files) : undefined;
      return rules.filter((rule) => !wanted || wanted.has(rule.info.source.file)).flatMap((rule) => runRuleExamples(engine, rule));
    },
  };
  return Object.freeze(engine);
}
