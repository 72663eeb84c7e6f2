/**
 * Micro-benchmark of Markdown prose extraction (`scanMarkdownBlocks` over a
 * whole document). Run directly: `node --import tsx bench/proseExtraction.ts`.
 */
import { pathToFileURL } from 'node:url';
import { scanMarkdownBlocks } from '../server/src/engine/prose/markdown/markdownReader';
import { seededRandom } from '../test/helpers/seededRandom';

const WORDS = (
  'the a an of to and in is for on with as by that this it be are from or at your our can will not ' +
  'connector pipeline customer data model release feature workspace account team dashboard report ' +
  'deploy configure enable disable install upgrade migrate integrate monitor secure scale sync export ' +
  'import schedule retry validate request response token endpoint cluster region service latency ' +
  'seamless robust powerful simple fast reliable secure flexible modern intuitive leading best-in-class ' +
  'naïve café résumé über — “quoted” it’s don’t e.g. i.e. v1.2 v2-beta 99.9% 24/7 on-premises real-time'
).split(' ');

/**
 * A realistic Markdown corpus of about `bytes` characters (exactly `bytes`
 * UTF-16 code units), the same for the same `seed`: YAML front matter at the
 * top, then sections of ATX and setext headings, paragraphs with emphasis,
 * strong, strikethrough, links, images, code spans, bare URLs and inline
 * comments, bullet, ordered, nested and task lists, block quotes (nested and
 * lazy), GFM tables, fenced and indented code, HTML blocks and comments, and
 * link reference definitions.
 */
export function generateMarkdown(bytes: number, seed = 1): string {
  const rnd = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const word = (): string => pick(WORDS);
  const words = (n: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(word());
    return out.join(' ');
  };
  const inline = (): string => {
    const r = rnd();
    if (r < 0.08) return `*${words(int(1, 3))}*`;
    if (r < 0.14) return `**${words(int(1, 3))}**`;
    if (r < 0.16) return `_${words(int(1, 2))}_`;
    if (r < 0.17) return `~~${words(int(1, 2))}~~`;
    if (r < 0.19) return `en**${word()}**d`;
    if (r < 0.25) return `\`${pick(['npm install', 'config.yaml', 'retry()', 'x|y', '--force', 'snake_case'])}\``;
    if (r < 0.3) return `[${words(int(1, 4))}](https://example.com/${word().replace(/\W/g, '')}${rnd() < 0.3 ? ' "Title here"' : ''})`;
    if (r < 0.32) return `[${words(int(1, 3))}][ref${int(1, 9)}]`;
    if (r < 0.33) return `![${words(2)}](images/pic${int(1, 99)}.png)`;
    if (r < 0.35) return `https://docs.example.com/${word().replace(/\W/g, '')}/${int(1, 999)}`;
    if (r < 0.36) return `www.example.org`;
    if (r < 0.37) return `<kbd>Ctrl</kbd>`;
    if (r < 0.38) return `<!-- TODO ${word()} -->`;
    if (r < 0.39) return `<https://example.net/${int(1, 99)}>`;
    if (r < 0.4) return `snake_case_${word().replace(/\W/g, '')}`;
    if (r < 0.41) return `\\*not emphasis\\*`;
    return words(int(1, 6));
  };
  const sentence = (): string => {
    const parts: string[] = [];
    const n = int(3, 9);
    for (let i = 0; i < n; i++) parts.push(inline());
    const s = parts.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + pick(['.', '.', '.', '!', '?', ':']);
  };
  const paragraph = (indent: string, wrap: boolean): string => {
    const n = int(1, 5);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) sentences.push(sentence());
    const text = sentences.join(' ');
    if (!wrap) return indent + text;
    // hard-wrap at about 80 columns, as many hand-written documents do
    const lines: string[] = [];
    let line = '';
    for (const w of text.split(' ')) {
      if (line.length + w.length > 78 && line.length > 0) {
        lines.push(indent + line);
        line = w;
      } else line = line.length > 0 ? `${line} ${w}` : w;
    }
    if (line.length > 0) lines.push(indent + line);
    return lines.join('\n');
  };
  const list = (indent: string, depth: number): string => {
    const ordered = rnd() < 0.3;
    const task = !ordered && rnd() < 0.2;
    const bullet = pick(['-', '*', '+']);
    const out: string[] = [];
    const n = int(2, 6);
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${i + 1}.` : bullet;
      const box = task ? (rnd() < 0.5 ? '[ ] ' : '[x] ') : '';
      const pad = ' '.repeat(marker.length + 1);
      out.push(`${indent}${marker} ${box}${paragraph('', false)}`);
      if (rnd() < 0.2) out.push(`${indent}${pad}${words(int(3, 8))}`);
      if (depth < 3 && rnd() < 0.2) out.push(list(indent + pad, depth + 1));
      if (rnd() < 0.05) out.push(`${indent}${pad}\`\`\`\n${indent}${pad}code inside item\n${indent}${pad}\`\`\``);
    }
    return out.join('\n');
  };
  const table = (): string => {
    const cols = int(2, 5);
    const row = (): string => {
      const cells: string[] = [];
      for (let i = 0; i < cols; i++) cells.push(rnd() < 0.2 ? `\`${word()}\`` : words(int(1, 4)));
      return `| ${cells.join(' | ')} |`;
    };
    const out = [row(), `|${Array.from({ length: cols }, () => pick(['---', ':--', '--:', ':-:'])).join('|')}|`];
    const n = int(2, 8);
    for (let i = 0; i < n; i++) out.push(row());
    return out.join('\n');
  };
  const block = (): string => {
    const r = rnd();
    if (r < 0.4) return paragraph('', rnd() < 0.6);
    if (r < 0.55) return list('', 0);
    if (r < 0.62) {
      const lines = paragraph('> ', true);
      return rnd() < 0.3 ? `${lines}\n> > ${sentence()}\n${words(5)}` : lines;
    }
    if (r < 0.68) return table();
    if (r < 0.74) return `\`\`\`${pick(['', 'js', 'yaml', 'bash'])}\nconst x = "seamless";\nrun(x) // best-in-class\n\`\`\``;
    if (r < 0.76) return `~~~~\n# not a heading\n~~~~`;
    if (r < 0.79) return `    indented code with words\n    more code`;
    if (r < 0.82) return `<!-- ${words(int(2, 6))}\n${words(4)} -->`;
    if (r < 0.84) return `<div class="note">\n${words(6)}\n</div>`;
    if (r < 0.86) return `[ref${int(1, 9)}]: https://example.com/ref "Reference"`;
    if (r < 0.88) return pick(['---', '***', '* * *']);
    if (r < 0.91) return `${words(int(2, 6))}\n${pick(['===', '---'])}`;
    return `${'#'.repeat(int(1, 4))} ${words(int(2, 6))}`;
  };
  const parts: string[] = ['---\ntitle: Generated corpus\ntags: [bench, prose]\n---\n'];
  let size = parts[0].length;
  while (size < bytes) {
    let b = `${block()}\n\n`;
    if (size + b.length > bytes) b = b.slice(0, bytes - size);
    parts.push(b);
    size += b.length;
  }
  // The last part is cut rather than the joined text, so the result is one flat
  // string like a file's contents: a sliced string is slower to read.
  const text = parts.join('');
  return text.length > bytes ? text.slice(0, bytes) : text;
}

/**
 * Scans `text` completely with `scanMarkdownBlocks`, repeatedly after a
 * warm-up run, and reports the best throughput in millions of UTF-16 code
 * units per second (MB/s for ASCII-heavy text).
 */
export function measureProseExtraction(text: string): { mbPerSecond: number } {
  const runs = Math.max(3, Math.min(30, Math.ceil(60_000_000 / Math.max(1, text.length))));
  let best = Infinity;
  let units = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    for (const block of scanMarkdownBlocks(text)) units += block.units.length;
    const ms = performance.now() - t0;
    if (i > 0 && ms < best) best = ms;
  }
  // keeps the scan observable so the work cannot be optimised away
  if (units < 0) console.log(units);
  return { mbPerSecond: text.length / 1e6 / (Math.max(best, 1e-3) / 1000) };
}

if (process.argv[1]?.endsWith('proseExtraction.ts') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const mb of [1, 10]) {
    const text = generateMarkdown(mb * 1_000_000);
    const { mbPerSecond } = measureProseExtraction(text);
    console.log(`scanMarkdownBlocks, ${mb} MB: ${mbPerSecond.toFixed(1)} MB/s`);
  }
}
