/**
 * Tags the sentence reader puts on tokens. A tag is a key no written word
 * can have (it starts with U+0001), so a pattern reaches it only through a
 * meaning class such as `%openai-name`; pattern tests accept a token whose
 * word or tag is among their keys.
 */

/** An OpenAI model or product name, in any spelling ("gpt5", "GPT 5", "o4-mini", "chatgpt-5"). */
export const TAG_OPENAI_NAME = '\u0001openai-name';
/** A pronoun that refers back to an OpenAI model or product ("it", "them", "which"). */
export const TAG_OPENAI_REFERENCE = '\u0001openai-reference';

/** An AWS region code ("us-east-1", "eu-west-2"). */
export const TAG_AWS_REGION = '\u0001aws-region';

/** The company's full name, "Amazon Web Services", read as one word. */
export const TAG_AWS_NAME = '\u0001aws-name';

/** True for a key that is a tag rather than a word. */
export function isTagKey(key: string): boolean {
  return key.charCodeAt(0) === 1;
}
