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
  if (!test.keys.has(token.lower)) return false;
  if (test.exactText !== undefined && token.text !== test.exactText) return false;
  if (test.refusedText !== undefined && token.text === test.refusedText) return false;
  return true;
}

interface Thread {
  pc: number;
  loose: boolean;
  focusStart: number;
  focusEnd: number;
}

/**
 * Runs a program from token `start` and returns its longest match there.
 * Threads advance in lock-step (a Pike VM without captures beyond the focus),
 * so the cost is at most program size times `program.maxLength` tokens.
 *
 * `excluded[i]` marks tokens inside approved phrases: word-set members are
 * not allowed to match them.
 */
export function runProgram(
  program: Program,
  tokens: readonly Token[],
  start: number,
  excluded: Uint8Array | undefined,
): ProgramMatch | undefined {
  const code = program.instructions;
  let best: ProgramMatch | undefined;
  let current: Thread[] = [];
  let seen = new Set<number>();

  const add = (list: Thread[], pc: number, loose: boolean, focusStart: number, focusEnd: number, position: number): void => {
    for (;;) {
      const key = pc * 2 + (loose ? 1 : 0);
      if (seen.has(key)) return;
      seen.add(key);
      const instruction = code[pc]!;
      switch (instruction.op) {
        case 'jump':
          pc = instruction.next;
          continue;
        case 'split':
          add(list, instruction.next, loose, focusStart, focusEnd, position);
          pc = instruction.alt;
          continue;
        case 'loose':
          loose = true;
          pc++;
          continue;
        case 'focus-start':
          focusStart = position;
          pc++;
          continue;
        case 'focus-end':
          focusEnd = position;
          pc++;
          continue;
        case 'match':
          if (position > start && (!best || position > best.end)) {
            best = {
              start,
              end: position,
              focusStart: focusStart >= 0 ? focusStart : start,
              focusEnd: focusEnd >= 0 ? focusEnd : position,
            };
          }
          return;
        default:
          list.push({ pc, loose, focusStart, focusEnd });
          return;
      }
    }
  };

  add(current, 0, true, -1, -1, start);
  for (let position = start; position < tokens.length && current.length > 0; position++) {
    const token = tokens[position]!;
    const next: Thread[] = [];
    seen = new Set<number>();
    for (const thread of current) {
      const instruction = code[thread.pc]!;
      if (instruction.op === 'any') {
        add(next, thread.pc + 1, true, thread.focusStart, thread.focusEnd, position + 1);
      } else if (instruction.op === 'test') {
        if (token.punctBefore && !thread.loose && position > start) continue;
        if (instruction.inSet && excluded !== undefined && excluded[position] === 1) continue;
        if (!passesTest(instruction.test, token)) continue;
        add(next, thread.pc + 1, false, thread.focusStart, thread.focusEnd, position + 1);
      }
    }
    current = next;
  }
  return best;
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
function nextGeneration(count: number): number {
  if (generationCounter + count >= 0x7fffffff) {
    // Start again from zero, with fresh marks that hold none of the old numbers.
    generationCounter = 0;
    marksByProgram = new WeakMap();
  }
  const first = generationCounter;
  generationCounter += count;
  return first;
}

interface ScanThread {
  readonly pc: number;
  readonly loose: boolean;
  readonly focusStart: number;
  readonly focusEnd: number;
  readonly start: number;
}

/**
 * Finds the matches of a program that start at the positions `isStart`
 * accepts, in one left-to-right pass (an unanchored Pike VM). Threads that
 * reach the same instruction are merged, keeping the one that started
 * earliest, so the cost is at most (program size × tokens) however many
 * starts there are; for each start the longest match is reported.
 */
export function scanProgram(
  program: Program,
  tokens: readonly Token[],
  from: number,
  isStart: (position: number) => boolean,
  excluded: Uint8Array | undefined,
): ProgramMatch[] {
  const code = program.instructions;
  const marks = marksFor(program);
  const bestEnd = new Map<number, ProgramMatch>();
  let generation = nextGeneration(tokens.length + 2) + from;

  const add = (list: ScanThread[], pc: number, loose: boolean, focusStart: number, focusEnd: number, start: number, position: number): void => {
    for (;;) {
      const key = pc * 2 + (loose ? 1 : 0);
      if (marks[key] === generation) return;
      marks[key] = generation;
      const instruction = code[pc]!;
      switch (instruction.op) {
        case 'jump':
          pc = instruction.next;
          continue;
        case 'split':
          add(list, instruction.next, loose, focusStart, focusEnd, start, position);
          pc = instruction.alt;
          continue;
        case 'loose':
          loose = true;
          pc++;
          continue;
        case 'focus-start':
          focusStart = position;
          pc++;
          continue;
        case 'focus-end':
          focusEnd = position;
          pc++;
          continue;
        case 'match': {
          const previous = bestEnd.get(start);
          if (position > start && (!previous || position > previous.end)) {
            bestEnd.set(start, {
              start,
              end: position,
              focusStart: focusStart >= 0 ? focusStart : start,
              focusEnd: focusEnd >= 0 ? focusEnd : position,
            });
          }
          return;
        }
        default:
          list.push({ pc, loose, focusStart, focusEnd, start });
          return;
      }
    }
  };

  let current: ScanThread[] = [];
  const base = generation - from;
  for (let position = from; position < tokens.length; position++) {
    generation = base + position;
    if (isStart(position)) add(current, 0, true, -1, -1, position, position);
    if (current.length === 0) continue;
    const token = tokens[position]!;
    const next: ScanThread[] = [];
    generation = base + position + 1;
    for (const thread of current) {
      const instruction = code[thread.pc]!;
      if (instruction.op === 'any') {
        add(next, thread.pc + 1, true, thread.focusStart, thread.focusEnd, thread.start, position + 1);
      } else if (instruction.op === 'test') {
        if (token.punctBefore && !thread.loose && position > thread.start) continue;
        if (instruction.inSet && excluded !== undefined && excluded[position] === 1) continue;
        if (!passesTest(instruction.test, token)) continue;
        add(next, thread.pc + 1, false, thread.focusStart, thread.focusEnd, thread.start, position + 1);
      }
    }
    current = next;
  }
  return [...bestEnd.values()];
}
