/**
 * Completion in rule packs and configs over a real LSP connection: schema
 * keys by place, values after `key:`, word-set names after `@`, and rule ids
 * in configs and suppression directives.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/engine/index';
import { startServer } from '../../server/src/lsp/server';
import { builtinEngine } from '../helpers/builtinEngine';
import { HOUSE_PACK as HOUSE, serverForSuite, TempWorkspace, TestClient } from '../helpers/lspTestClient';

/** `text` with the cursor marker `|` removed, and the cursor's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'a cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function labels(result: CompletionList | CompletionItem[] | null): string[] {
  const items = result === null ? [] : Array.isArray(result) ? result : result.items;
  return items.map((item) => item.label);
}

describe('lsp pack completion', () => {
  let client: TestClient;
  let workspace: TempWorkspace;
  let counter = 0;
  serverForSuite(
    (server) => ({ client, workspace } = server),
    (folder) => folder.write('house.termguard.yaml', HOUSE),
  );

  /** Opens `marked` (cursor at `|`) as a new pack (or config, in its own folder) and asks for completion there. */
  async function complete(marked: string, options: { config?: boolean; trigger?: string } = {}): Promise<CompletionList | null> {
    const { text, offset } = cursor(marked);
    counter++;
    const uri = options.config ? workspace.uri(`c${counter}/.termguard.yaml`) : workspace.uri(`p${counter}.termguard.yaml`);
    if (options.config) workspace.write(`c${counter}/house.termguard.yaml`, HOUSE);
    await client.open(uri, text, 'termguard-pack');
    const position = new LineIndex(text).positionAt(offset);
    return client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position,
      context: options.trigger ? { triggerKind: 2, triggerCharacter: options.trigger } : { triggerKind: 1 },
    });
  }

  it('announces the trigger characters and asks for save notifications', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = startServer({ reader: new StreamMessageReader(toServer), writer: new StreamMessageWriter(toClient) });
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as {
        capabilities: { completionProvider?: { triggerCharacters?: string[] }; textDocumentSync?: { save?: unknown } };
      };
      assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, ['@', ':', ' ']);
      assert.deepEqual(result.capabilities.textDocumentSync?.save, { includeText: false });
    } finally {
      connection.dispose();
      server.dispose();
    }
  });

  it('completes the top-level keys not written yet', async () => {
    const result = await complete('pack: house\n|\n');
    assert.deepEqual(labels(result).sort(), ['approved', 'description', 'documentation', 'glossary', 'rules', 'sets']);
  });

  it('completes rule keys inside a rule, required ones first, without those already there', async () => {
    const result = await complete('pack: house\nrules:\n  - id: house/x\n    category: style\n    |\n    message: Hi.\n');
    const bySortText = [...(result as CompletionList).items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    const found = labels(bySortText);
    assert.deepEqual(found.slice(0, 3), ['severity', 'reason', 'patterns']);
    assert.deepEqual(found.slice(3).sort(), ['alternatives', 'claim-model', 'conditions', 'examples', 'fixes', 'yields-to']);
    const severity = (result as CompletionList).items.find((item) => item.label === 'severity')!;
    assert.equal((severity.textEdit as TextEdit).newText, 'severity: ');
    assert.match(String((severity.documentation as { value: string } | undefined)?.value ?? severity.detail), /required|string/);
  });

  it('completes the keys of a new rule after a dash, and of compact sequences', async () => {
    assert.ok(labels(await complete('pack: house\nrules:\n  - |\n')).includes('id'));
    assert.ok(labels(await complete('pack: house\nrules:\n- id: a/b\n  |\n')).includes('patterns'));
  });

  it('completes condition, fix, example, fixed-example, pattern and glossary keys by place', async () => {
    const rule = 'pack: house\nrules:\n  - id: house/x\n    category: style\n';
    assert.deepEqual(labels(await complete(`${rule}    conditions:\n      not-negated: true\n      |\n`)).sort(), [
      'not-followed-by',
      'outside-approved',
      'sentence-mentions',
      'unless-quoted-with',
      'unless-sentence-mentions',
    ]);
    assert.deepEqual(labels(await complete(`${rule}    fixes:\n      - replace: use\n        |\n`)).sort(), [
      'inflect',
      'keep-case',
      'title',
    ]);
    assert.deepEqual(labels(await complete(`${rule}    fixes:\n      - |\n`)).sort(), ['inflect', 'keep-case', 'replace', 'title']);
    assert.deepEqual(labels(await complete(`${rule}    examples:\n      bad: ["x"]\n      |\n`)).sort(), ['fixed', 'good']);
    assert.deepEqual(labels(await complete(`${rule}    examples:\n      fixed:\n        - from: a\n          |\n`)), ['to']);
    assert.deepEqual(labels(await complete(`${rule}    patterns:\n      - pattern: "a b"\n        |\n`)), ['fixes']);
    assert.deepEqual(labels(await complete('pack: house\nglossary:\n  - id: acme\n    |\n')).sort(), [
      'definition',
      'facts',
      'forms',
      'guidance',
      'term',
    ]);
    // After the rules, back at the top level.
    assert.deepEqual(labels(await complete(`${rule}    severity: hint\n|\n`)).sort(), [
      'approved',
      'description',
      'documentation',
      'glossary',
      'sets',
    ]);
  });

  it('completes severities after `severity:`, and booleans', async () => {
    const afterSpace = await complete('pack: house\nrules:\n  - id: house/x\n    severity: |\n', { trigger: ' ' });
    assert.deepEqual(labels(afterSpace), ['error', 'warning', 'information', 'hint']);
    const afterColon = await complete('pack: house\nrules:\n  - id: house/x\n    severity:|\n', { trigger: ':' });
    assert.equal(((afterColon as CompletionList).items[0]!.textEdit as TextEdit).newText, ' error', 'a space is inserted after the colon');
    const partial = (await complete('pack: house\nrules:\n  - id: house/x\n    severity: wa|\n')) as CompletionList;
    assert.deepEqual((partial.items[0]!.textEdit as TextEdit).range.start.character, '    severity: '.length, 'the typed part is replaced');
    assert.deepEqual(
      labels(await complete('pack: house\nrules:\n  - id: house/x\n    conditions:\n      not-negated: |\n', { trigger: ' ' })),
      ['true', 'false'],
    );
  });

  it('offers nothing when a space is typed in indentation or in text', async () => {
    assert.equal(await complete('pack: house\nrules:\n  - id: house/x\n    |\n', { trigger: ' ' }), null);
    assert.equal(await complete('pack: house\ndescription: Our house |\n', { trigger: ' ' }), null);
  });

  it('completes the word sets of the pack after `@` in a pattern, even while the pack does not parse', async () => {
    const result = await complete(HOUSE.replace('"{@weak-verb}"', '"{@|'), { trigger: '@' });
    assert.deepEqual(labels(result), ['@vendor', '@weak-verb'], 'the pack’s own sets; other packs’ sets are not usable in its patterns');
    const item = (result as CompletionList).items[1]!;
    assert.equal((item.textEdit as TextEdit).newText, 'weak-verb');
    assert.match(String(item.detail), /word set of house \(2 members\)/);
    const partial = (await complete(HOUSE.replace('"{@weak-verb}"', '"{@wea|}"'))) as CompletionList;
    assert.deepEqual((partial.items[0]!.textEdit as TextEdit).range.start.character, '      - "{@'.length);
  });

  it('completes set names in sentence-mentions and not-followed-by', async () => {
    const base = HOUSE.replace('    fixes:\n', '    conditions:\n      sentence-mentions:\n        - |\n    fixes:\n');
    assert.deepEqual(labels(await complete(base)), ['vendor', 'weak-verb']);
    const flow = HOUSE.replace('    fixes:\n', '    conditions:\n      not-followed-by: [vendor, |]\n    fixes:\n');
    assert.deepEqual(labels(await complete(flow, { trigger: ' ' })), ['vendor', 'weak-verb']);
  });

  it('completes rule ids of the built-in and listed packs as keys of a config’s rules, and severities after them', async () => {
    const result = await complete('packs: [house.termguard.yaml]\nrules:\n  memo/enables-access: off\n  |\n', { config: true });
    const found = labels(result);
    const builtin = builtinEngine()
      .rules()
      .map((rule) => rule.id);
    assert.ok(found.includes('house/weak-verbs'), 'a rule of the listed pack');
    for (const id of builtin.filter((id) => id !== 'memo/enables-access')) assert.ok(found.includes(id), `built-in rule ${id}`);
    assert.ok(!found.includes('memo/enables-access'), 'not a rule already configured');
    assert.ok(found.includes('category:style'), 'categories too');
    const item = (result as CompletionList).items.find((candidate) => candidate.label === 'house/weak-verbs')!;
    assert.equal((item.textEdit as TextEdit).newText, 'house/weak-verbs: ');
    assert.match(String((item.documentation as { value: string }).value), /Prefer a plain verb/);

    assert.deepEqual(labels(await complete('rules:\n  memo/enables-access: |\n', { config: true, trigger: ' ' })), [
      'off',
      'hint',
      'information',
      'warning',
      'error',
    ]);
    assert.deepEqual(labels(await complete('root: true\n|\n', { config: true })).sort(), [
      'builtin',
      'claim-model',
      'ignore',
      'kinds',
      'packs',
      'readers',
      'rules',
    ]);
  });

  it('completes rule ids after a suppression directive', async () => {
    const result = await complete(
      HOUSE.replace('good: ["We used the cache."]', 'good: ["<!-- termguard-disable-next-line house/| --> We utilized it."]'),
    );
    const found = labels(result);
    assert.ok(found.includes('house/weak-verbs') && found.includes('memo/enables-access'), found.join(', '));
    const item = (result as CompletionList).items.find((candidate) => candidate.label === 'house/weak-verbs')!;
    assert.equal((item.textEdit as TextEdit).range.end.character - (item.textEdit as TextEdit).range.start.character, 'house/'.length);
  });

  it('answers null for documents that are not packs', async () => {
    const uri = workspace.uri('prose.md');
    await client.open(uri, 'Some text.\n');
    await client.waitForDiagnostics(uri, 1);
    assert.equal(
      await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } }),
      null,
    );
  });
});
