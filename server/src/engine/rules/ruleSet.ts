import type { Finding, Severity, SeverityOverride } from '../api';
import { fitFix } from '../fixes/fitFix';
import type { CompiledPack, CompiledRule, ScanGroup } from '../packs/loadPack';
import type { Program } from '../patterns/program';
import { runProgram, scanProgram, type ProgramMatch } from '../patterns/runProgram';
import type { Sentence, Token } from '../text/tokenize';
import { pickTrigger } from '../patterns/requiredWords';
import { WordFilter } from '../text/wordFilter';
import { OPENAI_MENTION_WORDS, namesOpenAI } from '../claims/claimFeatures';
import { ClaimReader } from '../claims/claimReader';

interface IndexedGroup {
  readonly rule: CompiledRule;
  readonly group: ScanGroup;
}

/** Words that negate the claim they stand in or just before. */
const NEGATORS = new Set(['not', 'no', 'never', 'neither', 'nor', 'cannot', 'without', 'none', 'nothing', 'nowhere', 'nobody', 'false', 'untrue', 'incorrect', 'myth', 'whether']);
/** Words that, after "is"/"are", deny what came before: "claims that ChatGPT runs on AWS are false". */
const FALSITY = new Set(['false', 'untrue', 'incorrect', 'wrong', 'inaccurate', 'misleading']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were']);
/** How many words before a match a negation still counts ("is not yet available"). */
const NEGATION_LOOKBEHIND = 6;
/** Words that open a relative clause after a claim: "GPT-5 for customers who never had an Azure account". */
const RELATIVE_STARTS = new Set(['who', 'whom', 'whose', 'which', 'that', 'where']);
/** Negators that, opening a sentence, deny all of its main clause ("Nothing in this agreement grants ... GPT-5 on AWS"). */
const SENTENCE_NEGATORS = new Set(['nothing', 'no', 'never', 'neither', 'none', 'nobody', 'nowhere']);
/** How far back a sentence-opening negator still reaches. */
const SENTENCE_NEGATION_REACH = 14;
/** How many words after a match a negation still counts ("GPT-5 on AWS will not happen"). */
const NEGATION_LOOKAHEAD = 4;
/** After the claim only a negated verb counts: "on AWS without extra setup" still makes the claim. */
const VERB_NEGATORS = new Set(['not', 'never', 'cannot']);
/** Words that start a new clause: a negation beyond them belongs to another claim. */
const CLAUSE_STARTS = new Set(['and', 'but', 'or', 'so', 'while', 'whereas', 'although', 'though', 'because', 'unlike']);
/**
 * Words that open a subordinate clause: a negation before them belongs to the
 * main clause ("agents no longer time out while calling on GPT-5"). "and" and
 * "or" are not among them: "never enables access or calls on" negates both.
 */
const SUBORDINATE_STARTS = new Set(['while', 'whereas', 'although', 'though', 'because', 'unlike', 'when', 'whenever', 'since', 'after', 'before', 'until', 'once']);

/** A match of one of a rule's programs. */
interface RuleMatch extends ProgramMatch {
  readonly withFixes: boolean;
}

/** Resolves the effective severity of a rule, or `off`. */
export type SeverityResolver = (rule: CompiledRule) => SeverityOverride;

/** The approved phrases of one pack found in one sentence. */
interface ApprovedSpans {
  /** 1 where a token lies inside an approved phrase. */
  readonly mask: Uint8Array;
  readonly spans: readonly ProgramMatch[];
}

/**
 * The rules of a set of packs, indexed by the words a match can start with,
 * so that a sentence containing none of those words costs one map lookup per
 * word.
 */
export class RuleSet {
  /** Programs by the words that wake them up: one rarely used word set each program cannot match without. */
  private readonly byTrigger = new Map<string, IndexedGroup[]>();

  /** Rejects, without tokenizing, the prose units that contain no trigger word. */
  readonly unitFilter: WordFilter;

  /** Runs the claim model for the rules that report its findings; undefined when no pack has such a rule. */
  private readonly claimReader: ClaimReader | undefined;

  constructor(readonly packs: readonly CompiledPack[]) {
    const triggerWords = new Set<string>();
    const claimRules = packs.flatMap((pack) => pack.rules.filter((rule) => rule.claimModel !== undefined));
    if (claimRules.length > 0) {
      this.claimReader = new ClaimReader(claimRules, packs.flatMap((pack) => pack.rules));
      // A paragraph naming an OpenAI model must reach the model even when no pattern could match in it.
      for (const word of OPENAI_MENTION_WORDS) triggerWords.add(word);
    }
    for (const pack of packs) {
      for (const rule of pack.rules) {
        for (const group of rule.scanGroups) {
          // One entry per group, so a sentence that triggers it through several words still scans it once.
          const entry: IndexedGroup = { rule, group };
          group.requirements.forEach((required, index) => {
            const trigger = pickTrigger(required) ?? group.firstKeys[index]!;
            for (const key of trigger) {
              triggerWords.add(key);
              let list = this.byTrigger.get(key);
              if (!list) this.byTrigger.set(key, (list = []));
              if (list[list.length - 1] !== entry) list.push(entry);
            }
          });
        }
      }
    }
    this.unitFilter = new WordFilter(triggerWords);
  }

  /** All rules, in pack order. */
  rules(): CompiledRule[] {
    return this.packs.flatMap((pack) => pack.rules);
  }

  /**
   * Checks one sentence: the pattern rules, then, if the sentence names an
   * OpenAI model, the claim model for each category the rules left unreported.
   */
  checkSentence(sentence: Sentence, severityOf: SeverityResolver, onFinding: (finding: Finding) => void): void {
    if (this.claimReader === undefined || !namesOpenAI(sentence.tokens)) {
      this.checkPatterns(sentence, severityOf, onFinding);
      return;
    }
    const reported = new Set<string>();
    this.checkPatterns(sentence, severityOf, (finding) => {
      reported.add(finding.category);
      onFinding(finding);
    });
    this.claimReader.read(sentence, reported, severityOf, onFinding);
  }

  /**
   * Checks one sentence against the pattern rules. `sentenceText` is the
   * sentence as plain words, built lazily only when a finding needs it.
   */
  private checkPatterns(sentence: Sentence, severityOf: SeverityResolver, onFinding: (finding: Finding) => void): void {
    const tokens = sentence.tokens;
    let triggered: Set<IndexedGroup> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const list = this.byTrigger.get(tokens[i]!.lower);
      if (list === undefined) continue;
      triggered ??= new Set();
      for (const entry of list) triggered.add(entry);
    }
    if (triggered === undefined) return;
    const words = new Set<string>();
    for (const token of tokens) words.add(token.lower);

    const approvedByPack = new Map<CompiledPack, ApprovedSpans>();
    const approvedFor = (pack: CompiledPack): ApprovedSpans => {
      let found = approvedByPack.get(pack);
      if (!found) approvedByPack.set(pack, (found = findApproved(pack, tokens)));
      return found;
    };

    const matchesByRule = new Map<CompiledRule, RuleMatch[]>();
    for (const { rule, group } of triggered) {
      if (severityOf(rule) === 'off') continue;
      // Scan only when some pattern of the group has every word it needs in this sentence.
      if (!group.requirements.some((required) => required.every((keys) => intersects(keys, words)))) continue;
      const excluded = rule.outsideApproved ? approvedFor(rule.pack).mask : undefined;
      const matches = scanProgram(group.program, tokens, excluded);
      if (matches.length === 0) continue;
      let list = matchesByRule.get(rule);
      if (!list) matchesByRule.set(rule, (list = []));
      for (const match of matches) list.push({ ...match, withFixes: group.withFixes });
    }

    let sentenceText: string | undefined;
    for (const [rule, matches] of matchesByRule) {
      const approved = approvedFor(rule.pack);
      for (const match of longestNonOverlapping(matches)) {
        if (rule.outsideApproved && approved.spans.some((span) => span.start <= match.focusStart && match.focusEnd <= span.end)) continue;
        if (rule.mentions.length > 0 && !rule.mentions.some((program) => occursIn(program, tokens, rule.outsideApproved ? approved.mask : undefined))) continue;
        if (rule.notNegated && (sentence.answeredNo === true || isNegated(tokens, match, approved.mask))) continue;
        const next = tokens[match.end];
        // "Calling on GPT-4o, the agent ...": a comma ends what could follow the match (a quote does not).
        if (next && !next.clauseBreakBefore && rule.notFollowedBy.some((program) => runProgram(program, tokens, match.end, undefined) !== undefined)) continue;
        sentenceText ??= tokens.filter((token) => !token.opaque).map((token) => token.text).join(' ');
        onFinding(buildFinding(rule, severityOf(rule) as Severity, tokens, match, sentenceText));
      }
    }
  }
}

function findApproved(pack: CompiledPack, tokens: readonly Token[]): ApprovedSpans {
  const mask = new Uint8Array(tokens.length);
  const spans: ProgramMatch[] = [];
  if (pack.approved.length === 0) return { mask, spans };
  for (const program of pack.approved) {
    for (const match of scanProgram(program, tokens, undefined)) {
      spans.push(match);
      mask.fill(1, match.start, match.end);
    }
  }
  return { mask, spans };
}

function intersects(keys: ReadonlySet<string>, words: ReadonlySet<string>): boolean {
  if (keys.size <= words.size) {
    for (const key of keys) if (words.has(key)) return true;
  } else {
    for (const word of words) if (keys.has(word)) return true;
  }
  return false;
}

function occursIn(program: Program, tokens: readonly Token[], excluded: Uint8Array | undefined): boolean {
  return scanProgram(program, tokens, excluded).length > 0;
}

/** "without leaving AWS" and "not only" do not negate the claim they sit in. */
function isNegator(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (!NEGATORS.has(token.lower) && !token.lower.endsWith("n't")) return false;
  const next = tokens[index + 1]?.lower;
  const afterNext = tokens[index + 2]?.lower;
  if (token.lower === 'without' && (next === 'leaving' || next === 'exiting' || (next === 'ever' && (afterNext === 'leaving' || afterNext === 'exiting')))) return false;
  if ((token.lower === 'not' || token.lower.endsWith("n't")) && (next === 'only' || next === 'just')) return false;
  // "has never been easier" praises; it denies nothing.
  if (token.lower === 'never' && next === 'been' && afterNext !== undefined && /^(easier|simpler|faster|better|cheaper|quicker)$/.test(afterNext)) return false;
  return true;
}

function isNegated(tokens: readonly Token[], match: ProgramMatch, approvedMask: Uint8Array): boolean {
  for (let i = match.start; i < match.end; i++) if (isNegator(tokens, i) && approvedMask[i] !== 1) return true;
  // Punctuation right before the claim (a colon, a comma) closes the clause a negation could be in.
  const clauseOpen = !tokens[match.start]!.punctBefore;
  for (let i = match.start - 1, seen = 0; clauseOpen && i >= 0; i--, seen++) {
    if (SUBORDINATE_STARTS.has(tokens[i]!.lower)) break;
    // Past the usual reach, only a sentence-opening "Nothing", "No" or "Never" still negates the claim.
    if (seen < NEGATION_LOOKBEHIND ? isNegator(tokens, i) : i === 0 && SENTENCE_NEGATORS.has(tokens[0]!.lower)) return true;
    // A comma or dash before this word closes the clause the claim is in.
    if (tokens[i]!.punctBefore || seen >= SENTENCE_NEGATION_REACH) break;
  }
  for (let i = match.end, seen = 0; i < tokens.length && seen < NEGATION_LOOKAHEAD; i++, seen++) {
    const token = tokens[i]!;
    if (token.punctBefore || CLAUSE_STARTS.has(token.lower) || RELATIVE_STARTS.has(token.lower)) break;
    if ((VERB_NEGATORS.has(token.lower) || token.lower.endsWith("n't")) && isNegator(tokens, i)) return true;
    if (FALSITY.has(token.lower) && i > match.end && BE_FORMS.has(tokens[i - 1]!.lower)) return true;
  }
  return false;
}

/**
 * Leftmost-longest: of overlapping matches the one that starts first wins,
 * and of those starting together the longest, so "enables access to" beats
 * both "enables access" and a later match that begins at "access".
 */
function longestNonOverlapping(matches: RuleMatch[]): RuleMatch[] {
  if (matches.length === 1) return matches;
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RuleMatch[] = [];
  for (const match of sorted) {
    if (kept.every((other) => match.end <= other.start || other.end <= match.start)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function buildFinding(rule: CompiledRule, severity: Severity, tokens: readonly Token[], match: RuleMatch, sentence: string): Finding {
  const first = tokens[match.focusStart]!;
  const last = tokens[match.focusEnd - 1]!;
  const focusText = joinWords(tokens, match.focusStart, match.focusEnd);
  const fixes = (match.withFixes ? rule.fixes : []).map((template, index) => {
    const fix = fitFix(template, tokens, match.focusStart, match.focusEnd);
    return index === 0 ? { ...fix, preferred: true } : fix;
  });
  return {
    ruleId: rule.info.id,
    category: rule.info.category,
    severity,
    message: rule.info.message.replace(/\{match\}/g, focusText),
    range: { start: first.start, end: last.end },
    matchedText: joinWords(tokens, match.start, match.end),
    sentence,
    fixes,
  };
}

function joinWords(tokens: readonly Token[], start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    if (token.opaque) continue;
    text += text.length === 0 || token.lower === "'s" ? token.text : ' ' + token.text;
  }
  return text;
}
