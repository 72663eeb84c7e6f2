/**
 * The pattern limits and what each pattern costs the matcher, measured from
 * its tree, so a pack whose patterns would make checking slow is refused at
 * load time at the offending line.
 */
import type { PatternNode } from './parsePattern';

/**
 * What a pattern costs the matcher, worked out from its tree (word sets
 * filled in) without building its automaton, so a pack can be refused at
 * load time, at the offending line, before any document pays for it.
 *
 * The matcher (runProgram.ts) keeps at most two threads per token-consuming
 * instruction and, for each thread, tries the instructions its epsilon
 * closure reaches. In the automaton's terms (a Glushkov automaton: one
 * position per token-consuming instruction) those closures are the `first`
 * positions for the start and the follow positions of each position, so the
 * work per token of text is at most
 * 1 + {@link MATCHER_STEPS_PER_TRANSITION} × {@link transitionCount}.
 */
export interface PatternCost {
  /** Instructions the pattern compiles to. */
  readonly instructions: number;
  /** Positions (tests and gap slots) a match can begin with. */
  readonly first: number;
  /** Positions a match can end with. */
  readonly last: number;
  /** True when the pattern can match no words at all. */
  readonly nullable: boolean;
  /** Pairs of positions that can follow each other directly. */
  readonly follows: number;
  /** The most words the gaps (`*N`) along one path through the pattern can skip together. */
  readonly gapWords: number;
}

/**
 * Limits that bound the work of matching one pattern against one word of
 * text. They are far above what real patterns need: the built-in pack's
 * largest patterns have 861 transitions, 258 instructions and 15 gap words;
 * a word set of 3,000 two-word names is still allowed.
 */
export const PATTERN_LIMITS = {
  /** The most words the gaps along one path may skip together. */
  gapWords: 100,
  /** The most transitions (see {@link transitionCount}) one pattern or word set may have. */
  transitions: 10_000,
  /** The most instructions one pattern or word set may compile to. */
  instructions: 50_000,
  /** The deepest a chain of word sets naming word sets may go. */
  setDepth: 20,
} as const;

/**
 * A bound on the matcher's steps per token of text per transition: each
 * position has at most two threads (inside a gap's reach or not), and each
 * thread may try each follow position in both of those states. A scan adds
 * one step per token it passes, so one scan of one pattern over n tokens
 * takes at most (1 + 4 × transitions) × n steps.
 */
export const MATCHER_STEPS_PER_TRANSITION = 4;

/** The transitions of the automaton: into a first position, between positions, and out of a last one. */
export function transitionCount(cost: PatternCost): number {
  return cost.first + cost.follows + cost.last;
}

/** The cost of a plain word, and of a word set made only of plain words (one merged test). */
export const SINGLE_WORD_COST: PatternCost = { instructions: 1, first: 1, last: 1, nullable: false, follows: 0, gapWords: 0 };

const EMPTY_COST: PatternCost = { instructions: 0, first: 0, last: 0, nullable: true, follows: 0, gapWords: 0 };

/** Looks up the cost of a word set that was already measured. */
export type SetCostLookup = (name: string) => PatternCost;

/** The cost of a parsed pattern; set references are looked up, not walked. */
export function patternCost(node: PatternNode, setCost: SetCostLookup): PatternCost {
  switch (node.type) {
    case 'word':
    case 'words':
      return SINGLE_WORD_COST;
    case 'gap':
      // A gap compiles to a marker and `max` slots, each after a split: the slots follow each other in a chain.
      return { instructions: 1 + 2 * node.max, first: 1, last: node.max, nullable: true, follows: node.max - 1, gapWords: node.max };
    case 'sequence':
      return node.items.reduce((cost, item) => sequenceCost(cost, patternCost(item, setCost)), EMPTY_COST);
    case 'alternatives':
      return alternativesCost(node.options.map((option) => patternCost(option, setCost)));
    case 'optional': {
      const body = patternCost(node.body, setCost);
      return { ...body, instructions: body.instructions + 1, nullable: true };
    }
    case 'focus': {
      const body = patternCost(node.body, setCost);
      return { ...body, instructions: body.instructions + 2 };
    }
    case 'set':
      return setCost(node.name);
  }
}

/** `a` then `b`: every last position of `a` is followed by every first position of `b`. */
function sequenceCost(a: PatternCost, b: PatternCost): PatternCost {
  return {
    instructions: a.instructions + b.instructions,
    first: a.first + (a.nullable ? b.first : 0),
    last: b.last + (b.nullable ? a.last : 0),
    nullable: a.nullable && b.nullable,
    follows: a.follows + b.follows + a.last * b.first,
    gapWords: a.gapWords + b.gapWords,
  };
}

/** One of several branches, compiled as a chain of splits with a jump after every branch but the last. */
export function alternativesCost(options: readonly PatternCost[]): PatternCost {
  if (options.length === 1) return options[0]!;
  let instructions = 2 * (options.length - 1);
  let first = 0;
  let last = 0;
  let follows = 0;
  let gapWords = 0;
  let nullable = false;
  for (const option of options) {
    instructions += option.instructions;
    first += option.first;
    last += option.last;
    follows += option.follows;
    gapWords = Math.max(gapWords, option.gapWords);
    nullable ||= option.nullable;
  }
  return { instructions, first, last, nullable, follows, gapWords };
}

/**
 * Why a pattern or word set (`what`, e.g. "pattern `a *9 b`") is too costly to
 * run, in words a pack author can act on; undefined when it is within every
 * limit.
 */
export function describeExcess(what: string, cost: PatternCost): string | undefined {
  if (cost.gapWords > PATTERN_LIMITS.gapWords) {
    return `${what} lets its gaps skip up to ${cost.gapWords} words in one match (word sets included); at most ${PATTERN_LIMITS.gapWords} are allowed. Use fewer or smaller \`*N\` gaps`;
  }
  const transitions = transitionCount(cost);
  if (transitions > PATTERN_LIMITS.transitions || cost.instructions > PATTERN_LIMITS.instructions) {
    const size = transitions > PATTERN_LIMITS.transitions ? `${transitions} word-to-word steps` : `${cost.instructions} instructions`;
    const limit =
      transitions > PATTERN_LIMITS.transitions ? `${PATTERN_LIMITS.transitions} steps` : `${PATTERN_LIMITS.instructions} instructions`;
    return `${what} is too large to match quickly: with its word sets filled in it has ${size}, more than the limit of ${limit}. Split it into several patterns or use smaller word sets`;
  }
  return undefined;
}
