/**
 * The English word lists the engine reads sentences with: negators, clause
 * words, modals and auxiliaries, pronouns, determiners, abbreviations and
 * everyday words. Each list is lower case, as tokens' `lower` text is, and
 * says what it is for; lists of our products' words stay with their readers.
 */

/** Every list by its exported name, as written, so the lists' own test can check case, duplicates and overlaps. */
const LISTS_AS_WRITTEN = new Map<string, readonly string[]>();

/** A list of space-separated words, recorded under its exported name. */
function wordList(name: string, words: string): readonly string[] {
  const list = words.trim().split(/\s+/);
  LISTS_AS_WRITTEN.set(name, list);
  return list;
}

/** A set of space-separated words, recorded under its exported name. */
function wordSet(name: string, words: string): ReadonlySet<string> {
  return new Set(wordList(name, words));
}

/** Every list of this module by its exported name, each as written (duplicates would show here, not in the sets). */
export const ENGLISH_WORD_LISTS: ReadonlyMap<string, readonly string[]> = LISTS_AS_WRITTEN;

// --- Negation -------------------------------------------------------------

/**
 * Words that negate the claim they stand in or just before. Besides "not"
 * and its kin: words that call a claim untrue ("a myth"), "whether" (a
 * question, not a claim), and verbs of denial, which report a claim as untrue
 * ("a spokesperson denied that Frontier offers GPT-5 through AWS").
 */
export const NEGATING_WORDS = wordSet(
  'NEGATING_WORDS',
  'not no never neither nor cannot without none nothing nowhere nobody false untrue incorrect myth whether ' +
    'deny denies denied denying refute refutes refuted refuting',
);

/** Labels that, opening a sentence before a colon, call what follows untrue or forbidden ("Myth: ...", "Don't: ...", "Bad: ..."). */
export const NEGATING_LABELS = wordSet('NEGATING_LABELS', "myth false wrong incorrect avoid don't dont never bad banned misleading");

/** Negators that, opening a sentence, deny all of its main clause ("Nothing in this agreement grants ... GPT-5 on AWS"). */
export const SENTENCE_NEGATORS = wordSet('SENTENCE_NEGATORS', 'nothing no never neither none nobody nowhere');

/** The negators of a verb; after a claim only these count, so "on AWS without extra setup" still makes the claim. */
export const VERB_NEGATORS = wordSet('VERB_NEGATORS', 'not never cannot');

/** Negative contractions written without the apostrophe, as chat often does ("we dont host"). */
export const BARE_NEGATIVE_CONTRACTIONS = wordSet(
  'BARE_NEGATIVE_CONTRACTIONS',
  'dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt havent hasnt hadnt aint mustnt',
);

/** Words that, after "is"/"are", deny what came before: "claims that ChatGPT runs on AWS are false". */
export const FALSITY_WORDS = wordSet('FALSITY_WORDS', 'false untrue incorrect wrong inaccurate misleading');

/** Verbs (and adjectives) after which "if" opens a reported question ("customers asked if the SRE can call GPT-5"). */
export const ASKING_WORDS = wordSet(
  'ASKING_WORDS',
  'ask asks asked asking wonder wonders wondered wondering question questioned check checked checking unclear unsure know',
);

/**
 * Verbs of stating. A claim that is the content of one of them, when that
 * verb is itself denied or forbidden, is not made: "stop saying GPT-5 is on
 * Bedrock", "shall not represent that the Service calls ChatGPT".
 */
export const STATING_VERBS = wordSet(
  'STATING_VERBS',
  'say says saying said claim claims claiming claimed imply implies implying implied suggest suggests suggesting suggested ' +
    'represent represents representing represented state states stating stated tell telling told write writing ' +
    'assert asserting promise promising advertise advertising describe describing',
);

/** Words that forbid or withdraw a statement when they stand just before a verb of stating ("stop saying", "remove any copy implying"). */
export const FORBIDDING_WORDS = wordSet(
  'FORBIDDING_WORDS',
  'stop stops stopped quit avoid avoids avoiding remove removes removing removed delete deleting drop dropping strike ' +
    'ban banned forbid forbids prohibit prohibits prohibited never incorrectly wrongly falsely mistakenly erroneously',
);

/** Quantifiers that deny a whole noun phrase: "no material states that ...", "zero docs claiming ...". */
export const NEGATIVE_QUANTIFIERS = wordSet('NEGATIVE_QUANTIFIERS', 'no zero none neither nothing nobody');

/**
 * Nouns for wording in general, not a page or post that exists: "wording
 * that implies ...", "copy suggesting ...", "anything saying ...". A claim a
 * verb of stating attributes to them is talked about, not made.
 */
export const WORDING_NOUNS = wordSet(
  'WORDING_NOUNS',
  'wording wordings language phrasing copy messaging text content anything something claims statements references',
);

/** Nouns for something said, whose truth a sentence may go on to deny: "the statement that ... was inaccurate". */
export const CLAIM_NOUNS = wordSet(
  'CLAIM_NOUNS',
  'statement claim assertion suggestion impression idea notion rumour rumor belief representation implication perception assumption',
);

/** Pronouns that stand for a claim made just before ("..., but it isn't", "...; that's not true"). */
export const CLAIM_PRONOUNS = wordSet('CLAIM_PRONOUNS', 'it they that this which');

// --- Fragments --------------------------------------------------------------

/** Adverbs that may stand between a list's coordinator and its last verb ("does not invoke, query or otherwise send"). */
export const LIST_ADVERBS = wordSet('LIST_ADVERBS', 'otherwise also even directly then');

/** Words that open a fragment continuing the sentence before it in slides and ads ("GPT-5. Now on Bedrock.", "Enables access. To ChatGPT."). */
export const FRAGMENT_OPENERS = wordSet('FRAGMENT_OPENERS', 'now on in via through inside within to for available live hosted natively');

// --- Speech -----------------------------------------------------------------

/**
 * Spoken fillers: set off by commas or dashes they carry no meaning ("it
 * doesn't, like, hand out access"), so the sentence reader reads past them
 * as it reads past an aside in brackets.
 */
export const SPOKEN_FILLERS = wordSet(
  'SPOKEN_FILLERS',
  'like uh um er erm uhm hmm well basically honestly actually literally okay ok yeah anyway',
);

/** Two-word fillers, by their first word ("you know", "I mean", "kind of"); words as tokens' `lower` text. */
export const SPOKEN_FILLER_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['you', new Set(['know', 'see'])],
  ['i', new Set(['mean', 'guess', 'think'])],
  ['kind', new Set(['of'])],
  ['sort', new Set(['of'])],
  ['mind', new Set(['you'])],
]);

/**
 * Misspellings that chat and fast typing make of the words claims are made
 * of, with the word each stands for: doubled or dropped letters ("acess",
 * "availble") and a dropped final g ("callin on gpt-4.1"). The sentence
 * reader lets such a token pass for its word.
 */
export const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['acess', 'access'],
  ['acces', 'access'],
  ['accesss', 'access'],
  ['axcess', 'access'],
  ['availble', 'available'],
  ['avaliable', 'available'],
  ['availabe', 'available'],
  ['avialable', 'available'],
  ['callin', 'calling'],
  ['caling', 'calling'],
  ['cals', 'calls'],
  ['calld', 'called'],
  ['invokin', 'invoking'],
  ['usin', 'using'],
  ['hostin', 'hosting'],
  ['runnin', 'running'],
  ['sendin', 'sending'],
  ['pingin', 'pinging'],
  ['hittin', 'hitting'],
  ['gettin', 'getting'],
]);

/** Verbs that end a parenthetical report set off by commas ("it is not, Amazon maintains, a direct call"; "we are told"). */
export const REPORTING_ASIDE_VERBS = wordSet(
  'REPORTING_ASIDE_VERBS',
  'say says said maintain maintains maintained insist insists insisted argue argues argued claim claims claimed told note notes noted admit admits admitted concede concedes conceded believe believes think thinks',
);

/** Hesitation sounds: never words of a claim, so they are read past wherever they stand. */
export const HESITATION_SOUNDS = wordSet('HESITATION_SOUNDS', 'uh um er erm uhm hmm');

/** Auxiliaries that open a question ("can I ...", "does it ..."); after a verb of asking they report one ("asked can I use o3"). */
export const QUESTION_OPENERS = wordSet('QUESTION_OPENERS', 'can could does do did is are will would should may');

// --- Verbs: auxiliaries and modals ----------------------------------------

/** The present and past forms of "be" that link a subject to what is said of it ("claims ... are false"). */
export const BE_FORMS = wordSet('BE_FORMS', 'is are was were');

/** The forms of "have" that make a following past form a participle ("has enabled"). */
export const HAVE_FORMS = wordSet('HAVE_FORMS', "has have had having 've");

/**
 * Modals, do-support and "to": a verb right after one of them takes its base
 * form ("will be", "does call", "to be"), negated contractions included.
 */
export const MODALS = wordSet('MODALS', "will would can could may might must shall should to do does did won't can't cannot");

/** What follows an empty "it" before its adjective: "it is easy", "it's clear", "it will be possible", "it would be fair". */
export const EMPTY_SUBJECT_VERBS = wordSet('EMPTY_SUBJECT_VERBS', "is 's was will would");

/** Adjectives (and "time", "worth") of an empty "it" ("it is easy to ...", "it's clear that ...", "it's time to ..."). */
export const EMPTY_SUBJECT_ADJECTIVES = wordSet(
  'EMPTY_SUBJECT_ADJECTIVES',
  'easy easier hard harder possible impossible clear simple important worth likely unlikely true fair safe great nice fine ok okay ' +
    'time necessary difficult best better good tempting common',
);

/** Particles a phrasal verb may take ("hand off", "call on", "open up"), in the order the rule reference lists them. */
export const PHRASAL_PARTICLES = wordList('PHRASAL_PARTICLES', 'on upon out off over along through up back in');

// --- Clauses ---------------------------------------------------------------

/** Words that join the last item of a list ("host, resell or license"). */
export const COORDINATORS = wordSet('COORDINATORS', 'or and nor');

/**
 * Words that open a subordinate clause: a negation before them belongs to
 * the main clause ("agents no longer time out while calling on GPT-5"). "and"
 * and "or" are not among them: "never enables access or calls on" negates both.
 */
export const SUBORDINATE_STARTS = wordSet(
  'SUBORDINATE_STARTS',
  'while whereas although though because unlike when whenever since after before until once',
);

/** Words that start a new clause: a negation beyond them belongs to another claim. */
export const CLAUSE_STARTS = wordSet('CLAUSE_STARTS', 'and but or so while whereas although though because unlike');

/** Words that open a new clause after a comma or dash, where a pattern's match stops. */
export const CLAUSE_WORDS_AFTER_BREAK = wordSet(
  'CLAUSE_WORDS_AFTER_BREAK',
  'and but or while whereas although though because unlike so yet which who',
);

/** Words that, after a comma or dash, open a denial a pattern's gap does not run into ("to every team, no contract needed"). */
export const DENIALS_AFTER_BREAK = wordSet('DENIALS_AFTER_BREAK', 'no not never without nor');

/** Words that open a new clause: an object pronoun's own subject comes after the last of them. */
export const PRONOUN_CLAUSE_OPENERS = wordSet('PRONOUN_CLAUSE_OPENERS', 'and but so while when whenever because after before once if');

/** Words that open a relative clause after a claim: "GPT-5 for customers who never had an Azure account". */
export const RELATIVE_STARTS = wordSet('RELATIVE_STARTS', 'who whom whose which that where');

// --- Pronouns and determiners ----------------------------------------------

/** Relative pronouns that refer to the word just before them ("GPT-5, which ..."). */
export const RELATIVE_PRONOUNS = wordSet('RELATIVE_PRONOUNS', 'which that who');

/** The pronouns that may refer back to something named before them, in the order the rule reference lists them. */
export const REFERRING_PRONOUNS = wordSet('REFERRING_PRONOUNS', 'it them they which that who');

/** Determiners that make the noun after them refer back ("the model", "this model"). */
export const DEFINITE_DETERMINERS = wordSet('DEFINITE_DETERMINERS', 'the this that');

/** Pronouns and determiners that stand for a plural subject ("they were", "all were"). */
export const PLURAL_SUBJECT_WORDS = wordSet('PLURAL_SUBJECT_WORDS', 'we they you these those both many all');

/** Prepositions that say which way something goes ("routed through Azure", "sent via the gateway"). */
export const ROUTE_PREPOSITIONS = wordSet('ROUTE_PREPOSITIONS', 'through via by on in over');

/** Articles, determiners and prepositions: each is followed by the noun it introduces. */
export const NOUN_INTRODUCERS = wordSet(
  'NOUN_INTRODUCERS',
  'a an the this that these those every each any its their our your by for to of from with in on at via through',
);

// --- Sentence ends -----------------------------------------------------------

/** Abbreviations whose full stop does not end a sentence, without that stop ("e.g", "Dr", "U.S"). */
export const ABBREVIATIONS = wordSet(
  'ABBREVIATIONS',
  'e.g i.e etc vs mr mrs ms dr prof inc ltd co corp no fig approx u.s u.k st jr sr cf al a.i',
);

// --- Frequency ---------------------------------------------------------------

/** The commonest function words of English, each far more frequent than any other everyday word. */
export const FUNCTION_WORDS = wordSet(
  'FUNCTION_WORDS',
  'the of to and a an in is on for that with as by it be are from at or this was were not you we they his her its their your our',
);

/**
 * Everyday English words: common enough that a pattern triggered by one would
 * wake up on most sentences. Includes the verbs and metaphors of integration
 * prose ("offer", "route", "front door", "unlock").
 */
export const EVERYDAY_WORDS = wordSet(
  'EVERYDAY_WORDS',
  'the a an and or but of to in on at by for with from into onto through via as is are was were be been being it its this that these those ' +
    'you your we our they their he she his her i my me us them not no can will would could should may might must do does did has have had ' +
    'there here now also just all any each every some more most other new use uses used using run runs ran running get gets got make makes made ' +
    'give gives gave offer offers offered provide provides provided list open add call calls called help let lets allow see go goes take ' +
    'access support include serve select pick choose launch live work works one two first time way people data team teams customer customers ' +
    "'s s available enabled enable enables direct full secure easy simple native instant immediate managed unified sent passed issued " +
    'routed forwarded without when while leaving ' +
    'where how what which who whom whose why whether then than so if because after before since until about over under up down out ' +
    'only very well much many such same own both few again once even still back often always never ' +
    'said say says know knows think thinks want wants need needs like look looks find finds found keep keeps put puts set sets ' +
    'build builds built includes included front entry point reach reaches reached reaching hand hands door doors gateway ' +
    'tap taps tapped tapping bundled baked unlock unlocks unlocked unlocking portal',
);

// --- Claim-model negation and fix slots --------------------------------------

/** What negates a claim for the claim model: the sentence and verb negators, "nor" and "without". */
export const CLAIM_NEGATORS = wordSet('CLAIM_NEGATORS', 'not never no cannot nothing none nobody nowhere neither nor without');

/** Where the claim model's negation scope stops: a new clause, or a relative clause ("which", "that", "who"). */
export const CLAIM_CLAUSE_OPENERS = wordSet(
  'CLAIM_CLAUSE_OPENERS',
  'but and or while whereas although though because unlike which that who so',
);

/** Words after which a noun phrase begins (where a rewrite must be a noun phrase too). */
export const NOUN_PHRASE_STARTERS = wordSet(
  'NOUN_PHRASE_STARTERS',
  'a an the your our their its his her my this that these those every each any some no another whose ur',
);

/** Prepositions: after them comes a noun phrase or an -ing verb, never a finite verb. */
export const PREPOSITIONS = wordSet(
  'PREPOSITIONS',
  'to of for with without in into onto through thru via by on upon from as about at like than towards toward within inside',
);

/** Words after which a verb takes its base form, contracted "'ll" and "'d" included. */
export const BASE_FORM_TRIGGERS = wordSet(
  'BASE_FORM_TRIGGERS',
  "will would can could may might must shall should to do does did cannot 'll 'd",
);

/** Every form of "be", contracted "'re" and "'m" included. */
export const ALL_BE_FORMS = wordSet('ALL_BE_FORMS', "is are was were be been being am 're 'm");
