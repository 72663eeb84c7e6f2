/**
 * The matcher: a bounded virtual machine that runs a compiled pattern over a
 * sentence's tokens in time linear in the sentence, and finds the longest
 * match at each start.
 */
import { CLAUSE_WORDS_AFTER_BREAK, DENIALS_AFTER_BREAK } from '../text/englishWords';
import type { Token } from '../text/tokenize';
import type { Program, TokenTest } from './program';

/** A match of a program: token indexes, end-exclusive. */
export interface ProgramMatch {
  readonly start: number;
  readonly end: number;
  /** The focus (`{ }`) of the match, or the whole match when the pattern has none. */
  readonly focusStart: number;
  readonly focusEnd: number;
}

/** True when a token passes a test. */
export function passesTest(test: TokenTest, token: Token): boolean {
  // A tag the sentence reader put on the token (reading/tags.ts) counts as a second key.
  if (!test.keys.has(token.lower) && (token.tag === undefined || !test.keys.has(token.tag))) return false;
  if (test.exactText !== undefined && token.text !== test.exactText) return false;
  if (test.refusedText !== undefined && token.text === test.refusedText) return false;
  return true;
}

/**
 * Scratch space for the virtual machine, shared by every scan (scans never
 * nest) and grown on demand, so a scan allocates nothing per token. An entry
 * is a group of threads that took the epsilon moves from one instruction
 * together: (instruction, loose flag, focus start, focus end, start position).
 */
class ThreadList {
  count = 0;
  pc = new Int32Array(0);
  loose = new Uint8Array(0);
  focusStart = new Int32Array(0);
  focusEnd = new Int32Array(0);
  start = new Int32Array(0);

  ensure(capacity: number): void {
    if (this.pc.length >= capacity) return;
    this.pc = new Int32Array(capacity);
    this.loose = new Uint8Array(capacity);
    this.focusStart = new Int32Array(capacity);
    this.focusEnd = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
  }

  push(pc: number, loose: number, focusStart: number, focusEnd: number, start: number): void {
    const at = this.count++;
    this.pc[at] = pc;
    this.loose[at] = loose;
    this.focusStart[at] = focusStart;
    this.focusEnd[at] = focusEnd;
    this.start[at] = start;
  }
}

/** Steps taken by every scan so far (see {@link matcherSteps}). */
let stepsTaken = 0;

/**
 * How many steps the matcher has taken since the process started: one per
 * token a scan passes, per instruction a thread tries on a token and per
 * match a thread reaches. The pattern limits (patternCost.ts) bound the steps
 * per token of text; tests read this counter to check that bound without
 * timing anything.
 */
export function matcherSteps(): number {
  return stepsTaken;
}

let current = new ThreadList();
let next = new ThreadList();
/** Flags of an epsilon path: what happens to a thread that takes it. */
const SETS_LOOSE = 1;
const STARTS_FOCUS = 2;
const ENDS_FOCUS = 4;

/**
 * A test whose word list is longer than this is tried on every token rather
 * than indexed word by word, so a set of many thousand members costs no
 * index per place it is used.
 */
const INDEXED_KEYS_LIMIT = 256;

/**
 * Where a thread can get from an instruction without consuming a token: the
 * token-consuming or `match` instructions reachable through jumps, splits and
 * markers, in priority order, with what the path does to the thread.
 *
 * Large alternations (a word set, a list of verbs) put hundreds of tests in
 * one closure, of which a token passes one or two; so the consuming targets
 * are indexed by the words they accept, and a step looks the token up once
 * instead of trying every test.
 */
class EpsilonClosure {
  private byWord: Map<string, Int32Array> | undefined;
  /** Targets every token must be tried on: gaps and tests with very long word lists. */
  private always = EMPTY;
  /** Indexes (into `targets`) of the `match` instructions. */
  readonly matches: Int32Array;
  readonly consumes: boolean;

  constructor(
    private readonly code: Program['instructions'],
    readonly targets: Int32Array,
    readonly flags: Uint8Array,
  ) {
    const matches: number[] = [];
    targets.forEach((target, index) => {
      if (code[target]!.op === 'match') matches.push(index);
    });
    this.matches = Int32Array.from(matches);
    this.consumes = matches.length < targets.length;
  }

  /** Indexes of the targets that may consume a token whose lower-cased text is `word`, in priority order. */
  candidates(word: string): Int32Array {
    const byWord = this.byWord ?? this.buildIndex();
    return byWord.get(word) ?? this.always;
  }

  /** Merged candidates of tagged words, by word and tag. */
  private byTaggedWord: Map<string, Int32Array> | undefined;

  /**
   * The candidates for a token the sentence reader tagged: those for its
   * word and those for its tag (reading/tags.ts), merged in priority order.
   */
  candidatesTagged(word: string, tag: string): Int32Array {
    const byWord = this.byWord ?? this.buildIndex();
    const forTag = byWord.get(tag);
    if (forTag === undefined) return byWord.get(word) ?? this.always;
    const forWord = byWord.get(word);
    if (forWord === undefined) return forTag;
    const key = `${word}\u0000${tag}`;
    this.byTaggedWord ??= new Map();
    let merged = this.byTaggedWord.get(key);
    if (merged === undefined) this.byTaggedWord.set(key, (merged = Int32Array.from(new Set([...forWord, ...forTag])).sort()));
    return merged;
  }

  private buildIndex(): Map<string, Int32Array> {
    const always: number[] = [];
    const lists = new Map<string, number[]>();
    this.targets.forEach((target, index) => {
      const instruction = this.code[target]!;
      if (instruction.op === 'any' || (instruction.op === 'test' && instruction.test.keys.size > INDEXED_KEYS_LIMIT)) {
        always.push(index);
      } else if (instruction.op === 'test') {
        for (const key of instruction.test.keys) {
          let list = lists.get(key);
          if (!list) lists.set(key, (list = []));
          if (list[list.length - 1] !== index) list.push(index);
        }
      }
    });
    const byWord = new Map<string, Int32Array>();
    for (const [word, list] of lists) byWord.set(word, Int32Array.from([...list, ...always]).sort());
    this.always = Int32Array.from(always);
    this.byWord = byWord;
    return byWord;
  }
}

const EMPTY = new Int32Array(0);

const closuresByProgram = new WeakMap<Program, (EpsilonClosure | undefined)[]>();

function closuresFor(program: Program): (EpsilonClosure | undefined)[] {
  let closures = closuresByProgram.get(program);
  if (!closures) {
    closures = new Array(program.instructions.length);
    closuresByProgram.set(program, closures);
  }
  return closures;
}

function epsilonClosure(code: Program['instructions'], from: number): EpsilonClosure {
  const targets: number[] = [];
  const flags: number[] = [];
  const seen = new Set<number>();
  const visit = (pc: number, flag: number): void => {
    for (;;) {
      // Paths that differ only in focus markers are merged: the first one wins, as at run time.
      const key = pc * 2 + (flag & SETS_LOOSE);
      if (seen.has(key)) return;
      seen.add(key);
      const instruction = code[pc]!;
      switch (instruction.op) {
        case 'jump':
          pc = instruction.next;
          continue;
        case 'split':
          visit(instruction.next, flag);
          pc = instruction.alt;
          continue;
        case 'loose':
          flag |= SETS_LOOSE;
          pc++;
          continue;
        case 'focus-start':
          flag |= STARTS_FOCUS;
          pc++;
          continue;
        case 'focus-end':
          flag |= ENDS_FOCUS;
          pc++;
          continue;
        default:
          targets.push(pc);
          flags.push(flag);
          return;
      }
    }
  };
  visit(from, 0);
  return new EpsilonClosure(code, Int32Array.from(targets), Uint8Array.from(flags));
}

/**
 * Visited marks per program, reused across scans: each scan position gets a
 * fresh generation number, so nothing needs clearing between scans.
 */
let marksByProgram = new WeakMap<Program, Int32Array>();
let generationCounter = 0;

function marksFor(program: Program): Int32Array {
  let marks = marksByProgram.get(program);
  if (!marks) {
    marks = new Int32Array(program.instructions.length * 2).fill(-1);
    marksByProgram.set(program, marks);
  }
  return marks;
}

/** Reserves `count` consecutive generation numbers and returns the first. */
function reserveGenerations(count: number): number {
  if (generationCounter + count >= 0x7fffffff) {
    // Start again from zero, with fresh marks that hold none of the old numbers.
    generationCounter = 0;
    marksByProgram = new WeakMap();
  }
  const first = generationCounter;
  generationCounter += count;
  return first;
}

/**
 * Finds the matches of a program in a sentence in one left-to-right pass (a
 * Pike VM). Threads that reach the same instruction in the same state are
 * merged, keeping the one that started earliest, so the cost is at most
 * program size × tokens however many places a match could start; for each
 * start the longest match is reported. With `anchor`, only matches starting
 * at that token are sought.
 *
 * `excluded[i]` marks tokens inside approved phrases: word-set members are
 * not allowed to match them.
 */
export function scanProgram(program: Program, tokens: readonly Token[], excluded: Uint8Array | undefined, anchor?: number): ProgramMatch[] {
  const code = program.instructions;
  const marks = marksFor(program);
  const closures = closuresFor(program);
  const capacity = code.length * 2 + 1;
  current.ensure(capacity);
  next.ensure(capacity);
  current.count = 0;
  // Only a pre-filter: a token with a first key but the wrong written form starts threads that die at once.
  const firstKeys = program.firstKeys;
  const from = anchor ?? 0;
  const base = reserveGenerations(tokens.length + 2) - from;
  let results: Map<number, ProgramMatch> | undefined;
  let steps = 0;

  /**
   * Takes the epsilon moves from `pc` at `position`: records the matches they
   * reach and queues the group of threads that wait there for a token.
   */
  const enter = (
    list: ThreadList,
    pc: number,
    loose: number,
    focusStart: number,
    focusEnd: number,
    start: number,
    position: number,
  ): void => {
    const closure = closures[pc] ?? (closures[pc] = epsilonClosure(code, pc));
    const matches = closure.matches;
    steps += matches.length;
    if (matches.length > 0 && position > start) {
      const generation = base + position;
      for (let k = 0; k < matches.length; k++) {
        const index = matches[k]!;
        const flag = closure.flags[index]!;
        const key = closure.targets[index]! * 2 + ((flag & SETS_LOOSE) !== 0 ? 1 : loose);
        if (marks[key] === generation) continue;
        marks[key] = generation;
        results ??= new Map();
        const previous = results.get(start);
        if (!previous || position > previous.end) {
          const matchFocusStart = (flag & STARTS_FOCUS) !== 0 ? position : focusStart;
          const matchFocusEnd = (flag & ENDS_FOCUS) !== 0 ? position : focusEnd;
          results.set(start, {
            start,
            end: position,
            focusStart: matchFocusStart >= 0 ? matchFocusStart : start,
            focusEnd: matchFocusEnd >= 0 ? matchFocusEnd : position,
          });
        }
      }
    }
    if (closure.consumes) list.push(pc, loose, focusStart, focusEnd, start);
  };

  for (let position = from; position < tokens.length; position++) {
    steps++;
    const token = tokens[position]!;
    const canStart =
      anchor === undefined ? firstKeys.has(token.lower) || (token.tag !== undefined && firstKeys.has(token.tag)) : position === anchor;
    if (canStart) enter(current, 0, 1, -1, -1, position, position);
    if (current.count === 0) {
      if (anchor !== undefined) break;
      continue;
    }
    next.count = 0;
    const generation = base + position;
    // "but" opens a contrasting clause even without a comma ("X is allowed but Y isn't"); a denial after a
    // comma ("to every team, no contract needed") is a phrase of its own, not more of the claim.
    const clauseStop =
      (token.clauseBreakBefore && (CLAUSE_WORDS_AFTER_BREAK.has(token.lower) || DENIALS_AFTER_BREAK.has(token.lower))) ||
      token.lower === 'but';
    const setMemberAllowed = excluded === undefined || excluded[position] !== 1;
    for (let i = 0; i < current.count; i++) {
      const closure = closures[current.pc[i]!]!;
      const candidates = token.tag === undefined ? closure.candidates(token.lower) : closure.candidatesTagged(token.lower, token.tag);
      const loose = current.loose[i]!;
      const start = current.start[i]!;
      steps += candidates.length;
      for (let k = 0; k < candidates.length; k++) {
        const index = candidates[k]!;
        const target = closure.targets[index]!;
        const flag = closure.flags[index]!;
        const threadLoose = (flag & SETS_LOOSE) !== 0 ? 1 : loose;
        // Of threads at the same instruction in the same state, the first (earliest-starting) one goes on.
        const key = target * 2 + threadLoose;
        if (marks[key] === generation) continue;
        marks[key] = generation;
        const instruction = code[target]!;
        if (instruction.op === 'any') {
          // A gap stops where a new clause starts (", and ...", ", but ..."): a claim does not run on into the next one.
          if (clauseStop) continue;
        } else if (instruction.op === 'test') {
          if (token.punctBefore && threadLoose === 0 && position > start) continue;
          if (instruction.inSet && !setMemberAllowed) continue;
          if (!passesTest(instruction.test, token)) continue;
        } else {
          continue;
        }
        const focusStart = (flag & STARTS_FOCUS) !== 0 ? position : current.focusStart[i]!;
        const focusEnd = (flag & ENDS_FOCUS) !== 0 ? position : current.focusEnd[i]!;
        enter(next, target + 1, instruction.op === 'any' ? 1 : 0, focusStart, focusEnd, start, position + 1);
      }
    }
    const swap = current;
    current = next;
    next = swap;
  }
  current.count = 0;
  stepsTaken += steps;
  return results ? [...results.values()] : [];
}

/** The longest match of a program that starts at token `start`, if any. */
export function runProgram(
  program: Program,
  tokens: readonly Token[],
  start: number,
  excluded: Uint8Array | undefined,
): ProgramMatch | undefined {
  return scanProgram(program, tokens, excluded, start)[0];
}
