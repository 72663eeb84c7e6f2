/**
 * Recognises OpenAI model and product names in every spelling people write,
 * by their shape rather than from a list of spellings:
 *
 * - the GPT family: `gpt`, optional separator, version number and suffixes
 *   (gpt5, GPT-5, gpt-4.1-mini, GPT-4o, gpt-image-1), also inside ChatGPT
 *   (chatgpt, chatgpt-5, chat-gpt) and as two words ("GPT 5");
 * - the o-series: `o` and a digit with optional suffixes, any case (o3,
 *   O4-MINI, o4 mini);
 * - `4o` and `4o-mini` on their own;
 * - provider-prefixed ids (openai.gpt-5, openai-o3; "openai/gpt-5" is two
 *   tokens and its second one is a name by itself).
 *
 * A code span holding such a name (`` `gpt-4o` ``, `` `openai/gpt-5` ``) is
 * tagged too: it stays opaque, so no pattern reads its words, but it counts
 * as the model it names ("set the Bedrock model id to `openai/gpt-5`").
 *
 * Compounds that describe something else ("ChatGPT-style replies",
 * "GPT-5-powered agents") are not names of a model.
 */
import type { Token } from '../text/tokenize';
import { TAG_OPENAI_NAME } from './tags';

const PREFIX = '(?:openai[./-])?';
const GPT = '(?:chat-?)?gpts?(?:-?\\d+(?:\\.\\d+)?[a-z]?|-?\\d+o)?';
const O_SERIES = 'o[134-9]';
const FOUR_O = '[1-9]o';
const SUFFIXES = '(?:-[a-z0-9][a-z0-9.]*)*';
const NAME_TOKEN = new RegExp(`^${PREFIX}(?:${GPT}|${O_SERIES}|${FOUR_O})${SUFFIXES}$`);
/** Endings that turn a name into a description of something else. */
const DESCRIPTIVE_ENDING = /-(?:style|like|ish|esque|powered|enabled|based|backed|driven|compatible|class|level|grade)$/;
/** A version written as its own word after "gpt" ("GPT 5", "gpt 4.1", "GPT 4o"). */
const VERSION_TOKEN = /^(?:\d+(?:\.\d+)?[a-z]?|\d+o)(?:-[a-z0-9.]+)*$/;
/** Size and variant words written apart ("o4 mini", "GPT-5 Pro"). */
const VARIANT_WORDS = new Set(['mini', 'nano', 'pro', 'turbo', 'codex', 'preview', 'max']);

/**
 * A regular-expression source (ASCII, for use between `\\b` and with the `i`
 * flag) that every name the recogniser accepts contains as a whole word:
 * the prose filter uses it to let through units whose only trigger is a name.
 */
export const OPENAI_NAME_SURFACE = 'gpts?\\w*|chat-?gpt\\w*|o[134-9]|[1-9]o';

/** True when a lower-cased word is, by its shape, an OpenAI model or product name. */
export function isOpenAINameWord(lower: string): boolean {
  return mayBeName(lower) && NAME_TOKEN.test(lower) && !DESCRIPTIVE_ENDING.test(lower);
}

/** A test of the first characters that rules out nearly every word before the expression runs. */
function mayBeName(lower: string): boolean {
  const first = lower.charCodeAt(0);
  const second = lower.charCodeAt(1);
  if (first === 103) return second === 112; // gp...
  if (first === 99) return second === 104 && lower.startsWith('chat'); // chat...
  if (first === 111) return (second >= 48 && second <= 57) || lower.startsWith('openai'); // o3, openai.
  return first >= 48 && first <= 57 && lower.indexOf('o') > 0; // 4o
}

/** A code span's text that names a model: a name by shape, alone or after a provider ("openai/gpt-5", "openai:o3"). */
function isCodeName(code: string): boolean {
  return isOpenAINameWord(code.replace(/^openai[/:]/, ''));
}

/**
 * "openai/gpt-5" (a provider-prefixed model id, written with a slash and no
 * space): the name token that spans both words, or undefined.
 */
function providerPrefixedId(provider: Token, next: Token | undefined): Token | undefined {
  if (next === undefined || next.start !== provider.end + 1 || !next.punctBefore || !isOpenAINameWord(next.lower)) return undefined;
  return {
    ...provider,
    end: next.end,
    text: `${provider.text}/${next.text}`,
    lower: `${provider.lower}/${next.lower}`,
    tag: TAG_OPENAI_NAME,
  };
}

/**
 * Returns the tokens with OpenAI names tagged `TAG_OPENAI_NAME`, or the same
 * array when the sentence names none. A name written as several words
 * ("GPT 5", "o4 mini") becomes one token spanning them, so that a pattern
 * reads it as one word; "chat gpt" stays two words for the naming rule, its
 * "gpt" being a name by itself. Linear in the sentence.
 */
export function tagOpenAINames(tokens: readonly Token[]): readonly Token[] {
  let tagged: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.code !== undefined && token.tag === undefined && isCodeName(token.code)) {
      (tagged ??= tokens.slice(0, i)).push({ ...token, tag: TAG_OPENAI_NAME });
      continue;
    }
    if (!isOpenAINameWord(token.lower)) {
      const id = token.lower === 'openai' ? providerPrefixedId(token, tokens[i + 1]) : undefined;
      if (id !== undefined) {
        // "openai/gpt-5": one identifier, a name, and not the company's name misspelt.
        (tagged ??= tokens.slice(0, i)).push(id);
        i++;
      } else {
        tagged?.push(token);
      }
      continue;
    }
    // "GPT 5", "gpt 4.1", "o4 mini": a version or variant written as the next word belongs to the name,
    // except after "chat": "chat gpt 4o" keeps "gpt" a word of its own for the naming rule.
    let length = 1;
    const afterChat = i > 0 && tokens[i - 1]!.lower === 'chat' && !token.punctBefore;
    while (length < 3 && !afterChat) {
      const next = tokens[i + length];
      if (next === undefined || next.punctBefore || next.opaque) break;
      const takesVersion = /gpts?$/.test(tokens[i + length - 1]!.lower) && VERSION_TOKEN.test(next.lower);
      if (!takesVersion && !VARIANT_WORDS.has(next.lower)) break;
      length++;
    }
    tagged ??= tokens.slice(0, i);
    if (length === 1) {
      tagged.push({ ...token, tag: TAG_OPENAI_NAME });
      continue;
    }
    const words = tokens.slice(i, i + length);
    tagged.push({
      ...token,
      end: words[length - 1]!.end,
      text: words.map((word) => word.text).join(' '),
      lower: words.map((word) => word.lower).join(' '),
      tag: TAG_OPENAI_NAME,
    });
    i += length - 1;
  }
  return tagged ?? tokens;
}
