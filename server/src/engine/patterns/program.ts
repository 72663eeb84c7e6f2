/**
 * The pattern compiler: turns a parsed pattern (word sets filled in) into the
 * small automaton runProgram.ts runs over a sentence's tokens, with the
 * words every match needs for the rule index.
 */
import { wordForms } from '../morphology/wordForms';
import type { PatternNode, SetResolver } from './parsePattern';
import { requiredWords } from './requiredWords';
import { isMergedWordMember } from './wordSets';

/**
 * A test one instruction applies to one token. `keys` are the lower-cased
 * words the test can accept (the matcher's index is built from them);
 * `caseSensitive` and `miscased` further constrain the written form.
 */
export interface TokenTest {
  readonly keys: ReadonlySet<string>;
  /** For `^Word`: the exact written form required. */
  readonly exactText?: string;
  /** For `~Word`: the one written form that is NOT accepted. */
  readonly refusedText?: string;
}

/**
 * A compiled pattern: a small non-deterministic automaton over tokens
 * (Thompson construction). There are no backward jumps, so a run from one
 * start position ends after a bounded number of tokens.
 */
export type Instruction =
  | { readonly op: 'test'; readonly test: TokenTest; readonly inSet: boolean }
  | { readonly op: 'any' }
  | { readonly op: 'loose' }
  | { readonly op: 'split'; readonly next: number; readonly alt: number }
  | { readonly op: 'jump'; readonly next: number }
  | { readonly op: 'focus-start' }
  | { readonly op: 'focus-end' }
  | { readonly op: 'match' };

export interface Program {
  readonly instructions: readonly Instruction[];
  /** The tests that can consume the first token of a match. */
  readonly firstTests: readonly TokenTest[];
  /** Every key of `firstTests`: a token whose lower-cased text is not here cannot start a match. */
  readonly firstKeys: ReadonlySet<string>;
  /** Key sets every match must hit (see requiredWords). */
  readonly required: readonly ReadonlySet<string>[];
}

type MutableInstruction = { op: Instruction['op']; test?: TokenTest; inSet?: boolean; next?: number; alt?: number };

/** Merged single-word members of a set, shared by every reference to the set. */
const mergedSetTests = new WeakMap<readonly PatternNode[], { test: TokenTest | undefined; rest: PatternNode[] }>();

function wordTest(node: Extract<PatternNode, { type: 'word' }>): TokenTest {
  const lower = node.text.toLowerCase();
  switch (node.mode) {
    case 'forms':
      return { keys: wordForms(lower).forms };
    case 'exact':
      return { keys: new Set([lower]) };
    case 'case':
      return { keys: new Set([lower]), exactText: node.text };
    case 'miscase':
      return { keys: new Set([lower]), refusedText: node.text };
  }
}

/**
 * Compiles a parsed pattern, inlining word sets. Every set it names must
 * resolve, and the sets must be free of cycles and measured against the
 * pattern limits (see wordSets.ts and patternCost.ts): the compiler trusts
 * them. The words a match requires are worked out at once (the matcher's
 * index needs them); the automaton itself is built the first time it runs, so
 * a pack of many thousand rules loads quickly and pays only for the rules its
 * documents wake up.
 */
export function compileProgram(tree: PatternNode, resolveSet: SetResolver): Program {
  return new LazyProgram(tree, resolveSet, requiredWords(tree, resolveSet));
}

/**
 * A program whose automaton is built on first use. A class rather than an
 * object literal with getters: V8 stores such a literal's properties in a
 * dictionary of its own (a few hundred bytes each), which a pack of ten
 * thousand rules pays for in memory and garbage collection when it loads.
 */
class LazyProgram implements Program {
  private built: Omit<Program, 'required'> | undefined;

  constructor(
    private readonly tree: PatternNode,
    private readonly resolveSet: SetResolver,
    readonly required: readonly ReadonlySet<string>[],
  ) {}

  private build(): Omit<Program, 'required'> {
    return (this.built ??= buildAutomaton(this.tree, this.resolveSet));
  }

  get instructions(): readonly Instruction[] {
    return this.build().instructions;
  }

  get firstTests(): readonly TokenTest[] {
    return this.build().firstTests;
  }

  get firstKeys(): ReadonlySet<string> {
    return this.build().firstKeys;
  }
}

function buildAutomaton(tree: PatternNode, resolveSet: SetResolver): Omit<Program, 'required'> {
  const code: MutableInstruction[] = [];
  const emit = (instruction: MutableInstruction): number => code.push(instruction) - 1;

  /** Emits code for a node (set references were checked before compileProgram). */
  const gen = (node: PatternNode, inSet: boolean): void => {
    switch (node.type) {
      case 'word':
        emit({ op: 'test', test: wordTest(node), inSet });
        return;
      case 'words':
        emit({ op: 'test', test: { keys: node.keys }, inSet });
        return;
      case 'gap': {
        emit({ op: 'loose' });
        const splits: number[] = [];
        for (let i = 0; i < node.max; i++) {
          splits.push(emit({ op: 'split' }));
          emit({ op: 'any' });
        }
        const end = code.length;
        splits.forEach((at) => {
          code[at]!.next = at + 1;
          code[at]!.alt = end;
        });
        return;
      }
      case 'sequence':
        node.items.forEach((item) => gen(item, inSet));
        return;
      case 'optional': {
        const split = emit({ op: 'split' });
        gen(node.body, inSet);
        code[split]!.next = split + 1;
        code[split]!.alt = code.length;
        return;
      }
      case 'focus':
        emit({ op: 'focus-start' });
        gen(node.body, inSet);
        emit({ op: 'focus-end' });
        return;
      case 'alternatives':
        genAlternatives(node.options, inSet);
        return;
      case 'set': {
        const members = resolveSet(node.name)!;
        let merged = mergedSetTests.get(members);
        if (!merged) {
          merged = mergeSingleWords(members);
          mergedSetTests.set(members, merged);
        }
        if (merged.test && merged.rest.length === 0) emit({ op: 'test', test: merged.test, inSet: true });
        else genAlternatives(merged.rest, true, merged.test);
        return;
      }
    }
  };

  /** Emits `split` chains for alternatives; `extraTest` is one more single-token alternative. */
  const genAlternatives = (options: readonly PatternNode[], inSet: boolean, extraTest?: TokenTest): void => {
    const branches: (() => void)[] = options.map((option) => () => gen(option, inSet));
    if (extraTest) branches.unshift(() => emit({ op: 'test', test: extraTest, inSet: true }));
    const jumps: number[] = [];
    branches.forEach((branch, index) => {
      const isLast = index === branches.length - 1;
      const split = isLast ? -1 : emit({ op: 'split' });
      branch();
      if (!isLast) {
        jumps.push(emit({ op: 'jump' }));
        code[split]!.next = split + 1;
        code[split]!.alt = code.length;
      }
    });
    const end = code.length;
    jumps.forEach((at) => (code[at]!.next = end));
  };

  gen(tree, false);
  emit({ op: 'match' });
  const instructions = code as unknown as Instruction[];
  const firstTests = firstTestsOf(instructions);
  const firstKeys = new Set<string>();
  for (const test of firstTests) for (const key of test.keys) firstKeys.add(key);
  return { instructions, firstTests, firstKeys };
}

/** Splits set members into one merged test for plain single words and the other members. */
function mergeSingleWords(members: readonly PatternNode[]): { test: TokenTest | undefined; rest: PatternNode[] } {
  // A class of many words arrives as one node: its keys are the test as they are, not copied.
  if (members.length === 1 && members[0]!.type === 'words') return { test: { keys: members[0].keys }, rest: [] };
  const keys = new Set<string>();
  const rest: PatternNode[] = [];
  for (const member of members) {
    if (isMergedWordMember(member)) {
      const test = wordTest(member);
      for (const key of test.keys) keys.add(key);
    } else if (member.type === 'words') {
      for (const key of member.keys) keys.add(key);
    } else {
      rest.push(member);
    }
  }
  return { test: keys.size > 0 ? { keys } : undefined, rest };
}

/** The tests reachable from the start without consuming a token (the matcher's index keys). */
function firstTestsOf(instructions: readonly Instruction[]): TokenTest[] {
  const tests: TokenTest[] = [];
  const seen = new Set<number>();
  const visit = (pc: number): void => {
    if (seen.has(pc)) return;
    seen.add(pc);
    const instruction = instructions[pc]!;
    switch (instruction.op) {
      case 'test':
        tests.push(instruction.test);
        break;
      case 'split':
        visit(instruction.next);
        visit(instruction.alt);
        break;
      case 'jump':
        visit(instruction.next);
        break;
      case 'loose':
      case 'focus-start':
      case 'focus-end':
        visit(pc + 1);
        break;
      default:
        break;
    }
  };
  visit(0);
  return tests;
}
