import { wordForms } from '../morphology/wordForms';
import type { PatternNode } from './parsePattern';
import { requiredWords } from './requiredWords';

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
 * start position ends after at most `maxLength` tokens.
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
  /** Most tokens a match can span. */
  readonly maxLength: number;
  /** Key sets every match must hit (see requiredWords). */
  readonly required: readonly ReadonlySet<string>[];
}

/** Looks a word set up by name; returns its members as parsed patterns. */
export type SetResolver = (name: string) => readonly PatternNode[] | undefined;

/** Thrown when a pattern refers to a word set that does not exist or refers to itself. */
export class SetReferenceError extends Error {
  constructor(message: string, readonly setName: string) {
    super(message);
  }
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

/** Word sets whose references (transitively) were checked already. */
const checkedSets = new WeakSet<readonly PatternNode[]>();

/** Throws SetReferenceError for a reference to an unknown set or a set that refers to itself. */
function checkSetReferences(node: PatternNode, resolveSet: SetResolver, stack: readonly string[] = []): void {
  switch (node.type) {
    case 'set': {
      if (stack.includes(node.name)) {
        throw new SetReferenceError(`word set \`@${node.name}\` refers to itself (${[...stack, node.name].join(' -> ')})`, node.name);
      }
      const members = resolveSet(node.name);
      if (!members) throw new SetReferenceError(`unknown word set \`@${node.name}\``, node.name);
      if (checkedSets.has(members)) return;
      for (const member of members) checkSetReferences(member, resolveSet, [...stack, node.name]);
      checkedSets.add(members);
      return;
    }
    case 'sequence':
      node.items.forEach((item) => checkSetReferences(item, resolveSet, stack));
      return;
    case 'alternatives':
      node.options.forEach((option) => checkSetReferences(option, resolveSet, stack));
      return;
    case 'optional':
    case 'focus':
      checkSetReferences(node.body, resolveSet, stack);
      return;
    default:
      return;
  }
}

/**
 * Compiles a parsed pattern, inlining word sets. Set references are checked
 * and the words a match requires are worked out at once (the matcher's index
 * needs them); the automaton itself is built the first time it runs, so a pack
 * of many thousand rules loads quickly and pays only for the rules its
 * documents wake up.
 */
export function compileProgram(tree: PatternNode, resolveSet: SetResolver): Program {
  checkSetReferences(tree, resolveSet);
  const required = requiredWords(tree, resolveSet);
  let built: Omit<Program, 'required'> | undefined;
  const build = (): Omit<Program, 'required'> => (built ??= buildAutomaton(tree, resolveSet));
  return {
    get instructions() {
      return build().instructions;
    },
    get firstTests() {
      return build().firstTests;
    },
    get firstKeys() {
      return build().firstKeys;
    },
    get maxLength() {
      return build().maxLength;
    },
    required,
  };
}

function buildAutomaton(tree: PatternNode, resolveSet: SetResolver): Omit<Program, 'required'> {
  const code: MutableInstruction[] = [];
  const setStack: string[] = [];
  let maxLength = 0;

  const emit = (instruction: MutableInstruction): number => code.push(instruction) - 1;

  /** Emits code for a node and returns the longest run of tokens it can consume. */
  const gen = (node: PatternNode, inSet: boolean): number => {
    switch (node.type) {
      case 'word':
        emit({ op: 'test', test: wordTest(node), inSet });
        return 1;
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
        return node.max;
      }
      case 'sequence':
        return node.items.reduce((sum, item) => sum + gen(item, inSet), 0);
      case 'optional': {
        const split = emit({ op: 'split' });
        const length = gen(node.body, inSet);
        code[split]!.next = split + 1;
        code[split]!.alt = code.length;
        return length;
      }
      case 'focus': {
        emit({ op: 'focus-start' });
        const length = gen(node.body, inSet);
        emit({ op: 'focus-end' });
        return length;
      }
      case 'alternatives':
        return genAlternatives(node.options, inSet);
      case 'set': {
        if (setStack.includes(node.name)) {
          throw new SetReferenceError(`word set \`@${node.name}\` refers to itself (${[...setStack, node.name].join(' -> ')})`, node.name);
        }
        const members = resolveSet(node.name);
        if (!members) throw new SetReferenceError(`unknown word set \`@${node.name}\``, node.name);
        setStack.push(node.name);
        let merged = mergedSetTests.get(members);
        if (!merged) {
          merged = mergeSingleWords(members);
          mergedSetTests.set(members, merged);
        }
        const options: PatternNode[] = [...merged.rest];
        let length = 0;
        if (merged.test) {
          if (options.length === 0) {
            emit({ op: 'test', test: merged.test, inSet: true });
            setStack.pop();
            return 1;
          }
          length = 1;
        }
        length = Math.max(length, genAlternatives(options, true, merged.test));
        setStack.pop();
        return length;
      }
    }
  };

  /** Emits `split` chains for alternatives; `extraTest` is one more single-token alternative. */
  const genAlternatives = (options: readonly PatternNode[], inSet: boolean, extraTest?: TokenTest): number => {
    const branches: { gen: () => number }[] = options.map((option) => ({ gen: () => gen(option, inSet) }));
    if (extraTest) branches.unshift({ gen: () => (emit({ op: 'test', test: extraTest, inSet: true }), 1) });
    const jumps: number[] = [];
    let longest = 0;
    branches.forEach((branch, index) => {
      const isLast = index === branches.length - 1;
      const split = isLast ? -1 : emit({ op: 'split' });
      longest = Math.max(longest, branch.gen());
      if (!isLast) {
        jumps.push(emit({ op: 'jump' }));
        code[split]!.next = split + 1;
        code[split]!.alt = code.length;
      }
    });
    const end = code.length;
    jumps.forEach((at) => (code[at]!.next = end));
    return longest;
  };

  maxLength = gen(tree, false);
  emit({ op: 'match' });
  const instructions = code as unknown as Instruction[];
  const firstTests = firstTestsOf(instructions);
  const firstKeys = new Set<string>();
  for (const test of firstTests) for (const key of test.keys) firstKeys.add(key);
  return { instructions, firstTests, firstKeys, maxLength };
}

/** Splits set members into one merged test for plain single words and the other members. */
function mergeSingleWords(members: readonly PatternNode[]): { test: TokenTest | undefined; rest: PatternNode[] } {
  const keys = new Set<string>();
  const rest: PatternNode[] = [];
  for (const member of members) {
    if (member.type === 'word' && (member.mode === 'forms' || member.mode === 'exact')) {
      const test = wordTest(member);
      for (const key of test.keys) keys.add(key);
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
