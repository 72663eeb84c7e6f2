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

/** Words that open a new clause after a comma or dash. */
const CLAUSE_WORDS = new Set(['and', 'but', 'or', 'while', 'whereas', 'although', 'though', 'because', 'unlike', 'so', 'yet', 'which', 'who']);

/** True when a token passes a test. */
export function passesTest(test: TokenTest, token: Token): boolean {
  if (!test.keys.has(token.lower)) return false;
  if (test.exactText !== undefined && token.text !== test.exactText) return false;
  if (test.refusedText !== undefined && token.text === test.refusedText) return false;
  return true;
}

/** True when a match of the program can begin with this token. */
export function canStartWith(program: Program, token: Token): boolean {
  return program.firstKeys.has(token.lower) && program.firstTests.some((test) => passesTest(test, token));
}

/**
 * Scratch space for the virtual machine, shared by every scan (scans never
 * nest) and grown on demand, so a scan allocates nothing per token. A thread
 * is (instruction, loose flag, focus start, focus end, start position).
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

let current = new ThreadList();
let next = new ThreadList();
/** Flags of an epsilon path: what happens to a thread that takes it. */
const SETS_LOOSE = 1;
const STARTS_FOCUS = 2;
const ENDS_FOCUS = 4;

/**
 * Where a thread can get from an instruction without consuming a token: the
 * token-consuming or `match` instructions reachable through jumps, splits and
 * markers, in priority order, with what the path does to the thread.
 */
interface EpsilonClosure {
  readonly targets: Int32Array;
  readonly flags: Uint8Array;
}

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
  return { targets: Int32Array.from(targets), flags: Uint8Array.from(flags) };
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
  const from = anchor ?? 0;
  const base = reserveGenerations(tokens.length + 2) - from;
  let results: Map<number, ProgramMatch> | undefined;

  /** Queues the threads that wait for a token after following epsilon moves from `pc` at `position`. */
  const follow = (list: ThreadList, pc: number, loose: number, focusStart: number, focusEnd: number, start: number, position: number): void => {
    const generation = base + position;
    const closure = closures[pc] ?? (closures[pc] = epsilonClosure(code, pc));
    const targets = closure.targets;
    const flags = closure.flags;
    for (let k = 0; k < targets.length; k++) {
      const target = targets[k]!;
      const flag = flags[k]!;
      const threadLoose = (flag & SETS_LOOSE) !== 0 ? 1 : loose;
      const key = target * 2 + threadLoose;
      if (marks[key] === generation) continue;
      marks[key] = generation;
      const threadFocusStart = (flag & STARTS_FOCUS) !== 0 ? position : focusStart;
      const threadFocusEnd = (flag & ENDS_FOCUS) !== 0 ? position : focusEnd;
      if (code[target]!.op === 'match') {
        if (position > start) {
          results ??= new Map();
          const previous = results.get(start);
          if (!previous || position > previous.end) {
            results.set(start, {
              start,
              end: position,
              focusStart: threadFocusStart >= 0 ? threadFocusStart : start,
              focusEnd: threadFocusEnd >= 0 ? threadFocusEnd : position,
            });
          }
        }
      } else {
        list.push(target, threadLoose, threadFocusStart, threadFocusEnd, start);
      }
    }
  };

  for (let position = from; position < tokens.length; position++) {
    const token = tokens[position]!;
    if (anchor === undefined ? canStartWith(program, token) : position === anchor) follow(current, 0, 1, -1, -1, position, position);
    if (current.count === 0) {
      if (anchor !== undefined) break;
      continue;
    }
    next.count = 0;
    for (let i = 0; i < current.count; i++) {
      const instruction = code[current.pc[i]!]!;
      if (instruction.op === 'any') {
        // A gap stops where a new clause starts (", and ...", ", but ..."): a claim does not run on into the next one.
        if (token.clauseBreakBefore && CLAUSE_WORDS.has(token.lower)) continue;
        follow(next, current.pc[i]! + 1, 1, current.focusStart[i]!, current.focusEnd[i]!, current.start[i]!, position + 1);
      } else if (instruction.op === 'test') {
        if (token.punctBefore && current.loose[i] === 0 && position > current.start[i]!) continue;
        if (instruction.inSet && excluded !== undefined && excluded[position] === 1) continue;
        if (!passesTest(instruction.test, token)) continue;
        follow(next, current.pc[i]! + 1, 0, current.focusStart[i]!, current.focusEnd[i]!, current.start[i]!, position + 1);
      }
    }
    const swap = current;
    current = next;
    next = swap;
  }
  current.count = 0;
  return results ? [...results.values()] : [];
}

/** The longest match of a program that starts at token `start`, if any. */
export function runProgram(program: Program, tokens: readonly Token[], start: number, excluded: Uint8Array | undefined): ProgramMatch | undefined {
  return scanProgram(program, tokens, excluded, start)[0];
}
