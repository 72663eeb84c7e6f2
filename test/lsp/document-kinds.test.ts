/**
 * Which documents the server checks and how it reads them, over a real LSP
 * connection: `.termguard.yaml`'s `kinds:` and `readers:` decide as they do
 * for the CLI (project/documentKinds.ts, cli/commands/check.ts), and cells
 * of a notebook open in VS Code's notebook editor are read by their own
 * language.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TempWorkspace, TestClient } from '../helpers/lspTestClient';

/** A sentence the built-in pack reports; inside a code span Markdown hides it, plain text does not. */
const FINDING = 'The SRE enables access to ChatGPT.';

async function withWorkspace(
  files: Record<string, string>,
  body: (client: TestClient, workspace: TempWorkspace) => Promise<void>,
): Promise<void> {
  const workspace = new TempWorkspace();
  for (const [path, text] of Object.entries(files)) workspace.write(path, text);
  const client = await TestClient.start({ folders: [workspace.root], settings: { debounceMs: 0 } });
  try {
    await body(client, workspace);
  } finally {
    client.dispose();
    workspace.remove();
  }
}

/** The rule ids published for a document opened with `languageId`. */
async function rulesOf(client: TestClient, uri: string, text: string, languageId: string): Promise<string[]> {
  await client.open(uri, text, languageId);
  const published = await client.waitForDiagnostics(uri, 1);
  return published.diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}

describe('lsp document kinds from .termguard.yaml', () => {
  it('reads a file as the kind its readers glob names, and the others by their language', async () => {
    const text = `Read \`${FINDING}\` aloud.\n`;
    await withWorkspace(
      { '.termguard.yaml': 'readers:\n  "notes/**/*.txt": markdown\n  "legacy/*.md": plaintext\n' },
      async (client, workspace) => {
        // Read as Markdown, the code span is not prose.
        assert.deepEqual(await rulesOf(client, workspace.uri('notes/a/todo.txt'), text, 'plaintext'), []);
        assert.deepEqual(await rulesOf(client, workspace.uri('other.txt'), text, 'plaintext'), ['memo/enables-access']);
        // Read as plain text, it is.
        assert.deepEqual(await rulesOf(client, workspace.uri('legacy/old.md'), text, 'markdown'), ['memo/enables-access']);
        assert.deepEqual(await rulesOf(client, workspace.uri('new.md'), text, 'markdown'), []);
      },
    );
  });

  it('checks a kind of code that termguard.languages leaves out once a config turns it on with kinds or a readers glob', async () => {
    const python = `# ${FINDING}\nprint("hello")\n`;
    await withWorkspace(
      {
        'tools/.termguard.yaml': 'kinds: [python]\n',
        'scripts/.termguard.yaml': 'readers:\n  "*.py": python\n',
      },
      async (client, workspace) => {
        assert.deepEqual(await rulesOf(client, workspace.uri('tools/build.py'), python, 'python'), ['memo/enables-access']);
        assert.deepEqual(await rulesOf(client, workspace.uri('scripts/run.py'), python, 'python'), ['memo/enables-access']);
        // No config turns Python on here, and the settings do not list it: hovering forces the check, and nothing is published.
        const unlisted = workspace.uri('app/main.py');
        await client.open(unlisted, python, 'python');
        assert.equal(await client.hover(unlisted, 10), null);
        assert.equal(client.lastDiagnostics(unlisted), undefined);
      },
    );
  });

  it('follows a config that changes: a readers glob added later re-reads the files it maps', async () => {
    const text = `Read \`${FINDING}\` aloud.\n`;
    await withWorkspace({ '.termguard.yaml': 'kinds: []\n' }, async (client, workspace) => {
      const uri = workspace.uri('docs/guide.md');
      assert.deepEqual(await rulesOf(client, uri, text, 'markdown'), []);
      workspace.write('.termguard.yaml', 'readers:\n  "docs/**": plaintext\n');
      const next = client.waitForDiagnostics(uri);
      await client.notifyWatchedFiles([{ uri: workspace.uri('.termguard.yaml'), type: 2 }]);
      const republished = await next;
      assert.deepEqual(
        republished.diagnostics.map((diagnostic) => String(diagnostic.code)),
        ['memo/enables-access'],
      );
    });
  });
});

describe('lsp document kinds from file names', () => {
  it('reads a prose format VS Code opens as plain text (AsciiDoc, MDX) by its file name', async () => {
    await withWorkspace({}, async (client, workspace) => {
      const adoc = `= Guide\n\n----\n${FINDING}\n----\n`;
      assert.deepEqual(await rulesOf(client, workspace.uri('guide.adoc'), adoc, 'plaintext'), []);
      assert.deepEqual(await rulesOf(client, workspace.uri('guide.txt'), adoc, 'plaintext'), ['memo/enables-access']);
      const mdx = `import { Note } from './note'\n\n\`\`\`js\n${FINDING}\n\`\`\`\n`;
      assert.deepEqual(await rulesOf(client, workspace.uri('page.mdx'), mdx, 'plaintext'), []);
    });
  });
});

describe('lsp notebook cells', () => {
  it('reads a Markdown cell as Markdown and a code cell as code, with the notebook’s config', async () => {
    await withWorkspace({ 'lab/.termguard.yaml': 'rules:\n  memo/enables-access: information\n' }, async (client, workspace) => {
      const notebook = workspace.uri('lab/analysis.ipynb').replace(/^file:/, 'vscode-notebook-cell:');
      const markdownCell = `${notebook}#W0sZmlsZQ%3D%3D`;
      const codeCell = `${notebook}#W1sZmlsZQ%3D%3D`;
      await client.open(markdownCell, `# Notes\n\nRead \`${FINDING}\` aloud. ${FINDING}\n`, 'markdown');
      const markdown = await client.waitForDiagnostics(markdownCell, 1);
      assert.deepEqual(
        markdown.diagnostics.map((diagnostic) => [String(diagnostic.code), diagnostic.range.start.character, diagnostic.severity]),
        [['memo/enables-access', 57, 3]],
      );
      // Under code-server a cell's URI carries the remote's authority; the path is still the notebook's.
      const remoteCell = `${notebook.replace(/^vscode-notebook-cell:\/\//, 'vscode-notebook-cell://127.0.0.1:8080')}#W2sZmlsZQ%3D%3D`;
      await client.open(remoteCell, `${FINDING}\n`, 'markdown');
      const remote = await client.waitForDiagnostics(remoteCell, 1);
      assert.deepEqual(
        remote.diagnostics.map((diagnostic) => diagnostic.severity),
        [3],
        'the notebook folder’s config (information) applies',
      );
      await client.open(codeCell, `# ${FINDING}\nx = "data_id"\n`, 'python');
      const code = await client.waitForDiagnostics(codeCell, 1);
      assert.deepEqual(
        code.diagnostics.map((diagnostic) => String(diagnostic.code)),
        ['memo/enables-access'],
      );
    });
  });
});
