/**
 * Benchmark corpora: generated Markdown and plain text with about one memo
 * finding per 2 KB, the density the performance targets are stated for.
 */
import { generateMarkdown } from './proseExtraction';

/** Sentences that each produce exactly one finding of the built-in pack. */
export const VIOLATIONS = [
  'The SRE enables access to ChatGPT for every analyst.',
  'Our planner calls on GPT-5 to split work into steps.',
  'GPT-4o is now available in Amazon Bedrock.',
  'Frontier runs on AWS bedrock.',
  'The agent sends requests to the OpenAI API.',
  'SRE is powered by Open-AI.',
];

/** Markdown of about `bytes` characters with a violating paragraph roughly every 2 KB. */
export function markdownCorpus(bytes: number, seed = 7): string {
  const base = generateMarkdown(bytes, seed);
  const parts: string[] = [];
  let length = 0;
  let injected = 0;
  let fenceOpen = false;
  for (const block of base.split('\n\n')) {
    parts.push(block);
    length += block.length + 2;
    for (const line of block.split('\n')) if (/^\s*(```|~~~)/.test(line)) fenceOpen = !fenceOpen;
    // Catch up to one violation per 2 KB, only where a new paragraph is prose (outside fences).
    while (!fenceOpen && (injected + 1) * 2048 <= length) {
      const sentence = VIOLATIONS[injected++ % VIOLATIONS.length]!;
      parts.push(sentence);
      length += sentence.length + 2;
    }
  }
  return flat(parts.join('\n\n'));
}

/** Strings built by concatenation are ropes; a file read from disk is flat, so measure on a flat string. */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Plain text of about `bytes` characters: paragraphs of prose with a violating sentence every 2 KB. */
export function plainTextCorpus(bytes: number): string {
  const words = 'the connector syncs customer data into the reporting workspace every night and keeps an audit log of each change'.split(
    ' ',
  );
  let text = '';
  let sinceLast = 0;
  let index = 0;
  let sentence = 0;
  while (text.length < bytes) {
    let line = '';
    for (let i = 0; i < 14; i++) line += (i === 0 ? '' : ' ') + words[(index++ * 7) % words.length];
    line = line.charAt(0).toUpperCase() + line.slice(1) + '.';
    text += line + (++sentence % 6 === 0 ? '\n\n' : ' ');
    sinceLast += line.length + 1;
    if (sinceLast >= 2048) {
      text += VIOLATIONS[index % VIOLATIONS.length] + '\n\n';
      sinceLast = 0;
    }
  }
  return flat(text);
}

/**
 * Hard-wraps the prose lines of Markdown at `width` columns, as many authors
 * write it: paragraphs, list items and quotes continue lazily on the next
 * line; headings, tables, code, HTML and front matter are left alone.
 */
export function wrapMarkdown(text: string, width = 80): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const keep = fenced || line.length <= width || /^(#|\s{4}|\t|<|---|\s*\|)|\|/.test(line);
    if (keep) {
      out.push(line);
      continue;
    }
    let rest = line;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) break;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return out.join('\n');
}
