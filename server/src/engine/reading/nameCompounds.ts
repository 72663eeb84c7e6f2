/**
 * Reads a misspelt product name inside a descriptive compound as a word of
 * its own: "Chatgpt-style agents", "our OpenAi-based bot", "Open AI-powered
 * agents". The naming rules match whole words, so without this a misspelling
 * hidden in a compound went unreported.
 *
 * The compound token is split into the name (its source range only, so the
 * finding underlines the name and a fix replaces the name alone) and the
 * descriptive rest, which matches no pattern. Correctly written compounds
 * ("ChatGPT-style", "OpenAI-powered") stay whole: approved phrases and other
 * rules read them as before.
 */
import type { Token } from '../text/tokenize';

/** Endings that make a compound describe something by the name before them. */
const DESCRIPTIVE_ENDING =
  /^(.+)-(style|like|ish|esque|powered|enabled|based|backed|driven|compatible|class|level|grade|integrated|native|first|ready|branded|built|generated|assisted|centric|friendly|aware|only|specific)$/i;

/** The names whose misspellings the naming rules know, lower-cased, with how they are written correctly. */
const CANONICAL: ReadonlyMap<string, string> = new Map([
  ['chatgpt', 'ChatGPT'],
  ['chat-gpt', ''],
  ['openai', 'OpenAI'],
  ['open-ai', ''],
]);

/**
 * Whether the head of a compound is a name written wrongly: a misspelling
 * ("chat-gpt"), a mis-casing ("Chatgpt"), or "AI" after a separate "Open"
 * and "GPT" after "Chat".
 */
function isMisnamedHead(head: string, previous: Token | undefined, token: Token): boolean {
  const lower = head.toLowerCase();
  const canonical = CANONICAL.get(lower);
  if (canonical !== undefined) return head !== canonical;
  // "Open AI-powered", "Chat GPT-grade": the second word of a name written as two.
  if (previous === undefined || token.punctBefore) return false;
  return (lower === 'ai' && previous.lower === 'open') || (lower === 'gpt' && previous.lower === 'chat');
}

/** Returns the tokens with misnamed compound heads split off, or `tokens` itself when there is none. */
export function splitMisnamedCompounds(tokens: readonly Token[]): readonly Token[] {
  let split: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const parts =
      token.lower.indexOf('-') <= 0 || token.opaque || token.disguised || token.text.length !== token.end - token.start
        ? null
        : DESCRIPTIVE_ENDING.exec(token.text);
    if (parts === null || !isMisnamedHead(parts[1]!, tokens[i - 1], token)) {
      split?.push(token);
      continue;
    }
    const head = parts[1]!;
    split ??= tokens.slice(0, i);
    split.push({ ...token, end: token.start + head.length, text: head, lower: head.toLowerCase() });
    const rest = token.text.slice(head.length);
    split.push({
      ...token,
      start: token.start + head.length,
      text: rest,
      lower: rest.toLowerCase(),
      punctBefore: true,
      clauseBreakBefore: false,
    });
  }
  return split ?? tokens;
}
