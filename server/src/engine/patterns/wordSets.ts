/**
 * A pack's word sets (`@name`): checked for unknown names, cycles, depth and
 * size before any pattern uses them, then handed to the compiler with their
 * members parsed.
 */
import { setReferences, type PatternNode } from './parsePattern';
import { alternativesCost, describeExcess, patternCost, PATTERN_LIMITS, SINGLE_WORD_COST, type PatternCost } from './patternCost';

/** One parsed member of a word set, with its index in the pack's list. */
export interface SetMember {
  readonly tree: PatternNode;
  readonly index: number;
}

/** Why a word set cannot be used. */
export interface SetProblem {
  readonly code: 'unknown-set' | 'set-cycle' | 'set-too-deep' | 'set-too-large';
  /** The set the problem is in; sets that use it are unusable too. */
  readonly setName: string;
  readonly message: string;
  /** Where in the set: the member (its index in the pack) and the column in it, when the problem is a reference. */
  readonly memberIndex?: number;
  readonly column?: number;
}

/** The word sets of one pack, checked, measured and ready to fill into patterns. */
export interface ResolvedSets {
  /** True when the pack defines the set (usable or not). */
  has(name: string): boolean;
  /** The names of all sets the pack defines, in pack order. */
  names(): readonly string[];
  /** The members of a usable set, duplicates removed; undefined for unknown and unusable sets. */
  members(name: string): readonly PatternNode[] | undefined;
  /** The cost of a usable set. */
  cost(name: string): PatternCost;
  /** Why a defined set cannot be used (its own problem or one of a set it uses); undefined when it can. */
  problem(name: string): SetProblem | undefined;
  /** The problems to report at the sets themselves: each cause once. */
  readonly problems: readonly SetProblem[];
}

/**
 * True for a member that is one plain word (`word` or `=word`): the compiler
 * merges all such members of a set into one test, whatever their number.
 */
export function isMergedWordMember(member: PatternNode): member is Extract<PatternNode, { type: 'word' }> {
  return member.type === 'word' && (member.mode === 'forms' || member.mode === 'exact');
}

interface SetReference {
  readonly name: string;
  readonly memberIndex: number;
  readonly column: number;
}

interface Frame {
  readonly name: string;
  readonly references: readonly SetReference[];
  next: number;
}

/**
 * Checks every word set of a pack: each set it names must exist, no set may
 * name itself through others, chains of sets may go only
 * {@link PATTERN_LIMITS.setDepth} deep, and each set, filled in, must stay
 * within the pattern limits. Runs without recursion, so no chain of sets can
 * overflow the stack.
 */
export function resolveWordSets(definitions: ReadonlyMap<string, readonly SetMember[]>): ResolvedSets {
  const members = new Map<string, PatternNode[]>();
  const references = new Map<string, SetReference[]>();
  for (const [name, list] of definitions) {
    const unique = withoutDuplicates(list);
    members.set(
      name,
      unique.map((member) => member.tree),
    );
    references.set(
      name,
      // A plain word names no set: most members of a large set are one.
      unique.flatMap((member) =>
        isMergedWordMember(member.tree)
          ? []
          : setReferences(member.tree).map((ref) => ({ name: ref.name, memberIndex: member.index, column: ref.column })),
      ),
    );
  }

  const problems: SetProblem[] = [];
  const problemOf = new Map<string, SetProblem>();
  const costs = new Map<string, PatternCost>();
  const depths = new Map<string, number>();
  const state = new Map<string, 'visiting' | 'done'>();
  const fail = (problem: SetProblem, name = problem.setName): void => {
    if (problemOf.has(name)) return;
    problemOf.set(name, problem);
    if (name === problem.setName) problems.push(problem);
  };

  const finish = (name: string): void => {
    state.set(name, 'done');
    if (problemOf.has(name)) return;
    let depth = 1;
    for (const ref of references.get(name)!) {
      const inherited = problemOf.get(ref.name);
      if (inherited) return fail(inherited, name);
      depth = Math.max(depth, depths.get(ref.name)! + 1);
    }
    depths.set(name, depth);
    if (depth > PATTERN_LIMITS.setDepth) {
      const deepest = references.get(name)!.find((ref) => depths.get(ref.name)! + 1 === depth)!;
      return fail({
        code: 'set-too-deep',
        setName: name,
        message: `word set \`@${name}\` names word sets ${depth} levels deep (through \`@${deepest.name}\`); at most ${PATTERN_LIMITS.setDepth} levels are allowed`,
        memberIndex: deepest.memberIndex,
        column: deepest.column,
      });
    }
    const cost = setCost(members.get(name)!, (ref) => costs.get(ref)!);
    const excess = describeExcess(`word set \`@${name}\``, cost);
    if (excess) return fail({ code: 'set-too-large', setName: name, message: excess });
    costs.set(name, cost);
  };

  for (const root of definitions.keys()) {
    if (state.has(root)) continue;
    const stack: Frame[] = [{ name: root, references: references.get(root)!, next: 0 }];
    state.set(root, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next === frame.references.length || problemOf.has(frame.name)) {
        stack.pop();
        finish(frame.name);
        continue;
      }
      const ref = frame.references[frame.next++]!;
      const where = { memberIndex: ref.memberIndex, column: ref.column };
      if (!definitions.has(ref.name)) {
        fail({ code: 'unknown-set', setName: frame.name, message: `unknown word set \`@${ref.name}\``, ...where });
      } else if (state.get(ref.name) === 'visiting') {
        // Every set on the loop is unusable; the problem is reported once, where the loop closes.
        const loop = stack.slice(stack.findIndex((open) => open.name === ref.name)).map((open) => open.name);
        const problem: SetProblem = {
          code: 'set-cycle',
          setName: frame.name,
          message: `word set \`@${ref.name}\` refers to itself (${[...loop, ref.name].join(' -> ')})`,
          ...where,
        };
        fail(problem);
        for (const name of loop) fail(problem, name);
      } else if (!state.has(ref.name)) {
        state.set(ref.name, 'visiting');
        stack.push({ name: ref.name, references: references.get(ref.name)!, next: 0 });
      }
    }
  }

  return {
    has: (name) => definitions.has(name),
    names: () => [...definitions.keys()],
    members: (name) => (problemOf.has(name) ? undefined : members.get(name)),
    cost: (name) => costs.get(name)!,
    problem: (name) => problemOf.get(name),
    problems,
  };
}

/** A set as the compiler builds it: its plain-word members merged into one test, the others as alternatives. */
function setCost(members: readonly PatternNode[], lookup: (name: string) => PatternCost): PatternCost {
  const options: PatternCost[] = [];
  if (members.some(isMergedWordMember)) options.push(SINGLE_WORD_COST);
  for (const member of members) if (!isMergedWordMember(member)) options.push(patternCost(member, lookup));
  return options.length === 0 ? SINGLE_WORD_COST : alternativesCost(options);
}

/** Members that match exactly what an earlier member matches are dropped (plain words are merged anyway). */
/** A stable name per word-list node, so the key below tells lists apart by identity (equal lists merely stay twice). */
const wordListIds = new WeakMap<ReadonlySet<string>, number>();
let nextWordListId = 0;

function withoutDuplicates(list: readonly SetMember[]): SetMember[] {
  const seen = new Set<string>();
  return list.filter((member) => {
    if (isMergedWordMember(member.tree)) return true;
    const key = JSON.stringify(member.tree, (field, value: unknown) => {
      if (field === 'column') return undefined;
      if (value instanceof Set) {
        if (!wordListIds.has(value)) wordListIds.set(value, nextWordListId++);
        return `words#${wordListIds.get(value)}`;
      }
      return value;
    });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
