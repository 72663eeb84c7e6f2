import nlp from 'compromise/two';

/** The grammatical form a surface word has when it is an inflection of a verb. */
export type VerbForm = 'base' | 'third-person' | 'past' | 'participle' | 'gerund';

/** Every surface form of a lemma, lower-cased, with the verb form of each where it is one. */
export interface WordForms {
  readonly lemma: string;
  readonly forms: ReadonlySet<string>;
}

interface Conjugation {
  Infinitive?: string;
  PastTense?: string;
  PresentTense?: string;
  Gerund?: string;
  Participle?: string;
}

const world = nlp.world() as unknown as {
  model: { one: { lexicon: Record<string, string | string[]> } };
  methods: {
    two: {
      transform: {
        verb: { conjugate(word: string, model: unknown): Conjugation };
        noun: { toPlural(word: string, model: unknown): string };
      };
    };
  };
};
const transform = world.methods.two.transform;
const lexicon = world.model.one.lexicon;

/**
 * Closed-class words never inflect: "on" must not match "ons", "to" must not match "tos".
 * Adjectives do, because so many are verbs too (open, prompt, direct).
 */
const CLOSED_CLASS_TAGS = new Set([
  'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Possessive', 'Negative', 'Copula', 'Modal',
  'QuestionWord', 'Auxiliary',
]);

const formsCache = new Map<string, WordForms>();
/** Surface form to verb form, for every verb inflection generated so far (used to make fixes agree). */
const verbFormOf = new Map<string, VerbForm>();

function isClosedClass(word: string): boolean {
  const tags = lexicon[word];
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
  const forms = new Set<string>([lemma]);
  if (/^[a-z]+$/.test(lemma) && !isClosedClass(lemma)) {
    const conjugation = transform.verb.conjugate(lemma, world.model);
    addVerbForm(forms, conjugation.Infinitive, 'base');
    addVerbForm(forms, conjugation.PresentTense, 'third-person');
    addVerbForm(forms, conjugation.PastTense, 'past');
    addVerbForm(forms, conjugation.Participle, 'participle');
    addVerbForm(forms, conjugation.Gerund, 'gerund');
    const plural = transform.noun.toPlural(lemma, world.model);
    if (plural && /^[a-z]+$/.test(plural)) forms.add(plural);
  }
  const result = { lemma, forms };
  formsCache.set(lemma, result);
  return result;
}

function addVerbForm(forms: Set<string>, form: string | undefined, kind: VerbForm): void {
  if (!form || !/^[a-z]+$/.test(form)) return;
  forms.add(form);
  if (!verbFormOf.has(form)) verbFormOf.set(form, kind);
}

/**
 * The verb form of a surface word, if it is a known inflection of a verb that
 * appears in some loaded pattern, or an -ing / -ed / -s word otherwise.
 */
export function verbFormOfWord(word: string): VerbForm | undefined {
  const lower = word.toLowerCase();
  const known = verbFormOf.get(lower);
  if (known) return known;
  const conjugation = lexicon[lower];
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
    result = conjugateUncached(lemma, form);
    conjugations.set(key, result);
  }
  return result;
}

function conjugateUncached(lemma: string, form: VerbForm): string {
  const lower = lemma.toLowerCase();
  if (lower === 'be') {
    return { base: 'be', 'third-person': 'is', past: 'was', participle: 'been', gerund: 'being' }[form];
  }
  const conjugation = transform.verb.conjugate(lower, world.model);
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
  if (['we', 'they', 'you', 'these', 'those', 'both', 'many', 'all'].includes(lower)) return true;
  let plural = plurality.get(lower);
  if (plural === undefined) {
    const doc = nlp(word);
    plural = doc.has('#Plural') && !doc.has('#Singular');
    if (plurality.size < 10_000) plurality.set(lower, plural);
  }
  return plural;
}
