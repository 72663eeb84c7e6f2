/**
 * Fits a rule's rewrite to the words it replaces: verb form, agreement of
 * "be" with its subject, and the case of the first letter.
 */
import type { Fix } from '../api';
import { conjugate, isPluralSubject, verbFormOfWord, type VerbForm } from '../morphology/wordForms';
import { HAVE_FORMS, MODALS } from '../text/englishWords';
import type { Token } from '../text/tokenize';
import type { FixTemplate } from '../packs/loadPack';

/** Module constants: the bundler writes a `\p{}` literal as `new RegExp(...)`, which inside the function would build it on every call. */
const UPPER_FIRST = /^\p{Lu}/u;
const UPPER_TWO = /^\p{Lu}{2}/u;

/**
 * Fits a rule's rewrite to one match: the first word of the replacement takes
 * the form of the verb it replaces ("enabled access to" -> "integrated with"),
 * "be" agrees with its subject ("Agents call on" -> "Agents are powered by"),
 * and the first letter keeps its case.
 */
export function fitFix(template: FixTemplate, tokens: readonly Token[], focusStart: number, focusEnd: number): Fix {
  const first = tokens[focusStart]!;
  const last = tokens[focusEnd - 1]!;
  let replacement = template.replace;
  const words = replacement.split(' ');
  const lemma = words[0]!;
  // Only a lower-case verb is conjugated: "Acme" or "iPhone" are names and stay as written.
  if (template.inflect && /^[a-z]+$/.test(lemma)) {
    const before = focusStart > 0 ? tokens[focusStart - 1] : undefined;
    const form = verbFormInContext(first.text, before?.lower);
    if (form !== undefined) {
      words[0] = lemma === 'be' ? agreeBe(form, tokens, focusStart) : conjugate(lemma, form);
      replacement = words.join(' ');
    }
  }
  if (template.keepCase && UPPER_FIRST.test(first.text) && !UPPER_TWO.test(first.text)) {
    replacement = replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return {
    // Joined rather than a template literal: a finding keeps its title, and a template builds a rope of three pieces.
    title: template.title ?? ['Replace with “', replacement, '”'].join(''),
    edits: [{ range: { start: first.start, end: last.end }, newText: replacement }],
  };
}

/** The form of the replaced word, or undefined when it is not a verb the engine knows. */
function verbFormInContext(word: string, previous: string | undefined): VerbForm | undefined {
  const form = verbFormOfWord(word);
  if (form === 'past' && previous !== undefined && HAVE_FORMS.has(previous)) return 'participle';
  return form;
}

/** "be" is the one verb whose present and past forms depend on the subject's number. */
function agreeBe(form: VerbForm, tokens: readonly Token[], focusStart: number): string {
  const previous = focusStart > 0 ? tokens[focusStart - 1]!.lower : undefined;
  switch (form) {
    case 'third-person':
      return 'is';
    case 'gerund':
      return 'being';
    case 'participle':
      return 'been';
    case 'past': {
      const subject = subjectBefore(tokens, focusStart);
      return subject !== undefined && isPluralSubject(subject) ? 'were' : 'was';
    }
    case 'base':
      if (previous !== undefined && (MODALS.has(previous) || previous.endsWith("n't"))) return 'be';
      if (previous === 'i') return 'am';
      return 'are';
  }
}

/** The word just before the verb, skipping adverbs such as "now" or "often". */
function subjectBefore(tokens: readonly Token[], focusStart: number): string | undefined {
  for (let i = focusStart - 1; i >= 0 && i >= focusStart - 3; i--) {
    const word = tokens[i]!.lower;
    if (!word.endsWith('ly') && word !== 'now' && word !== 'then' && word !== 'also') return tokens[i]!.text;
  }
  return undefined;
}
