/**
 * One document of each kind in the real editor: the server reads it in its
 * own format (a sentence inside code, a listing or a `#` line is not
 * reported, the same sentence in prose is), and the preferred quick fix
 * rewrites the prose in place. Notebooks are opened in the notebook editor,
 * where each cell is its own document (`vscode-notebook-cell:`): a Markdown
 * cell is read as Markdown and a code cell as code.
 *
 * The files are written into the temporary workspace by the suite and
 * removed at its end, edited in the editor and never saved.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  DIAGNOSTICS_TIMEOUT_MS,
  findingsOf,
  ruleOf,
  termguardDiagnostics,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
  writeWorkspaceFile,
} from './testkit';

const SENTENCE = 'The SRE enables access to ChatGPT.';
const FIXED = 'The SRE integrates with ChatGPT.';
const RULE = 'memo/enables-access';

/** A document of one kind: its text, and the line that holds the only reported sentence before and after the fix. */
interface KindCase {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  /** The VS Code language id it is expected to open with. */
  readonly languageId: string;
  readonly line: string;
  readonly fixedLine: string;
}

const CASES: readonly KindCase[] = [
  {
    name: 'MDX',
    path: 'kinds/guide.mdx',
    languageId: 'plaintext',
    text: `import { Note } from './note'\n\n# Guide\n\n\`\`\`js\nconst s = '${SENTENCE}';\n\`\`\`\n\n<Note>${SENTENCE}</Note>\n`,
    line: `<Note>${SENTENCE}</Note>`,
    fixedLine: `<Note>${FIXED}</Note>`,
  },
  {
    name: 'HTML',
    path: 'kinds/page.html',
    languageId: 'html',
    text: `<!doctype html>\n<html><body>\n<script>const s = "${SENTENCE}";</script>\n<p>${SENTENCE}</p>\n</body></html>\n`,
    line: `<p>${SENTENCE}</p>`,
    fixedLine: `<p>${FIXED}</p>`,
  },
  {
    name: 'AsciiDoc',
    path: 'kinds/guide.adoc',
    languageId: 'plaintext',
    text: `= Guide\n\n----\n${SENTENCE}\n----\n\nNOTE: ${SENTENCE}\n`,
    line: `NOTE: ${SENTENCE}`,
    fixedLine: `NOTE: ${FIXED}`,
  },
  {
    name: 'reStructuredText',
    path: 'kinds/guide.rst',
    languageId: 'restructuredtext',
    text: `Guide\n=====\n\n::\n\n    ${SENTENCE}\n\n- ${SENTENCE}\n`,
    line: `- ${SENTENCE}`,
    fixedLine: `- ${FIXED}`,
  },
  {
    name: 'TypeScript (turned on by kinds: in a .termguard.yaml)',
    path: 'kinds/code/banner.ts',
    languageId: 'typescript',
    text: `import { show } from './show';\n\nexport const id = 'sre.enables.access';\nshow("${SENTENCE}");\n`,
    line: `show("${SENTENCE}");`,
    fixedLine: `show("${FIXED}");`,
  },
  {
    name: 'git commit message',
    path: 'kinds/COMMIT_EDITMSG',
    languageId: 'git-commit',
    text: `Open the SRE console\n\n${SENTENCE}\n# ${SENTENCE}\n# Lines starting with '#' will be ignored.\n`,
    line: SENTENCE,
    fixedLine: FIXED,
  },
  {
    name: 'plain text',
    path: 'kinds/notes.txt',
    languageId: 'plaintext',
    text: `Notes\n\n* ${SENTENCE}\n`,
    line: `* ${SENTENCE}`,
    fixedLine: `* ${FIXED}`,
  },
];

/** The notebook: a Markdown cell (a code span hides the sentence, the list item shows it) and a Python cell. */
const NOTEBOOK = {
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Notes\n', '\n', `\`${SENTENCE}\`\n`, '\n', `- ${SENTENCE}`] },
    {
      cell_type: 'code',
      execution_count: null,
      metadata: {},
      outputs: [],
      source: [`# ${SENTENCE}\n`, 'x = "sre_enables_access"'],
    },
  ],
  metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
};

/** The diagnostics of `RULE` in a document, once there is exactly one. */
async function theFinding(document: vscode.TextDocument): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(
    document.uri,
    (all) => all.filter((diagnostic) => ruleOf(diagnostic) === RULE).length === 1,
    `exactly one ${RULE} finding`,
  );
  return diagnostics.find((diagnostic) => ruleOf(diagnostic) === RULE)!;
}

/**
 * Waits until the cell at `index` of the notebook in `editor` has a text
 * editor: code action providers run on an editor's model, which a Markdown
 * cell shown as a preview does not have until it is edited.
 */
async function cellEditor(editor: vscode.NotebookEditor, index: number): Promise<vscode.TextEditor> {
  const cell = editor.notebook.cellAt(index);
  if (cell.kind === vscode.NotebookCellKind.Markup) {
    editor.selections = [new vscode.NotebookRange(index, index + 1)];
    await vscode.commands.executeCommand('notebook.cell.edit');
  }
  return waitFor(
    () => vscode.window.visibleTextEditors.find((candidate) => candidate.document === cell.document),
    () => `an editor for cell ${index}`,
    DIAGNOSTICS_TIMEOUT_MS,
    vscode.window.onDidChangeVisibleTextEditors,
  );
}

/** Applies the preferred quick fix of `finding`, then waits until the finding is gone. */
async function applyPreferredFix(document: vscode.TextDocument, finding: vscode.Diagnostic): Promise<void> {
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range)) ?? [];
  const preferred = actions.find((action) => action.isPreferred && action.kind?.value === vscode.CodeActionKind.QuickFix.value);
  assert.ok(preferred?.edit, `a preferred quick fix among: ${actions.map((action) => action.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(preferred.edit), 'the edit applies');
  await waitForDiagnostics(
    document.uri,
    (all) => !all.some((diagnostic) => ruleOf(diagnostic) === RULE),
    `the ${RULE} finding to go after the fix`,
  );
}

suite('Document kinds', () => {
  suiteSetup(async () => {
    await activateExtension();
    // Source code is off unless a config turns it on: this folder's does (it adds to the workspace config).
    writeWorkspaceFile('kinds/code/.termguard.yaml', 'kinds: [typescript]\n');
    for (const kind of CASES) writeWorkspaceFile(kind.path, kind.text);
    writeWorkspaceFile('kinds/analysis.ipynb', JSON.stringify(NOTEBOOK, null, 1));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile('kinds').fsPath, { recursive: true, force: true });
  });

  for (const kind of CASES) {
    test(`${kind.name}: the prose is reported, not the code or markup around it, and the quick fix rewrites it`, async () => {
      const document = await vscode.workspace.openTextDocument(workspaceFile(kind.path));
      await vscode.window.showTextDocument(document, { preview: false });
      assert.equal(document.languageId, kind.languageId, `${kind.path} opens as ${kind.languageId}`);
      const lineIndex = document.getText().split('\n').indexOf(kind.line);
      const finding = await theFinding(document);
      assert.equal(
        finding.range.start.line,
        lineIndex,
        `the finding is on "${kind.line}": ${JSON.stringify(findingsOf(termguardDiagnostics(document.uri)))}`,
      );
      await applyPreferredFix(document, finding);
      assert.equal(document.lineAt(lineIndex).text, kind.fixedLine);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }

  test('a notebook in the notebook editor: its Markdown cell is read as Markdown and its code cell as Python, each with a working quick fix', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceFile('kinds/analysis.ipynb'));
    const editor = await vscode.window.showNotebookDocument(notebook);
    const [markdownCell, codeCell] = [notebook.cellAt(0).document, notebook.cellAt(1).document];
    assert.equal(markdownCell.uri.scheme, 'vscode-notebook-cell');
    assert.deepEqual([markdownCell.languageId, codeCell.languageId], ['markdown', 'python']);

    // The code span is not prose; the list item is.
    const inMarkdown = await theFinding(markdownCell);
    await cellEditor(editor, 0);
    assert.equal(inMarkdown.range.start.line, 4);
    await applyPreferredFix(markdownCell, inMarkdown);
    assert.equal(markdownCell.lineAt(4).text, `- ${FIXED}`);
    assert.equal(markdownCell.lineAt(2).text, `\`${SENTENCE}\``);

    // A comment is prose; an identifier-like string is not.
    const inCode = await theFinding(codeCell);
    await cellEditor(editor, 1);
    assert.equal(inCode.range.start.line, 0);
    await applyPreferredFix(codeCell, inCode);
    assert.equal(codeCell.lineAt(0).text, `# ${FIXED}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
