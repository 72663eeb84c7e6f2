/**
 * Telling a pack or config with mistakes from a file that is not one at all
 * (a config naming `/etc/shadow`, a README, a key file). For the latter the
 * parser's messages would quote the file line by line ("unknown key
 * `root:$6$…`"), so the CLI reports it in one message that quotes no more
 * than a short excerpt.
 */

/** At most this many characters of an unrecognised file are ever quoted. */
export const EXCERPT_LENGTH = 30;

/**
 * True when `text` plausibly is a YAML mapping meant to have the given
 * top-level keys: some unindented line starts with one of them, or the
 * document is written in flow style (`{...}`, as JSON is).
 */
export function looksLikeYamlWith(text: string, knownKeys: readonly string[]): boolean {
  const known = new Set(knownKeys);
  let first = true;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^\uFEFF/, '').trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---') continue;
    if (first && trimmed.replace(/^---\s*/, '').startsWith('{')) return true;
    first = false;
    const key = /^["']?([A-Za-z_][\w-]*)["']?\s*:(?:\s|$)/.exec(line)?.[1];
    if (key !== undefined && known.has(key)) return true;
  }
  return false;
}

/** The start of the first non-blank line, quoted and cut to EXCERPT_LENGTH characters (`…` marks a cut). */
export function quotedExcerpt(text: string): string {
  const line =
    text
      .split(/\r\n|\r|\n/)
      .find((candidate) => candidate.trim() !== '')
      ?.trim() ?? '';
  const characters = [...line];
  const cut = characters.length > EXCERPT_LENGTH;
  // JSON quoting escapes control characters, so the excerpt cannot disturb the terminal.
  return JSON.stringify(characters.slice(0, EXCERPT_LENGTH).join('') + (cut ? '…' : ''));
}
