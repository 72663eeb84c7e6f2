/**
 * Markdown conformance: for every example of the CommonMark specification,
 * the words the reader yields as prose must be the words commonmark.js (the
 * reference parser) renders as text, compared as the engine's word tokens.
 * The differences the reader makes on purpose are listed below with their
 * reasons; any other difference fails, and so does a listed one that has gone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareWithReference, readerWords, referenceWords, specExamples, type Difference } from '../helpers/markdownConformance';

const CHARACTER_REFERENCES =
  'Character references (`&copy;`, `&#42;`) are read as written: a prose segment is an exact range of the source, so the reader does not decode them, and their letters and digits read as words where CommonMark renders one character.';
const REFERENCE_DEFINITIONS =
  'Whether `[text]` or `[text][label]` is a link depends on a link reference definition, which may be in any other block; blocks are read on their own (that is what makes re-checks incremental), so the reader takes `[text][label]` for a link and keeps the words of a shortcut `[text]` apart, where CommonMark, knowing the definitions, renders literal brackets or joins the words.';
const BARE_URLS =
  'GitHub Flavored Markdown extended autolinks: a bare URL is one opaque word to the reader, where CommonMark renders it as text.';

/** The spec examples where the reader's words differ on purpose, by example number. */
const ACCEPTED_DIFFERENCES: ReadonlyMap<number, string> = new Map([
  [25, CHARACTER_REFERENCES],
  [26, CHARACTER_REFERENCES],
  [27, CHARACTER_REFERENCES],
  [37, CHARACTER_REFERENCES],
  [38, CHARACTER_REFERENCES],
  [39, CHARACTER_REFERENCES],
  [40, CHARACTER_REFERENCES],
  [41, CHARACTER_REFERENCES],
  [545, REFERENCE_DEFINITIONS],
  [569, REFERENCE_DEFINITIONS],
  [570, REFERENCE_DEFINITIONS],
  [571, REFERENCE_DEFINITIONS],
  [590, REFERENCE_DEFINITIONS],
  [608, BARE_URLS],
  [611, BARE_URLS],
]);

/**
 * Beyond CommonMark: what the reader does with the extensions it reads
 * (GitHub Flavored Markdown, front matter), where commonmark.js sees plain
 * CommonMark. Each entry is the Markdown, the words the reader must yield,
 * and why they differ from (or agree with) commonmark.js.
 */
const EXTENSIONS: readonly { name: string; markdown: string; words: readonly string[]; why: string }[] = [
  {
    name: 'YAML front matter',
    markdown: '---\ntitle: Seamless sync\ntags: [a, b]\n---\nText',
    words: ['Text'],
    why: 'YAML front matter is metadata, not prose; CommonMark knows no front matter and renders a thematic break and a setext heading.',
  },
  {
    name: 'an opening --- over prose',
    markdown: '---\nThe first paragraph.\n---\nText',
    words: ['The', 'first', 'paragraph', 'Text'],
    why: 'An opening `---` whose lines are not YAML is not front matter: the reader agrees with CommonMark (a break, then a setext heading).',
  },
  {
    name: 'footnotes',
    markdown: 'See the note[^1].\n\n[^1]: The note text.',
    words: ['See', 'the', 'note', 'The', 'note', 'text'],
    why: 'Footnotes (GitHub): a reference is one opaque word and a definition label is not prose; CommonMark renders both as text.',
  },
  {
    name: 'tables, strikethrough and task lists',
    markdown: '| Name | Claim |\n|---|---|\n| Sync | ~~seamless~~ fast |\n\n- [ ] open task',
    words: ['Name', 'Claim', 'Sync', 'seamless', 'fast', 'open', 'task'],
    why: 'Tables, strikethrough and task lists (GitHub) keep the words CommonMark renders as text; cells are units of their own.',
  },
];

function describeDifference(difference: Difference): string {
  const { example, reader, reference } = difference;
  return `example ${example.number} (${example.section}) ${JSON.stringify(example.markdown)}: reader ${JSON.stringify(reader)}, commonmark.js ${JSON.stringify(reference)}`;
}

describe('Markdown conformance with commonmark.js', () => {
  const examples = specExamples();
  const differences = compareWithReference(examples);

  it('reads the words of every CommonMark example as commonmark.js renders them, but for the accepted differences', (t) => {
    assert.ok(examples.length > 600, `the spec has its examples (${examples.length})`);
    t.diagnostic(`${examples.length - differences.length} of ${examples.length} examples agree; ${differences.length} differ on purpose`);
    const unexpected = differences.filter((difference) => !ACCEPTED_DIFFERENCES.has(difference.example.number));
    assert.deepEqual(unexpected.map(describeDifference), []);
  });

  it('lists no accepted difference that no longer differs', () => {
    const differing = new Set(differences.map((difference) => difference.example.number));
    assert.deepEqual(
      [...ACCEPTED_DIFFERENCES.keys()].filter((number) => !differing.has(number)),
      [],
    );
  });

  for (const extension of EXTENSIONS) {
    it(`reads ${extension.name} as it means to`, () => {
      assert.deepEqual(readerWords(extension.markdown), extension.words, extension.why);
    });
  }

  it('compares words as the engine tokenizes them', () => {
    assert.deepEqual(referenceWords('*Seamless* sync of `code`, <b>tags</b>, ![images](i.png) and [links](https://x.y).'), [
      'Seamless',
      'sync',
      'of',
      'tags',
      'and',
      'links',
    ]);
    assert.deepEqual(readerWords('*Seamless* sync of `code`, <b>tags</b>, ![images](i.png) and [links](https://x.y).'), [
      'Seamless',
      'sync',
      'of',
      'tags',
      'and',
      'links',
    ]);
  });
});
