/**
 * What editors other than VS Code do differently. The language ids they send (Neovim filetypes,
 * Emacs eglot's major-mode names, JetBrains and Zed language names), over a
 * real LSP connection with default settings: each document is checked, and
 * read as the kind its id or file name stands for. And a client that refuses
 * the server's registrations (Emacs eglot 1.9) still gets diagnostics.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentKind } from '../../server/src/engine/api';
import { kindOfLanguageId } from '../../server/src/lsp/languageIds';
import { essentials, expected } from '../helpers/expectedDiagnostics';
import { serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

/** Findings differ by kind: a `#` line is a heading in Markdown and a comment in a commit message; Markdown skips the fence, AsciiDoc the listing block too. */
const TEXT = [
  '# The SRE calls on ChatGPT.',
  '',
  'The SRE enables access to ChatGPT.',
  '',
  '```',
  'Agents call on OpenAI models.',
  '```',
  '',
  '----',
  'The SRE calls on ChatGPT.',
  '----',
  '',
].join('\n');

interface EditorCase {
  readonly editor: string;
  readonly languageId: string;
  readonly file: string;
  readonly kind: DocumentKind;
}

const CASES: readonly EditorCase[] = [
  { editor: 'Neovim', languageId: 'gitcommit', file: 'nvim/.git/COMMIT_EDITMSG', kind: 'gitcommit' },
  { editor: 'Neovim', languageId: 'text', file: 'nvim/notes.txt', kind: 'plaintext' },
  { editor: 'Emacs text-mode', languageId: 'text', file: 'emacs/.git/COMMIT_EDITMSG', kind: 'gitcommit' },
  { editor: 'Emacs eglot (one id per server)', languageId: 'markdown', file: 'shared/.git/COMMIT_EDITMSG', kind: 'gitcommit' },
  { editor: 'Emacs text-mode', languageId: 'text', file: 'emacs/notes.md', kind: 'markdown' },
  { editor: 'Emacs gfm-mode', languageId: 'gfm', file: 'emacs/README', kind: 'markdown' },
  { editor: 'Emacs markdown-ts-mode', languageId: 'markdown-ts', file: 'emacs/GUIDE', kind: 'markdown' },
  { editor: 'Emacs adoc-mode', languageId: 'adoc', file: 'emacs/guide', kind: 'asciidoc' },
  { editor: 'JetBrains', languageId: 'Markdown', file: 'jetbrains/draft', kind: 'markdown' },
  { editor: 'Zed', languageId: 'Plain Text', file: 'zed/draft.md', kind: 'markdown' },
  { editor: 'Helix', languageId: 'git-commit', file: 'helix/message.txt', kind: 'gitcommit' },
];

describe('language ids of other editors', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  serverForSuite((server) => ({ client, workspace } = server));

  it('the sample text tells Markdown, plain text, AsciiDoc and commit messages apart', () => {
    const kinds: DocumentKind[] = ['markdown', 'plaintext', 'gitcommit', 'asciidoc'];
    const results = kinds.map((kind) => JSON.stringify(expected(TEXT, kind)));
    assert.equal(new Set(results).size, kinds.length);
  });

  for (const { editor, languageId, file, kind } of CASES) {
    it(`${editor}: \`${languageId}\` for ${file} is checked as ${kind}`, async () => {
      const uri = workspace.uri(file);
      await client.open(uri, TEXT, languageId);
      const published = await client.waitForDiagnostics(uri, 1);
      assert.deepEqual(published.diagnostics.map(essentials), expected(TEXT, kind));
    });
  }

  it('matches ids without regard to case, spaces or a -mode / -ts ending, and knows common editors’ names', () => {
    const table: [string, DocumentKind | undefined][] = [
      ['text-mode', 'plaintext'],
      ['Plain_Text', 'plaintext'],
      ['MARKDOWN', 'markdown'],
      ['gfm-mode', 'markdown'],
      ['rst-mode', 'rst'],
      ['restructuredtext', 'rst'],
      ['mhtml', 'html'],
      ['sh', 'shellscript'],
      ['bash-ts', 'shellscript'],
      ['python-ts', 'python'],
      ['tsx-ts', 'typescriptreact'],
      ['js', 'javascript'],
      ['js-json', 'json'],
      ['log-edit', 'gitcommit'],
      ['org', undefined],
    ];
    assert.deepEqual(
      table.map(([id]) => [id, kindOfLanguageId(id)]),
      table,
    );
  });
});

describe('a client that refuses registrations', () => {
  it('keeps the server running and still gets diagnostics (Emacs eglot 1.9 refuses the file watchers)', async () => {
    const workspace = new TempWorkspace();
    const client = await TestClient.start({ folders: [workspace.root], settings: { debounceMs: 0 }, refuseRegistrations: true });
    try {
      const uri = workspace.uri('notes.md');
      await client.open(uri, TEXT);
      const published = await client.waitForDiagnostics(uri, 1);
      assert.deepEqual(published.diagnostics.map(essentials), expected(TEXT, 'markdown'));
    } finally {
      client.dispose();
      workspace.remove();
    }
  });
});
