/**
 * Which string literals in code are prose a user reads ("File saved.", "Are
 * you sure you want to delete this?") and which are identifiers, keys, event
 * names, paths, URLs, model ids, class lists or code ("agent.calls_on_gpt",
 * "gpt-4o", "./file", "user_id", "flex items-center").
 */

/** Words that show a run of lower-case tokens is a sentence, not a class list. */
const FUNCTION_WORDS = new Set(
  'a an the to of in is are was be for and or but with on at by this that it its not no your you we our can will has have from as if'.split(
    ' ',
  ),
);

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/\S*$|^mailto:\S+$|^www\.\S+$/i;
const PATH_LIKE = /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)\S*$/;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
/** A single word that ends a sentence ("Done.", "Saved!", "Continue?"): a message, not an identifier. */
const ONE_WORD_MESSAGE = /^[\p{Lu}\p{Ll}][\p{L}'’-]*[.!?…]$/u;
/** A lower-case word of two or more letters standing on its own. */
const LOWERCASE_WORD = /(?:^|[\s"'(“‘])\p{Ll}{2,}(?=$|[\s,.!?;:)"'”’])/u;
const CODE_LIKE =
  /=>|&&|\|\||===?|!==?|\(\)|;\s*$|^\s*[{[<]|\b(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP)\b\s+[\w*]|\bfunction\s*\(|\breturn\b.*;/;
const CSS_LIKE = /^[\w-]+\s*:\s*[^;]+;(?:\s*[\w-]+\s*:\s*[^;]+;?)*$/;
const CLASS_TOKEN = /^[a-z0-9:_/[\].!%#-]+$/;

/** True when a space-separated run of lower-case tokens, most with `-` or `:`, reads as a class list. */
function isClassList(words: readonly string[]): boolean {
  let marked = 0;
  for (const word of words) {
    if (!CLASS_TOKEN.test(word) || FUNCTION_WORDS.has(word)) return false;
    if (word.includes('-') || word.includes(':')) marked++;
  }
  return marked * 2 >= words.length;
}

/**
 * True when `content` (a string literal's text, expressions inside it
 * replaced by a word) reads as prose: it holds a space and a lower-case word,
 * or it is one word ending a sentence. Identifiers, keys, dotted names,
 * paths, URLs, e-mail addresses, class lists, CSS and code are not prose.
 */
export function isUserFacing(content: string): boolean {
  const trimmed = content.trim();
  if (trimmed.length < 2) return false;
  if (!/\s/.test(trimmed)) return ONE_WORD_MESSAGE.test(trimmed) && !trimmed.slice(0, -1).includes('.');
  if (URL_LIKE.test(trimmed) || PATH_LIKE.test(trimmed) || EMAIL_LIKE.test(trimmed)) return false;
  if (CODE_LIKE.test(trimmed) || CSS_LIKE.test(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (isClassList(words)) return false;
  return LOWERCASE_WORD.test(trimmed) || /[.!?…]$/.test(trimmed);
}
