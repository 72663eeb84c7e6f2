/**
 * English inflection for pattern words: every form of a word ("enable":
 * enables, enabled, enabling), the form a verb has in a sentence, and
 * conjugation for fixes. Answers come from a generated table for the
 * built-in packs' words and from compromise, loaded only when needed.
 */
import type nlpType from 'compromise/two';
import { PLURAL_SUBJECT_WORDS } from '../text/englishWords';
import builtinMorphology from './builtinMorphology.generated.json';

/** The grammatical form a surface word has when it is an inflection of a verb. */
export type VerbForm = 'base' | 'third-person' | 'past' | 'participle' | 'gerund';

/** Every surface form of a lemma, lower-cased, with the verb form of each where it is one. */
export interface WordForms {
  readonly lemma: string;
  readonly forms: ReadonlySet<string>;
}

/** What compromise says about a lemma: each form, with its verb form when it is a verb inflection. */
export type ComputedForms = readonly (readonly [form: string, verbForm: VerbForm | null])[];

interface Conjugation {
  Infinitive?: string;
  PastTense?: string;
  PresentTense?: string;
  Gerund?: string;
  Participle?: string;
}

interface CompromiseWorld {
  readonly nlp: typeof nlpType;
  readonly lexicon: Record<string, string | string[]>;
  readonly model: unknown;
  readonly transform: {
    verb: { conjugate(word: string, model: unknown): Conjugation };
    noun: { toPlural(word: string, model: unknown): string };
  };
}

/**
 * The CommonJS `require` of the bundles (esbuild) and of the TypeScript
 * loader the tests run under: compromise is loaded with it on first need.
 */
declare const require: (id: 'compromise/two') => { default?: typeof nlpType } | typeof nlpType;

let world: CompromiseWorld | undefined;

/**
 * compromise, loaded on first use: building its lexicon takes about a quarter
 * of a second, which every CLI run and server start would otherwise pay. The
 * built-in packs' words come from {@link builtinMorphology} instead, so a
 * check with the built-in packs loads it only for what that table cannot
 * answer (the number of a subject before "was"/"were", an unknown verb).
 */
function compromise(): CompromiseWorld {
  if (!world) {
    // Its CommonJS build is the function itself; the ES module (in a bundle) has it as the default export.
    const required = require('compromise/two');
    const nlp = 'default' in required && required.default ? required.default : (required as typeof nlpType);
    const loaded = nlp.world() as unknown as {
      model: { one: { lexicon: Record<string, string | string[]> } };
      methods: { two: { transform: CompromiseWorld['transform'] } };
    };
    world = { nlp, lexicon: loaded.model.one.lexicon, model: loaded.model, transform: loaded.methods.two.transform };
  }
  return world;
}

/** True once compromise has been loaded in this process. */
export function morphologyLibraryLoaded(): boolean {
  return world !== undefined;
}

/**
 * compromise's answers for every word of the built-in packs, generated from
 * compromise itself (`npm run generate`; a unit test fails when it differs
 * from what compromise says now).
 */
const snapshot = builtinMorphology as unknown as {
  readonly forms: Readonly<Record<string, ComputedForms>>;
  readonly conjugations: Readonly<Record<string, string>>;
};

/**
 * Closed-class words never inflect: "on" must not match "ons", "to" must not match "tos".
 * Adjectives do, because so many are verbs too (open, prompt, direct).
 */
const CLOSED_CLASS_TAGS = new Set([
  'Preposition',
  'Determiner',
  'Conjunction',
  'Pronoun',
  'Possessive',
  'Negative',
  'Copula',
  'Modal',
  'QuestionWord',
  'Auxiliary',
]);

/**
 * Morphology compromise worked out, in a form a host can save and hand to a
 * later process (the language server keeps it in the editor's storage), so
 * that the same words never load compromise again.
 */
export interface MorphologyMemo {
  /** Lemma → its forms, as {@link computeWordForms} returns them. */
  readonly forms: Readonly<Record<string, ComputedForms>>;
  /** `lemma + "\u0000" + verb form` → the conjugation, as {@link computeConjugation} returns it. */
  readonly conjugations: Readonly<Record<string, string>>;
}

/** What an earlier process worked out (see {@link rememberMorphology}). */
const remembered = { forms: new Map<string, ComputedForms>(), conjugations: new Map<string, string>() };
/** What compromise worked out in this process, for {@link learnedMorphology}. */
const learned = { forms: new Map<string, ComputedForms>(), conjugations: new Map<string, string>() };

/**
 * Adds answers saved by an earlier process; they are used before compromise
 * is asked. The host vouches that they come from the same compromise (it
 * keys what it saves by the installation).
 */
export function rememberMorphology(memo: MorphologyMemo): void {
  for (const [lemma, forms] of Object.entries(memo.forms)) remembered.forms.set(lemma, forms);
  for (const [key, conjugation] of Object.entries(memo.conjugations)) remembered.conjugations.set(key, conjugation);
}

/** The answers compromise gave in this process (the host saves them for the next one). */
export function learnedMorphology(): MorphologyMemo {
  return { forms: Object.fromEntries(learned.forms), conjugations: Object.fromEntries(learned.conjugations) };
}

const formsCache = new Map<string, WordForms>();
/** Surface form to verb form, for every verb inflection generated so far (used to make fixes agree). */
const verbFormOf = new Map<string, VerbForm>();

function isClosedClass(word: string): boolean {
  const tags = compromise().lexicon[word];
  if (tags === undefined) return word.endsWith('ly');
  return (Array.isArray(tags) ? tags : [tags]).some((tag) => CLOSED_CLASS_TAGS.has(tag));
}

/**
 * All inflections of a word, from compromise's English morphology: the verb
 * conjugations (enable, enables, enabled, enabling) and the noun plural
 * (model, models). Words with digits or punctuation (GPT-4o) and closed-class
 * words (on, to, the) only match themselves.
 */
export function wordForms(word: string): WordForms {
  const lemma = word.toLowerCase();
  const cached = formsCache.get(lemma);
  if (cached) return cached;
  const computed = Object.hasOwn(snapshot.forms, lemma) ? snapshot.forms[lemma]! : (remembered.forms.get(lemma) ?? learnWordForms(lemma));
  const forms = new Set<string>();
  for (const [form, verbForm] of computed) {
    forms.add(form);
    if (verbForm !== null && !verbFormOf.has(form)) verbFormOf.set(form, verbForm);
  }
  const result = { lemma, forms };
  formsCache.set(lemma, result);
  return result;
}

function learnWordForms(lemma: string): ComputedForms {
  const computed = computeWordForms(lemma);
  learned.forms.set(lemma, computed);
  return computed;
}

/** Every lemma `wordForms` was asked about in this process, in order (the generator of the built-in table uses it). */
export function requestedLemmas(): string[] {
  return [...formsCache.keys()];
}

/** What compromise says the forms of a lower-cased lemma are, the lemma first. */
export function computeWordForms(lemma: string): ComputedForms {
  const forms = new Map<string, VerbForm | null>([[lemma, null]]);
  const addVerbForm = (form: string | undefined, kind: VerbForm): void => {
    if (!form || !/^[a-z]+$/.test(form)) return;
    // The first slot that yields a form names it (past before participle); the lemma itself starts unnamed.
    if ((forms.get(form) ?? null) === null) forms.set(form, kind);
  };
  if (/^[a-z]+$/.test(lemma) && !isClosedClass(lemma)) {
    const { transform, model } = compromise();
    const conjugation = transform.verb.conjugate(lemma, model);
    addVerbForm(conjugation.Infinitive, 'base');
    addVerbForm(conjugation.PresentTense, 'third-person');
    addVerbForm(conjugation.PastTense, 'past');
    addVerbForm(conjugation.Participle, 'participle');
    addVerbForm(conjugation.Gerund, 'gerund');
    const plural = transform.noun.toPlural(lemma, model);
    if (plural && /^[a-z]+$/.test(plural) && !forms.has(plural)) forms.set(plural, null);
  }
  return [...forms];
}

/**
 * The verb form of a surface word when it is an inflection of a verb that
 * appears in some loaded pattern, and undefined otherwise. Unlike
 * {@link verbFormOfWord} it never loads compromise, so the sentence reader
 * can ask it about every word of a document.
 */
export function patternVerbForm(word: string): VerbForm | undefined {
  return verbFormOf.get(word);
}

/**
 * The verb form of a surface word, if it is a known inflection of a verb that
 * appears in some loaded pattern, or an -ing / -ed / -s word otherwise.
 */
export function verbFormOfWord(word: string): VerbForm | undefined {
  const lower = word.toLowerCase();
  const known = verbFormOf.get(lower);
  if (known) return known;
  const conjugation = compromise().lexicon[lower];
  const tags = conjugation === undefined ? [] : Array.isArray(conjugation) ? conjugation : [conjugation];
  if (tags.includes('Gerund') || /[a-z]ing$/.test(lower)) return 'gerund';
  if (tags.includes('PastTense') || /[a-z]ed$/.test(lower)) return 'past';
  if (tags.includes('Infinitive')) return 'base';
  return undefined;
}

/** Fix templates have few verbs, so this stays small. */
const conjugations = new Map<string, string>();

/** Conjugates a verb lemma to the given form ("integrate", past -> "integrated"). */
export function conjugate(lemma: string, form: VerbForm): string {
  const key = `${lemma}\u0000${form}`;
  let result = conjugations.get(key);
  if (result === undefined) {
    result = snapshot.conjugations[key] ?? tableConjugation(lemma, form) ?? remembered.conjugations.get(key);
    if (result === undefined) {
      result = computeConjugation(lemma, form);
      learned.conjugations.set(key, result);
    }
    conjugations.set(key, result);
  }
  return result;
}

/**
 * The conjugation of a verb of the built-in table, read from the verb forms
 * its entry names, so that a fix such as "replace: use" conjugates without
 * loading compromise. compromise fills a slot that repeats an earlier form
 * (the past of "hit") or that it leaves empty with the lemma itself, and
 * gives the past for a missing participle; the table's generator checks
 * that this agrees with compromise for every verb of the table and stores
 * the conjugations that would not. `undefined` for a word the table does not
 * hold as a verb.
 */
export function tableConjugation(lemma: string, form: VerbForm): string | undefined {
  const lower = lemma.toLowerCase();
  if (lower === 'be' || !Object.hasOwn(snapshot.forms, lower)) return undefined;
  const computed = snapshot.forms[lower]!;
  if (!computed.some(([, verbForm]) => verbForm !== null)) return undefined;
  const named = (wanted: VerbForm): string | undefined => computed.find(([, verbForm]) => verbForm === wanted)?.[0];
  return named(form) ?? (form === 'participle' ? named('past') : undefined) ?? lower;
}

/** What compromise says `lemma` is in `form`. */
export function computeConjugation(lemma: string, form: VerbForm): string {
  const lower = lemma.toLowerCase();
  if (lower === 'be') {
    return { base: 'be', 'third-person': 'is', past: 'was', participle: 'been', gerund: 'being' }[form];
  }
  const { transform, model } = compromise();
  const conjugation = transform.verb.conjugate(lower, model);
  switch (form) {
    case 'base':
      return conjugation.Infinitive ?? lower;
    case 'third-person':
      return conjugation.PresentTense ?? lower;
    case 'past':
      return conjugation.PastTense ?? lower;
    case 'participle':
      return conjugation.Participle ?? conjugation.PastTense ?? lower;
    case 'gerund':
      return conjugation.Gerund ?? lower;
  }
}

const plurality = new Map<string, boolean>();

/** True when compromise reads the word as a plural noun or a plural pronoun. */
export function isPluralSubject(word: string): boolean {
  const lower = word.toLowerCase();
  if (PLURAL_SUBJECT_WORDS.has(lower)) return true;
  let plural = plurality.get(lower);
  if (plural === undefined) {
    const doc = compromise().nlp(word);
    plural = doc.has('#Plural') && !doc.has('#Singular');
    if (plurality.size < 10_000) plurality.set(lower, plural);
  }
  return plural;
}

const verbReading = new Map<string, boolean>();

/**
 * True when compromise reads the word, on its own, as a verb ("tries",
 * "deploys", "run"), false for a noun or a name ("Bedrock", "customers").
 * Unlike {@link verbFormOfWord}, which gives every pack word its verb forms
 * ("bedrock" would be a base form), this is what the word usually is.
 */
export function readsAsVerb(word: string): boolean {
  const lower = word.toLowerCase();
  let verb = verbReading.get(lower);
  if (verb === undefined) {
    verb = compromise().nlp(lower).has('#Verb');
    if (verbReading.size < 10_000) verbReading.set(lower, verb);
  }
  return verb;
}
