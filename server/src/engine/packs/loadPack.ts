/**
 * Loads a rule pack from YAML: validates it against the schema, compiles its
 * patterns, word sets and glossary, and reports every problem at its line.
 */
import type { GlossaryEntry, PackSource, Problem, RuleInfo, Severity, SeverityOverride } from '../api';
import type { ClaimCategory } from '../claims/claimModel';
import { parsePattern, PatternSyntaxError, setReferences, type PatternNode } from '../patterns/parsePattern';
import { meaningClassDefinitions, meaningClassNames } from '../meaning/meaningClasses';
import { describeExcess, patternCost } from '../patterns/patternCost';
import { compileProgram, type Program } from '../patterns/program';
import { resolveWordSets, type ResolvedSets, type SetMember } from '../patterns/wordSets';
import { glossaryUrlUnder, ruleUrlUnder } from '../rules/ruleText';
import { validatePack } from './schemaValidators';
import { parseYamlSource, type DataPath, type SourceLocation } from './yamlSource';

/** The YAML shape of a rule pack, as the schema guarantees it. */
interface PackData {
  pack: string;
  description?: string;
  documentation?: string;
  sets?: Record<string, string[]>;
  approved?: string[];
  rules?: RuleData[];
  glossary?: GlossaryData[];
}

interface RuleData {
  id: string;
  category: string;
  severity: Severity;
  message: string;
  reason: string;
  alternatives?: string[];
  /** The schema requires `patterns` unless `claim-model` is given. */
  patterns?: (string | { pattern: string; fixes?: boolean })[];
  'claim-model'?: ClaimCategory;
  'yields-to'?: string[];
  conditions?: {
    'sentence-mentions'?: string[];
    'unless-sentence-mentions'?: string[];
    'not-negated'?: boolean;
    'outside-approved'?: boolean;
    'not-followed-by'?: string[];
    'unless-quoted-with'?: string[];
  };
  fixes?: FixData[];
  examples?: { bad?: string[]; good?: string[]; fixed?: { from: string; to: string }[] };
}

interface FixData {
  replace: string;
  title?: string;
  inflect?: boolean;
  'keep-case'?: boolean;
}

interface GlossaryData {
  id: string;
  term: string;
  forms: string[];
  definition: string;
  facts?: string[];
  guidance?: string;
}

/** A rewrite a rule offers, before it is fitted to a match. */
export interface FixTemplate {
  readonly replace: string;
  readonly title?: string;
  readonly inflect: boolean;
  readonly keepCase: boolean;
}

/** Patterns of one rule scanned together. */
export interface ScanGroup {
  /** The alternation of the group's patterns. */
  readonly program: Program;
  readonly withFixes: boolean;
  /** Per pattern: the word sets a match of that pattern needs (see requiredWords). */
  readonly requirements: readonly (readonly ReadonlySet<string>[])[];
  /** Per pattern: the words a match of it can begin with, for patterns that need no particular word. */
  readonly firstKeys: readonly ReadonlySet<string>[];
  /**
   * The alternation of only the patterns at `indexes` (ascending), in the
   * group's order. A pattern missing a required word cannot match, so a
   * sentence is scanned with the patterns it can wake only: the same
   * matches as `program`, at the cost of the few patterns that can match.
   */
  programFor(indexes: readonly number[]): Program;
}

/** A rule ready to run. */
export interface CompiledRule {
  readonly info: RuleInfo;
  readonly pack: CompiledPack;
  /**
   * The rule's patterns as the matcher runs them: those with fixes as one
   * automaton and those without (`fixes: false`) as another, so a sentence
   * costs one scan per rule however many patterns it has.
   */
  readonly scanGroups: readonly ScanGroup[];
  /** One program per word set the sentence must mention (any one suffices). */
  readonly mentions: readonly Program[];
  /** One program per word set whose member, named anywhere in the sentence, silences the rule there. */
  readonly unlessMentions: readonly Program[];
  /** Programs that must not match right after the match. */
  readonly notFollowedBy: readonly Program[];
  /**
   * Word sets that, named outside quotation marks, make a quoted match a
   * mention of the wording rather than a use of it ("avoid phrases like
   * “calls on ChatGPT”"). Empty when quotation does not matter.
   */
  readonly unlessQuotedWith: readonly Program[];
  readonly notNegated: boolean;
  /**
   * Rule ids whose findings win over this rule's where their words overlap:
   * one claim gets one category ("gives the data team access to o3" is an
   * access claim, though "gives … to o3" alone could read as sending).
   */
  readonly yieldsTo: ReadonlySet<string>;
  readonly outsideApproved: boolean;
  readonly fixes: readonly FixTemplate[];
  readonly fixedExamples: readonly { readonly from: string; readonly to: string }[];
  /** Set for a rule that reports the claim model's findings of this category instead of matching patterns. */
  readonly claimModel?: ClaimCategory;
  /** The 0-based line of an example in the pack file (worked out on demand: positions cost a second parse). */
  exampleLine(kind: 'bad' | 'good' | 'fixed', index: number): number;
}

/** A glossary entry with its forms compiled. */
export interface CompiledGlossaryEntry {
  readonly entry: GlossaryEntry;
  readonly programs: readonly Program[];
}

/** A loaded pack: its rules, approved phrases and glossary, all compiled. */
export interface CompiledPack {
  readonly name: string;
  readonly file: string;
  readonly rules: CompiledRule[];
  readonly approved: Program[];
  readonly glossary: CompiledGlossaryEntry[];
  /** The word sets, parsed, for hovers and completion. */
  readonly sets: ReadonlyMap<string, { readonly members: readonly string[]; readonly line: number }>;
}

/** The result of loading one pack file. */
export interface LoadedPack {
  /** Undefined when the file is unusable as a whole (YAML or schema errors). */
  readonly pack: CompiledPack | undefined;
  readonly problems: readonly Problem[];
}

/**
 * Parses, validates and compiles one rule-pack file. Every problem is located
 * at its line and column. A file with YAML or schema errors yields no pack; a
 * rule whose pattern does not parse, names an unknown or unusable word set or
 * exceeds the pattern limits (patternCost.ts) is left out and the rest of the
 * pack still loads. Never throws: should loading fail in an unforeseen way,
 * the pack is left out with an `internal` problem, so the caller can still
 * build an engine from its other packs.
 */
export function loadPack(source: PackSource): LoadedPack {
  try {
    return compilePack(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      pack: undefined,
      problems: [
        { file: source.file, line: 0, column: 0, severity: 'error', code: 'internal', message: `the pack could not be loaded because of an internal error (${reason}); please report it` },
      ],
    };
  }
}

function compilePack(source: PackSource): LoadedPack {
  const yaml = parseYamlSource<PackData>(source.text, source.file, validatePack);
  const problems: Problem[] = [...yaml.problems];
  const data = yaml.value;
  if (!data) return { pack: undefined, problems };

  const report = (path: DataPath, message: string, code: string, severity: Severity = 'error', index?: number, atKey = false, length?: number): void => {
    // Positions need a second, slower parse: work them out only when someone reads them.
    let location: SourceLocation | undefined;
    const at = (): SourceLocation =>
      (location ??= atKey ? yaml.locateKey(path) : index === undefined ? yaml.locate(path) : yaml.locateInScalar(path, index, length));
    problems.push({
      file: source.file,
      get line() { return at().line; },
      get column() { return at().column; },
      get range() { return at().range; },
      severity,
      message,
      code,
    });
  };

  const definitions = new Map<string, SetMember[]>();
  const sets = new Map<string, { members: readonly string[]; line: number }>();
  for (const [name, members] of Object.entries(data.sets ?? {})) {
    const parsed: SetMember[] = [];
    members.forEach((member, index) => {
      const tree = parseOrReport(member, ['sets', name, index], report);
      if (tree) parsed.push({ tree, index });
    });
    definitions.set(name, parsed);
    sets.set(name, { members, get line() { return yaml.locateKey(['sets', name]).line; } });
  }
  // Meaning classes are resolved, measured and bounded like word sets; their `%` keeps the two apart.
  for (const [name, members] of meaningClassDefinitions()) definitions.set(name, members.map((tree, index) => ({ tree, index })));
  const wordSets = resolveWordSets(definitions);
  for (const problem of wordSets.problems) {
    if (problem.memberIndex === undefined) report(['sets', problem.setName], problem.message, problem.code, 'error', undefined, true);
    else report(['sets', problem.setName, problem.memberIndex], problem.message, problem.code, 'error', problem.column ?? 0);
  }
  const resolveSet = (name: string): readonly PatternNode[] | undefined => wordSets.members(name);

  const compileOrReport = (pattern: string, path: DataPath, trees?: PatternNode[]): Program | undefined => {
    const tree = parseOrReport(pattern, path, report);
    if (!tree) return undefined;
    for (const reference of setReferences(tree)) {
      const unusable = referenceProblem(reference.name, wordSets);
      if (unusable) {
        // The range covers the reference (`@name` or `%class`), not the rest of the pattern after it.
        report(path, unusable.message, unusable.code, 'error', reference.column, false, reference.name.startsWith('%') ? reference.name.length : reference.name.length + 1);
        return undefined;
      }
    }
    const excess = describeExcess(`pattern \`${shortened(pattern)}\``, patternCost(tree, wordSets.cost));
    if (excess) {
      report(path, excess, 'pattern-too-large', 'error', 0);
      return undefined;
    }
    const program = compileProgram(tree, resolveSet);
    trees?.push(tree);
    return program;
  };

  const pack: CompiledPack = { name: data.pack, file: source.file, rules: [], approved: [], glossary: [], sets };

  (data.approved ?? []).forEach((pattern, index) => {
    const program = compileOrReport(pattern, ['approved', index]);
    if (program) pack.approved.push(program);
  });

  const seenIds = new Map<string, number>();
  (data.rules ?? []).forEach((rule, ruleIndex) => {
    const idLine = (): number => yaml.locate(['rules', ruleIndex, 'id']).line;
    if (seenIds.has(rule.id)) {
      const firstLine = yaml.locate(['rules', seenIds.get(rule.id)!, 'id']).line;
      report(['rules', ruleIndex, 'id'], `duplicate rule id \`${rule.id}\` (first defined on line ${firstLine + 1})`, 'duplicate-rule');
      return;
    }
    seenIds.set(rule.id, ruleIndex);

    const claimModel = rule['claim-model'];
    if (claimModel !== undefined) {
      const extra = (['patterns', 'conditions', 'fixes'] as const).filter((key) => rule[key] !== undefined);
      if (extra.length > 0) {
        report(['rules', ruleIndex, extra[0]!], `rule \`${rule.id}\` reports the claim model's findings, so it takes no ${extra.map((key) => `\`${key}\``).join(', ')}`, 'schema');
        return;
      }
    }
    let broken = false;
    const groups = { withFixes: { trees: [] as PatternNode[], programs: [] as Program[] }, withoutFixes: { trees: [] as PatternNode[], programs: [] as Program[] } };
    const patterns = rule.patterns ?? [];
    const patternTexts = patterns.map((item) => (typeof item === 'string' ? item : item.pattern));
    patterns.forEach((item, index) => {
      const isObject = typeof item !== 'string';
      const path: DataPath = isObject ? ['rules', ruleIndex, 'patterns', index, 'pattern'] : ['rules', ruleIndex, 'patterns', index];
      const group = isObject && item.fixes === false ? groups.withoutFixes : groups.withFixes;
      const program = compileOrReport(isObject ? item.pattern : item, path, group.trees);
      if (!program) broken = true;
      else group.programs.push(program);
    });
    const mentions: Program[] = [];
    (rule.conditions?.['sentence-mentions'] ?? []).forEach((name, index) => {
      const program = compileOrReport(`@${name}`, ['rules', ruleIndex, 'conditions', 'sentence-mentions', index]);
      if (program) mentions.push(program);
      else broken = true;
    });
    const unlessMentions: Program[] = [];
    (rule.conditions?.['unless-sentence-mentions'] ?? []).forEach((name, index) => {
      const program = compileOrReport(`@${name}`, ['rules', ruleIndex, 'conditions', 'unless-sentence-mentions', index]);
      if (program) unlessMentions.push(program);
      else broken = true;
    });
    const notFollowedBy: Program[] = [];
    (rule.conditions?.['not-followed-by'] ?? []).forEach((name, index) => {
      const program = compileOrReport(`@${name}`, ['rules', ruleIndex, 'conditions', 'not-followed-by', index]);
      if (program) notFollowedBy.push(program);
      else broken = true;
    });
    const unlessQuotedWith: Program[] = [];
    (rule.conditions?.['unless-quoted-with'] ?? []).forEach((name, index) => {
      const program = compileOrReport(`@${name}`, ['rules', ruleIndex, 'conditions', 'unless-quoted-with', index]);
      if (program) unlessQuotedWith.push(program);
      else broken = true;
    });
    const examples = rule.examples ?? {};
    if ((examples.bad ?? []).length === 0 && (examples.good ?? []).length === 0) {
      report(['rules', ruleIndex, 'id'], `rule \`${rule.id}\` has no examples: add \`examples.bad\` and \`examples.good\` sentences so its behaviour is tested`, 'no-examples', 'warning');
    }
    if (broken) return;

    const info: RuleInfo = {
      id: rule.id,
      category: rule.category,
      severity: rule.severity,
      message: rule.message,
      reason: rule.reason,
      alternatives: rule.alternatives ?? [],
      patterns: patternTexts,
      examples: { bad: examples.bad ?? [], good: examples.good ?? [] },
      ...(claimModel !== undefined ? { claimModel } : {}),
      source: { file: source.file, get line() { return idLine(); } },
      ...(data.documentation ? { documentationUrl: ruleUrlUnder(data.documentation, rule.id) } : {}),
    };
    pack.rules.push({
      info,
      pack,
      scanGroups: [
        scanGroup(groups.withFixes.trees, groups.withFixes.programs, true, resolveSet),
        scanGroup(groups.withoutFixes.trees, groups.withoutFixes.programs, false, resolveSet),
      ].filter((group): group is ScanGroup => group !== undefined),
      mentions,
      unlessMentions,
      notFollowedBy,
      unlessQuotedWith,
      yieldsTo: new Set(rule['yields-to'] ?? []),
      notNegated: rule.conditions?.['not-negated'] ?? false,
      outsideApproved: rule.conditions?.['outside-approved'] ?? true,
      fixes: (rule.fixes ?? []).map((fix) => ({
        replace: fix.replace,
        ...(fix.title !== undefined ? { title: fix.title } : {}),
        inflect: fix.inflect ?? true,
        keepCase: fix['keep-case'] ?? true,
      })),
      fixedExamples: examples.fixed ?? [],
      ...(claimModel !== undefined ? { claimModel } : {}),
      exampleLine: (kind, index) => yaml.locate(['rules', ruleIndex, 'examples', kind, index]).line,
    });
  });

  (data.glossary ?? []).forEach((item, index) => {
    const programs: Program[] = [];
    item.forms.forEach((form, formIndex) => {
      const program = compileOrReport(form, ['glossary', index, 'forms', formIndex]);
      if (program) programs.push(program);
    });
    const entry: GlossaryEntry = {
      id: item.id,
      term: item.term,
      forms: item.forms,
      definition: item.definition,
      facts: item.facts ?? [],
      guidance: item.guidance ?? '',
      source: { file: source.file, get line() { return yaml.locate(['glossary', index]).line; } },
      ...(data.documentation ? { documentationUrl: glossaryUrlUnder(data.documentation, item.id) } : {}),
    };
    pack.glossary.push({ entry, programs });
  });

  return { pack, problems };
}

function scanGroup(
  trees: readonly PatternNode[],
  programs: readonly Program[],
  withFixes: boolean,
  resolveSet: (name: string) => readonly PatternNode[] | undefined,
): ScanGroup | undefined {
  if (programs.length === 0) return undefined;
  const program = programs.length === 1 ? programs[0]! : compileProgram({ type: 'alternatives', options: trees }, resolveSet);
  // Made when a combination first occurs: most groups have one pattern and never need it.
  let subsets: Map<string, Program> | undefined;
  const programFor = (indexes: readonly number[]): Program => {
    if (indexes.length === programs.length) return program;
    if (indexes.length === 1) return programs[indexes[0]!]!;
    const key = indexes.join(',');
    subsets ??= new Map();
    let subset = subsets.get(key);
    if (subset === undefined) {
      // Few combinations occur in practice; past the cap, the whole group (same matches, more work) keeps memory bounded.
      if (subsets.size >= MAX_SUBSET_PROGRAMS) return program;
      subsets.set(key, (subset = compileProgram({ type: 'alternatives', options: indexes.map((index) => trees[index]!) }, resolveSet)));
    }
    return subset;
  };
  return {
    program,
    withFixes,
    requirements: programs.map((each) => each.required),
    firstKeys: programs.map((each) => (each.required.length > 0 ? NO_KEYS : each.firstKeys)),
    programFor,
  };
}

/** The first keys of a pattern indexed by its required words instead: one empty set shared by all of them. */
const NO_KEYS: ReadonlySet<string> = new Set<string>();

/** How many pattern combinations of one scan group get their own compiled program. */
const MAX_SUBSET_PROGRAMS = 128;

function parseOrReport(
  pattern: string,
  path: DataPath,
  report: (path: DataPath, message: string, code: string, severity?: Severity, index?: number) => void,
): PatternNode | undefined {
  try {
    return parsePattern(pattern);
  } catch (error) {
    if (error instanceof PatternSyntaxError) {
      report(path, `pattern \`${pattern}\` does not parse: ${error.message}`, 'pattern-syntax', 'error', error.column);
      return undefined;
    }
    throw error;
  }
}

/** Why a pattern cannot use the word set `name`, as a problem to report at the reference; undefined when it can. */
function referenceProblem(name: string, wordSets: ResolvedSets): { message: string; code: string } | undefined {
  if (name.startsWith('%') && !wordSets.has(name)) {
    const classes = meaningClassNames().map((known) => '%' + known).join(', ');
    return { message: `unknown meaning class \`${name}\` (meaning classes: ${classes})`, code: 'unknown-class' };
  }
  if (!wordSets.has(name)) {
    const known = wordSets.names().filter((known) => !known.startsWith('%'));
    const hint = known.length > 0 ? ` (known sets: ${known.map((k) => '@' + k).join(', ')})` : '';
    return { message: `unknown word set \`@${name}\`${hint}`, code: 'unknown-set' };
  }
  const problem = wordSets.problem(name);
  if (!problem) return undefined;
  // A loop reads the same from every set on it; other problems are explained at the set that has them.
  if (problem.code === 'set-cycle') return { message: problem.message, code: problem.code };
  const via = problem.setName === name ? '' : `it uses \`@${problem.setName}\`, and `;
  return { message: `word set \`@${name}\` cannot be used: ${via}${problem.message}`, code: problem.code };
}

/** A pattern as quoted in a message: long ones are cut, since the problem already points at the pattern. */
function shortened(pattern: string): string {
  return pattern.length <= 60 ? pattern : `${pattern.slice(0, 50)}…`;
}

/** Resolves the effective severity of a rule, or `off`. */
export type SeverityResolver = (rule: CompiledRule) => SeverityOverride;
