/**
 * The rules of the loaded packs, indexed by trigger word, run sentence by
 * sentence: pattern matches, approved phrases, negation and question scope,
 * fixes, and the claim model for what the patterns leave unreported.
 */
import type { Finding, Fix, Severity } from '../api';
import { AVAILABILITY_CATEGORY, availabilityFix } from '../fixes/availabilityFix';
import { fillMessage } from './ruleText';
import { fitFix } from '../fixes/fitFix';
import type { CompiledPack, CompiledRule, ScanGroup, SeverityResolver } from '../packs/loadPack';
import { asideFreeView, tagSentence, tagSurfaces, type AsideFreeView } from '../reading/sentenceReading';
import { isTagKey } from '../reading/tags';
import type { Program } from '../patterns/program';
import { runProgram, scanProgram, type ProgramMatch } from '../patterns/runProgram';
import type { Sentence, Token } from '../text/tokenize';
import { pickTrigger } from '../patterns/requiredWords';
import { WordFilter } from '../text/wordFilter';
import { FRAGMENT_OPENERS, NOUN_INTRODUCERS, ROUTE_PREPOSITIONS } from '../text/englishWords';
import { OPENAI_MENTION_WORDS, namesOpenAI } from '../claims/claimFeatures';
import { ClaimReader } from '../claims/claimReader';
import { answeredQuestionView, isNegated, isNegator } from './claimNegation';

interface IndexedGroup {
  readonly rule: CompiledRule;
  readonly group: ScanGroup;
  readonly chooser: PatternChooser | SinglePatternChooser;
  /** The sentence this group was last triggered by, so a sentence lists it once. */
  seenIn: number;
}

/** What one sentence of a paragraph leaves for the next: pronouns may refer back to it. */
export interface SentenceContext {
  previous?: readonly Token[];
  /** The categories reported in the sentence before (rules and claim model): a fragment after it does not report them again. */
  previousReported?: ReadonlySet<string>;
  /** The rules that matched the sentence before, reported or not: they made their claim there, not across a fragment. */
  previousMatched?: ReadonlySet<CompiledRule>;
}

/**
 * Matches in the view without asides, moved to the full sentence's token
 * indexes. A match that reads past an aside inside its focus keeps its fixes:
 * a fix replaces only the words around the aside, or is withheld (fixes/fixParts.ts).
 */
function viewMatches(program: Program, withFixes: boolean, view: AsideFreeView, excluded: Uint8Array | undefined): RuleMatch[] {
  const moved: RuleMatch[] = [];
  for (const match of scanProgram(program, view.tokens, excluded)) {
    const start = view.original[match.start]!;
    const end = view.original[match.end - 1]! + 1;
    if (end - start === match.end - match.start) continue; // no aside inside: the full sentence finds it too
    const focusStart = view.original[match.focusStart]!;
    const focusEnd = view.original[match.focusEnd - 1]! + 1;
    moved.push({ start, end, focusStart, focusEnd, withFixes });
  }
  return moved;
}

/** A match of one of a rule's programs. */
interface RuleMatch extends ProgramMatch {
  readonly withFixes: boolean;
}

export type { SeverityResolver } from '../packs/loadPack';

/** The approved phrases of one pack found in one sentence. */
interface ApprovedSpans {
  /** 1 where a token lies inside an approved phrase. */
  readonly mask: Uint8Array;
  /** True when one approved phrase covers tokens `start` to `end` (end-exclusive). */
  covers(start: number, end: number): boolean;
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

  private readonly requirements = new RequirementCache();
  /** Per approved phrase: the ids of the word sets it needs, so a sentence without them is not scanned for it. */
  private readonly approvedNeeds = new Map<Program, Int32Array>();
  /** Counts checked sentences, to mark which groups a sentence triggered without a set per sentence. */
  private sentenceCount = 0;

  /** Runs the claim model for the rules that report its findings; undefined when no pack has such a rule. */
  private readonly claimReader: ClaimReader | undefined;

  constructor(readonly packs: readonly CompiledPack[]) {
    const triggerWords = new Set<string>();
    const claimRules = packs.flatMap((pack) => pack.rules.filter((rule) => rule.claimModel !== undefined));
    if (claimRules.length > 0) {
      this.claimReader = new ClaimReader(
        claimRules,
        packs.flatMap((pack) => pack.rules),
      );
      // A paragraph naming an OpenAI model must reach the model even when no pattern could match in it.
      for (const word of OPENAI_MENTION_WORDS) triggerWords.add(word);
    }
    for (const pack of packs) {
      for (const rule of pack.rules) {
        for (const group of rule.scanGroups) {
          // One entry per group, so a sentence that triggers it through several words still scans it once.
          const chooser =
            group.requirements.length === 1
              ? new SinglePatternChooser(group, this.requirements)
              : new PatternChooser(group, this.requirements);
          const entry: IndexedGroup = { rule, group, chooser, seenIn: -1 };
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
    for (const pack of packs) {
      for (const program of pack.approved)
        this.approvedNeeds.set(
          program,
          Int32Array.from(program.required, (keys) => this.requirements.idOf(keys)),
        );
    }
    // A tag (reading/tags.ts) is never written: the filter looks for the shapes of the words that get it instead.
    const tags = [...triggerWords].filter(isTagKey);
    for (const tag of tags) triggerWords.delete(tag);
    this.unitFilter = new WordFilter(triggerWords, tagSurfaces(tags));
  }

  /** All rules, in pack order. */
  rules(): CompiledRule[] {
    return this.packs.flatMap((pack) => pack.rules);
  }

  /**
   * Checks one sentence: the pattern rules, then, if the sentence names an
   * OpenAI model, the claim model for each category the rules left
   * unreported. `context`, when given, carries the sentence before it in the
   * same paragraph (for pronouns that refer back) and is updated to this one.
   * `source` is the text the tokens' offsets point into: fixes read the
   * markup between the words from it.
   */
  checkSentence(
    sentence: Sentence,
    severityOf: SeverityResolver,
    onFinding: (finding: Finding) => void,
    context: SentenceContext | undefined,
    source: string,
  ): void {
    const reported = new Set<string>();
    const report = (finding: Finding): void => {
      reported.add(finding.category);
      onFinding(finding);
    };
    if (this.claimReader === undefined || !namesOpenAI(sentence.tokens)) {
      this.checkPatterns(sentence, source, severityOf, report, context);
    } else {
      // A category the rules reported, or whose match the rules' own conditions turned down (a denial, a
      // question, an approved phrase), is settled: the claim model reads only what the rules did not see.
      const settled = new Set<string>();
      this.checkPatterns(
        sentence,
        source,
        severityOf,
        (finding) => {
          settled.add(finding.category);
          report(finding);
        },
        context,
        (category) => settled.add(category),
      );
      this.claimReader.read(sentence, settled, severityOf, report);
    }
    if (context) context.previousReported = reported;
  }

  /** Checks one sentence against the pattern rules. */
  private checkPatterns(
    sentence: Sentence,
    source: string,
    severityOf: SeverityResolver,
    onFinding: (finding: Finding) => void,
    context?: SentenceContext,
    onTurnedDown?: (category: string) => void,
  ): void {
    // Tagged before the trigger words are looked up, so that a tag can be a trigger.
    const previous = context?.previous;
    const tokens = tagSentence(sentence.tokens, previous);
    if (previous !== undefined && isContinuingFragment(tokens))
      this.checkFragment(previous, tokens, source, severityOf, onFinding, context!);
    if (context) {
      context.previous = tokens;
      context.previousMatched = undefined;
    }
    const triggered = this.triggeredGroups(tokens);
    if (triggered === undefined) return;
    this.requirements.startSentence(tokens);
    const checked = new CheckedSentence(tokens, this.approvedNeeds, this.requirements);
    const matchesByRule = this.matchesOf(triggered, checked, severityOf);
    if (context) context.previousMatched = new Set(matchesByRule.keys());
    const found: Finding[] = [];
    const rulesOfFound: CompiledRule[] = [];
    for (const [rule, matches] of matchesByRule) {
      for (const match of longestNonOverlapping(matches)) {
        if (this.reports(rule, match, checked, sentence)) {
          found.push(buildFinding(rule, severityOf(rule) as Severity, tokens, match, checked.text(), source));
          rulesOfFound.push(rule);
        } else onTurnedDown?.(rule.info.category);
      }
    }
    found.forEach((finding, index) => {
      if (yieldsToAnother(rulesOfFound[index]!, finding, found)) onTurnedDown?.(finding.category);
      else onFinding(finding);
    });
  }

  /**
   * Reads a short fragment as the end of the sentence before it ("GPT-5.
   * Now on Bedrock.", "Enables access. To ChatGPT."), and reports the claims
   * that only the two together make: a match must begin before the fragment
   * and end inside it, for a rule that finds nothing in the sentence before
   * on its own. Such findings get no fix: a rewrite across a full stop would
   * not fit either sentence.
   */
  private checkFragment(
    previous: readonly Token[],
    fragment: readonly Token[],
    source: string,
    severityOf: SeverityResolver,
    onFinding: (finding: Finding) => void,
    context: SentenceContext,
  ): void {
    const joined = [...previous, { ...fragment[0]!, punctBefore: false, clauseBreakBefore: false }, ...fragment.slice(1)];
    const triggered = this.triggeredGroups(joined);
    if (triggered === undefined) return;
    this.requirements.startSentence(joined);
    const checked = new CheckedSentence(joined, this.approvedNeeds, this.requirements);
    const found: Finding[] = [];
    const rulesOfFound: CompiledRule[] = [];
    const crossing = [...this.matchesOf(triggered, checked, severityOf)]
      .map(([rule, matches]) => [rule, matches.filter((match) => match.start < previous.length && match.end > previous.length)] as const)
      .filter(([, matches]) => matches.length > 0);
    for (const [rule, matches] of crossing) {
      // A rule that matched the sentence before on its own made its claim there, and a category reported there is not reported again.
      if (context.previousMatched?.has(rule) || context.previousReported?.has(rule.info.category)) continue;
      for (const match of longestNonOverlapping(matches)) {
        if (!this.reports(rule, match, checked, NOT_JUDGED)) continue;
        found.push({
          ...buildFinding(rule, severityOf(rule) as Severity, joined, { ...match, withFixes: false }, checked.text(), source),
          fixes: [],
        });
        rulesOfFound.push(rule);
      }
    }
    found.forEach((finding, index) => {
      if (!yieldsToAnother(rulesOfFound[index]!, finding, found)) onFinding(finding);
    });
  }

  /** The groups whose trigger words the sentence has, each once, or undefined for none. */
  private triggeredGroups(tokens: readonly Token[]): IndexedGroup[] | undefined {
    const sentenceId = this.sentenceCount++;
    let triggered: IndexedGroup[] | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const list = this.byTrigger.get(token.lower);
      const tagged = token.tag === undefined ? undefined : this.byTrigger.get(token.tag);
      if (list === undefined && tagged === undefined) continue;
      triggered ??= [];
      for (const entries of [list, tagged]) {
        if (entries === undefined) continue;
        for (const entry of entries) {
          if (entry.seenIn === sentenceId) continue;
          triggered.push(entry);
          entry.seenIn = sentenceId;
        }
      }
    }
    return triggered;
  }

  /** The matches of the triggered groups, by rule, each group scanned with the patterns the sentence has the words for. */
  private matchesOf(
    triggered: readonly IndexedGroup[],
    checked: CheckedSentence,
    severityOf: SeverityResolver,
  ): Map<CompiledRule, RuleMatch[]> {
    const matchesByRule = new Map<CompiledRule, RuleMatch[]>();
    for (const entry of triggered) {
      const { rule, group } = entry;
      if (severityOf(rule) === 'off') continue;
      const program = entry.chooser.programFor(this.requirements);
      if (program === undefined) continue;
      const excluded = rule.outsideApproved ? checked.approved(rule.pack).mask : undefined;
      let list = matchesByRule.get(rule);
      for (const match of scanProgram(program, checked.tokens, excluded)) {
        if (list === undefined) matchesByRule.set(rule, (list = []));
        list.push({
          start: match.start,
          end: match.end,
          focusStart: match.focusStart,
          focusEnd: match.focusEnd,
          withFixes: group.withFixes,
        });
      }
      const view = checked.view();
      if (view === undefined) continue;
      const moved = viewMatches(program, group.withFixes, view, rule.outsideApproved ? checked.viewApprovedMask(rule.pack) : undefined);
      if (moved.length > 0 && list === undefined) matchesByRule.set(rule, (list = []));
      list?.push(...moved);
    }
    return matchesByRule;
  }

  /** Whether a match survives its rule's conditions; `judged` is what the sentence after it said of it. */
  private reports(rule: CompiledRule, match: RuleMatch, checked: CheckedSentence, judged: SentenceJudgement): boolean {
    const takenBack = judged.takenBack === true;
    const tokens = checked.tokens;
    const approved = checked.approved(rule.pack);
    if (rule.outsideApproved && approved.covers(match.focusStart, match.focusEnd)) return false;
    if (!checked.mentions(rule) || checked.silencedBy(rule)) return false;
    if (rule.notNegated && (takenBack || isNegated(tokens, match, approved.mask))) {
      // A reported question the next sentence answers "yes" makes its claim after all.
      if (takenBack || judged.confirmed !== true || isNegated(answeredQuestionView(tokens), match, approved.mask)) return false;
    }
    if (rule.info.category === 'access' && opensCompanyName(tokens, match.focusStart)) return false;
    if (rule.unlessQuotedWith.length > 0 && checked.mentionsWording(rule, match)) return false;
    const next = tokens[match.end];
    // "Calling on GPT-4o, the agent ...": a comma ends what could follow the match (a quote does not).
    // A match that ends on a function word ("... whenever a", "... by the") ends before the noun it introduces: what follows is that noun, not more of the match's object.
    const endsOnFunctionWord = NOUN_INTRODUCERS.has(tokens[match.end - 1]!.lower);
    // Such a match is still not followed by what the function word leads to ("routed through | Azure" is
    // read from "through"), so the sets are tried from the function word itself.
    // A determiner ending the match is not read again: it would be taken for what follows it.
    const lastWord = tokens[match.end - 1]!.lower;
    const followerStart = endsOnFunctionWord ? (ROUTE_PREPOSITIONS.has(lastWord) ? match.end - 1 : -1) : match.end;
    if (
      next &&
      !next.clauseBreakBefore &&
      followerStart >= 0 &&
      rule.notFollowedBy.some((program) => runProgram(program, tokens, followerStart, undefined) !== undefined)
    )
      return false;
    return true;
  }
}

/**
 * What checking one sentence works out once and shares between its rules:
 * the approved phrases of each pack, the view without asides, the text.
 * Built lazily, and without a map when (as usual) there is one pack.
 */
class CheckedSentence {
  private firstPack: CompiledPack | undefined;
  private firstApproved: ApprovedSpans | undefined;
  private otherApproved: Map<CompiledPack, ApprovedSpans> | undefined;
  private viewTokens: AsideFreeView | null | undefined;
  private viewApproved: Map<CompiledPack, Uint8Array> | undefined;
  private sentenceText: string | undefined;
  private mentioned: Map<CompiledRule, boolean> | undefined;
  private silenced: Map<CompiledRule, boolean> | undefined;
  private quotedMask: Uint8Array | undefined;

  constructor(
    readonly tokens: readonly Token[],
    private readonly needs: ReadonlyMap<Program, Int32Array>,
    private readonly requirements: RequirementCache,
  ) {}

  /** The approved phrases of `pack` in the sentence. */
  approved(pack: CompiledPack): ApprovedSpans {
    if (this.firstPack === undefined || this.firstPack === pack) {
      this.firstPack = pack;
      return (this.firstApproved ??= findApproved(pack, this.tokens, this.needs, this.requirements));
    }
    this.otherApproved ??= new Map();
    let found = this.otherApproved.get(pack);
    if (!found) this.otherApproved.set(pack, (found = findApproved(pack, this.tokens, this.needs, this.requirements)));
    return found;
  }

  /**
   * Whether the sentence names what `rule` needs (its `sentence-mentions`).
   * It does not depend on the match, so it is scanned for once per rule and sentence.
   */
  mentions(rule: CompiledRule): boolean {
    if (rule.mentions.length === 0) return true;
    this.mentioned ??= new Map();
    let met = this.mentioned.get(rule);
    if (met === undefined) {
      const mask = rule.outsideApproved ? this.approved(rule.pack).mask : undefined;
      met = rule.mentions.some((program) => occursIn(program, this.tokens, mask));
      this.mentioned.set(rule, met);
    }
    return met;
  }

  /**
   * Whether the sentence names a member of one of the rule's
   * `unless-sentence-mentions` sets, other than one it denies ("not through
   * Azure", "rather than via Azure", "without going through Azure"), sets
   * in the past ("previously reachable only through Azure") or contrasts
   * ("unlike the route through Azure").
   */
  silencedBy(rule: CompiledRule): boolean {
    if (rule.unlessMentions.length === 0) return false;
    // It does not depend on the match: worked out once per rule and sentence, like `mentions`.
    this.silenced ??= new Map();
    let silenced = this.silenced.get(rule);
    if (silenced === undefined) this.silenced.set(rule, (silenced = this.namesUndeniedMember(rule)));
    return silenced;
  }

  private namesUndeniedMember(rule: CompiledRule): boolean {
    const tokens = this.tokens;
    for (let start = 0; start < tokens.length; start++) {
      if ((start > 0 && isNegator(tokens, start - 1)) || (start > 1 && isNegator(tokens, start - 2))) continue;
      if (followsFormerTime(tokens, start)) continue;
      if (rule.unlessMentions.some((program) => runProgram(program, tokens, start, undefined) !== undefined)) return true;
    }
    return false;
  }

  /**
   * Whether the match is quoted wording that the sentence talks about: its
   * first focus word stands inside quotation marks, and outside them the
   * sentence names a member of the rule's `unless-quoted-with` sets.
   */
  mentionsWording(rule: CompiledRule, match: RuleMatch): boolean {
    if (this.tokens[match.focusStart]?.quoted !== true) return false;
    if (introducesExample(this.tokens, match.focusStart)) return true;
    this.quotedMask ??= Uint8Array.from(this.tokens, (token) => (token.quoted === true ? 1 : 0));
    const mask = this.quotedMask;
    return rule.unlessQuotedWith.some((program) => occursIn(program, this.tokens, mask));
  }

  /** The view without bracketed asides, or undefined when there are none. */
  view(): AsideFreeView | undefined {
    if (this.viewTokens === undefined) this.viewTokens = asideFreeView(this.tokens) ?? null;
    return this.viewTokens ?? undefined;
  }

  /** Which tokens of the view lie inside approved phrases of `pack`. */
  viewApprovedMask(pack: CompiledPack): Uint8Array {
    this.viewApproved ??= new Map();
    let mask = this.viewApproved.get(pack);
    if (!mask) this.viewApproved.set(pack, (mask = findApproved(pack, this.view()!.tokens, this.needs, this.requirements).mask));
    return mask;
  }

  /** The sentence as plain words, for findings. */
  text(): string {
    return (this.sentenceText ??= sentenceTextOf(this.tokens));
  }
}

/**
 * Whether the quotation the token at `index` stands in is given as an
 * example of wording: "anything like ‘calls upon GPT-5’", "phrases such as
 * “enables access to ChatGPT”". The quotation opens right after "like" or
 * "such as".
 */
function introducesExample(tokens: readonly Token[], index: number): boolean {
  let opening = index;
  while (opening > 0 && tokens[opening - 1]!.quoted === true && !tokens[opening]!.punctBefore) opening--;
  const before = tokens[opening - 1]?.lower;
  return before === 'like' || (before === 'as' && tokens[opening - 2]?.lower === 'such');
}

/**
 * Words that put what follows in the past or set it against the claim, so it is not the claim's own:
 * "previously reachable only through Azure", "unlike the route through Azure".
 */
const FORMER_TIMES = new Set(['previously', 'formerly', 'once', 'used', 'unlike']);

/** Whether one of the three words before `start` is in {@link FORMER_TIMES}. */
function followsFormerTime(tokens: readonly Token[], start: number): boolean {
  for (let i = Math.max(0, start - 3); i < start; i++) if (FORMER_TIMES.has(tokens[i]!.lower)) return true;
  return false;
}

/** What the sentence after a sentence said of it (see tokenize.ts). */
type SentenceJudgement = Pick<Sentence, 'takenBack' | 'confirmed'>;
/** A fragment joined to the sentence before it is judged by neither. */
const NOT_JUDGED: SentenceJudgement = {};

const NOTHING_APPROVED = { covers: (): boolean => false };

function findApproved(
  pack: CompiledPack,
  tokens: readonly Token[],
  needs: ReadonlyMap<Program, Int32Array>,
  requirements: RequirementCache,
): ApprovedSpans {
  const mask = new Uint8Array(tokens.length);
  if (pack.approved.length === 0) return { mask, ...NOTHING_APPROVED };
  // reach[i]: the furthest end of an approved phrase that starts at or before token i (0 for none).
  let reach: Int32Array | undefined;
  for (const program of pack.approved) {
    const needed = needs.get(program);
    if (needed !== undefined && !needed.every((id) => requirements.has(id))) continue;
    for (const match of scanProgram(program, tokens, undefined)) {
      mask.fill(1, match.start, match.end);
      reach ??= new Int32Array(tokens.length);
      reach[match.start] = Math.max(reach[match.start]!, match.end);
    }
  }
  if (!reach) return { mask, ...NOTHING_APPROVED };
  for (let i = 1; i < reach.length; i++) reach[i] = Math.max(reach[i]!, reach[i - 1]!);
  const furthest = reach;
  return { mask, covers: (start, end) => furthest[start]! >= end };
}

/**
 * Whether a sentence has a word of each required word set, for the patterns
 * of the rules it wakes. Small sets are indexed by word, so a sentence marks
 * the sets its words belong to in one pass over its tokens; a large set (a
 * pack's list of thousands of names) is tested against the sentence when a
 * pattern asks, once per sentence. Patterns share sets (`@openai-model`,
 * `=to`), so no set is tested twice for one sentence.
 */
class RequirementCache {
  private readonly ids = new Map<ReadonlySet<string>, number>();
  private readonly sets: ReadonlySet<string>[] = [];
  /** Small sets' words, each with the ids of the sets it is in. */
  private readonly byWord = new Map<string, number[]>();
  /** Per set id: the sentence in which it was found (or, for a large set, tested) and, for large sets, the answer. */
  private markedIn = new Int32Array(0);
  private answer = new Uint8Array(0);
  private large = new Uint8Array(0);
  private sentence = 0;
  private tokens: readonly Token[] = [];

  /** Sets by their words: patterns spell "=to" or "(=to|=into)" anew each time, and unions of the same set recur. */
  private readonly idsByWords = new Map<string, number>();

  /** A number for a required word set (the same set, or a set of the same words, gets the same number). */
  idOf(keys: ReadonlySet<string>): number {
    let id = this.ids.get(keys);
    if (id !== undefined) return id;
    // Only small sets are compared by their words: a large one is nearly always the same object wherever it recurs.
    const words = keys.size <= SPELLED_SET_LIMIT ? [...keys].sort().join('\u0000') : undefined;
    id = words === undefined ? undefined : this.idsByWords.get(words);
    if (id !== undefined) {
      this.ids.set(keys, id);
      return id;
    }
    if (words !== undefined) this.idsByWords.set(words, this.sets.length);
    this.ids.set(keys, (id = this.sets.length));
    this.sets.push(keys);
    return id;
  }

  /** Indexes the small sets by word, when the first sentence needs it (a document with no trigger word never does). */
  private buildIndex(): void {
    this.markedIn = new Int32Array(this.sets.length);
    this.answer = new Uint8Array(this.sets.length);
    this.large = Uint8Array.from(this.sets, (keys) => (keys.size > INDEXED_SET_LIMIT ? 1 : 0));
    this.byWord.clear();
    this.sets.forEach((keys, id) => {
      if (keys.size > INDEXED_SET_LIMIT) return;
      for (const key of keys) {
        const list = this.byWord.get(key);
        if (list === undefined) this.byWord.set(key, [id]);
        else list.push(id);
      }
    });
    this.sentence = 0;
  }

  /** Starts answering for a sentence: marks the small sets its words and tags are in. */
  startSentence(tokens: readonly Token[]): void {
    if (this.markedIn.length < this.sets.length) this.buildIndex();
    // Sentence numbers start at 1, so the zeroed array means "not marked".
    this.sentence = this.sentence === 0x7fffffff ? (this.markedIn.fill(0), 1) : this.sentence + 1;
    this.tokens = tokens;
    for (const token of tokens) {
      this.mark(this.byWord.get(token.lower));
      if (token.tag !== undefined) this.mark(this.byWord.get(token.tag));
    }
  }

  private mark(ids: readonly number[] | undefined): void {
    if (ids !== undefined) for (const id of ids) this.markedIn[id] = this.sentence;
  }

  /** True when the sentence has a word of the set numbered `id`. */
  has(id: number): boolean {
    if (this.large[id] === 0) return this.markedIn[id] === this.sentence;
    if (this.markedIn[id] !== this.sentence) {
      this.markedIn[id] = this.sentence;
      const keys = this.sets[id]!;
      this.answer[id] = this.tokens.some((token) => keys.has(token.lower) || (token.tag !== undefined && keys.has(token.tag))) ? 1 : 0;
    }
    return this.answer[id] === 1;
  }
}

/**
 * The {@link PatternChooser} of a group of one pattern (most rules have
 * one): its program when the sentence has a word of every set the pattern
 * needs. A pack of thousands of rules builds one per rule, so it keeps just
 * the set numbers, without bit masks or a cache of answers.
 */
class SinglePatternChooser {
  private readonly ids: readonly number[];

  constructor(
    private readonly group: ScanGroup,
    requirements: RequirementCache,
  ) {
    this.ids = group.requirements[0]!.map((keys) => requirements.idOf(keys));
  }

  /** The group's program for the current sentence of `requirements`, or undefined when the pattern cannot match. */
  programFor(requirements: RequirementCache): Program | undefined {
    for (const id of this.ids) if (!requirements.has(id)) return undefined;
    return this.group.program;
  }
}

/**
 * Picks a scan group's program for a sentence: the alternation of the
 * patterns that have a word of every set they need. Which patterns those are
 * depends only on which of the group's sets the sentence has, so that answer
 * (a bit per distinct set) keys a cache of programs, and a sentence costs one
 * test per distinct set rather than one per pattern and set.
 */
class PatternChooser {
  /** The distinct set ids the group's patterns need, and per pattern a bit mask over them. */
  private readonly ids: Int32Array;
  private readonly masks: readonly Uint32Array[];
  /** Made when the group is first scanned: most groups of a large pack never are. */
  private chosen: Map<string, Program | null> | undefined;
  private readonly satisfied: Uint32Array;

  constructor(
    private readonly group: ScanGroup,
    requirements: RequirementCache,
  ) {
    const perPattern = group.requirements.map((required) => required.map((keys) => requirements.idOf(keys)));
    const ids = [...new Set(perPattern.flat())].sort((a, b) => a - b);
    this.ids = Int32Array.from(ids);
    const words = Math.max(1, Math.ceil(ids.length / 32));
    this.satisfied = new Uint32Array(words);
    this.masks = perPattern.map((needed) => {
      const mask = new Uint32Array(words);
      for (const id of needed) {
        // A group needs few distinct sets, so a search is cheaper than a map per group.
        const index = ids.indexOf(id);
        mask[index >>> 5]! |= 1 << (index & 31);
      }
      return mask;
    });
  }

  /** The program for the current sentence of `requirements`, or undefined when no pattern can match. */
  programFor(requirements: RequirementCache): Program | undefined {
    const satisfied = this.satisfied;
    satisfied.fill(0);
    for (let index = 0; index < this.ids.length; index++) {
      if (requirements.has(this.ids[index]!)) satisfied[index >>> 5]! |= 1 << (index & 31);
    }
    const key = satisfied.length === 1 ? String(satisfied[0]) : satisfied.join(',');
    this.chosen ??= new Map();
    const cached = this.chosen.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const able: number[] = [];
    this.masks.forEach((mask, pattern) => {
      if (mask.every((word, index) => (word & ~satisfied[index]!) === 0)) able.push(pattern);
    });
    const program = able.length === 0 ? undefined : this.group.programFor(able);
    // Bounded: past the cap a sentence works its answer out again.
    if (this.chosen.size < MAX_CHOICES) this.chosen.set(key, program ?? null);
    return program;
  }
}

/** How many answers a group keeps. */
const MAX_CHOICES = 512;

/**
 * The sentence as plain words, for findings. Findings live as long as their
 * document is open, so their strings are joined from an array into one flat
 * string: appending word by word would keep a rope of every word and space.
 */
function sentenceTextOf(tokens: readonly Token[]): string {
  const parts: string[] = [];
  let length = 0;
  for (const token of tokens) {
    if (token.opaque) continue;
    if (length > 0) parts.push(' ');
    parts.push(token.text);
    length += token.text.length;
  }
  return parts.join('');
}

/** Sets of up to this many words are recognised by their words when spelled again. */
const SPELLED_SET_LIMIT = 16;

/** Sets of up to this many words are indexed word by word; larger ones are tested against the sentence. */
const INDEXED_SET_LIMIT = 1024;

/** Whether a finding of a rule with `yields-to` overlaps a finding of a rule it yields to. */
function yieldsToAnother(rule: CompiledRule, finding: Finding, found: readonly Finding[]): boolean {
  if (rule.yieldsTo.size === 0) return false;
  return found.some(
    (other) =>
      other !== finding &&
      rule.yieldsTo.has(other.ruleId) &&
      other.range.start < finding.range.end &&
      finding.range.start < other.range.end,
  );
}

function occursIn(program: Program, tokens: readonly Token[], excluded: Uint8Array | undefined): boolean {
  return scanProgram(program, tokens, excluded).length > 0;
}

/** "without leaving AWS" and "not only" do not negate the claim they sit in. */
/**
 * True when the token at `index` is the "Open" of the company's name written
 * as two words ("Open AI", "OPEN A.I."): an access claim cannot begin with
 * it as the verb "open" ("calls on Open AI's o3" opens nothing).
 */
function opensCompanyName(tokens: readonly Token[], index: number): boolean {
  const open = tokens[index];
  const next = tokens[index + 1];
  return (
    open !== undefined &&
    next !== undefined &&
    !next.punctBefore &&
    (open.text === 'Open' || open.text === 'OPEN' || (open.lower === 'open' && next.text === 'A.I')) &&
    (next.text === 'AI' || next.text === 'A.I' || next.text === 'Ai')
  );
}

/** The longest fragment read as the end of the sentence before it. */
const MAX_FRAGMENT = 5;

/** True for a short fragment that continues the sentence before it: "Now on Bedrock.", "To ChatGPT.", "On AWS." */
function isContinuingFragment(tokens: readonly Token[]): boolean {
  return tokens.length > 0 && tokens.length <= MAX_FRAGMENT && FRAGMENT_OPENERS.has(tokens[0]!.lower);
}

/**
 * Leftmost-longest: of overlapping matches the one that starts first wins,
 * and of those starting together the longest, so "enables access to" beats
 * both "enables access" and a later match that begins at "access". Matches
 * are never empty, so in start order a match overlaps a kept one exactly when
 * it starts before the last kept one ends: one pass after sorting.
 */
export function longestNonOverlapping<T extends ProgramMatch & { readonly withFixes?: boolean }>(matches: readonly T[]): T[] {
  if (matches.length <= 1) return [...matches];
  // Of equal matches, one that offers fixes wins: a pattern without fixes must not hide a fix another pattern offers.
  const sorted = [...matches].sort(
    (a, b) => a.start - b.start || b.end - a.end || Number(b.withFixes ?? false) - Number(a.withFixes ?? false),
  );
  const kept: T[] = [];
  let keptEnd = -1;
  for (const match of sorted) {
    if (match.start < keptEnd) continue;
    kept.push(match);
    keptEnd = match.end;
  }
  return kept;
}

function buildFinding(
  rule: CompiledRule,
  severity: Severity,
  tokens: readonly Token[],
  match: RuleMatch,
  sentence: string,
  source: string,
): Finding {
  const first = tokens[match.focusStart]!;
  const last = tokens[match.focusEnd - 1]!;
  const focusText = joinWords(tokens, match.focusStart, match.focusEnd);
  // Fixes that cannot be made to fit the sentence are withheld; the first one offered is the preferred one.
  const fitted = match.withFixes ? rule.fixes.map((template) => fitFix(template, tokens, match.focusStart, match.focusEnd, source)) : [];
  // An availability claim has no rewrite in its rule; where one shape of it can be rewritten safely, that one is offered.
  if (rule.fixes.length === 0 && rule.info.category === AVAILABILITY_CATEGORY) fitted.push(availabilityFix(tokens, match, source));
  const fixes = fitted
    .filter((fix): fix is Fix => fix !== undefined)
    .map((fix, index) => (index === 0 ? { ...fix, preferred: true } : fix));
  const message = fillMessage(rule.info.message, focusText);
  return {
    ruleId: rule.info.id,
    category: rule.info.category,
    severity,
    message: isDisguised(tokens, match) ? `${message} ${DISGUISE_NOTE}` : message,
    range: { start: first.start, end: last.end },
    matchedText: joinWords(tokens, match.start, match.end),
    sentence,
    fixes,
  };
}

/** Appended to the message of a finding whose words were written so as not to be found. */
export const DISGUISE_NOTE = '(These words contain invisible or look-alike characters.)';

function isDisguised(tokens: readonly Token[], match: ProgramMatch): boolean {
  for (let i = match.start; i < match.end; i++) if (tokens[i]!.disguised) return true;
  return false;
}

/** The words from `start` to `end`, spaced as written ("OpenAI's"), as one flat string (see sentenceTextOf). */
function joinWords(tokens: readonly Token[], start: number, end: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    if (token.opaque) continue;
    if (length > 0 && token.lower !== "'s") parts.push(' ');
    parts.push(token.text);
    length += token.text.length;
  }
  return parts.join('');
}
