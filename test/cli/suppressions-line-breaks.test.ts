/**
 * Suppression comments in documents whose lines end with `\r\n` or a lone
 * `\r`: a lone `\r` ends a line (as LineIndex reads text), so
 * `disable-next-line` must reach the line after it, and the CLI (a whole
 * check) and the editor (an incremental session, over LSP) must agree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';
import { main } from '../../server/src/cli/main';
import { createEngine } from '../../server/src/engine/index';
import { builtinEngine } from '../helpers/builtinEngine';
import { memoryIO, tempTree } from '../helpers/cliRun';
import { serverForSuite, type SuiteServer } from '../helpers/lspTestClient';

const REPORTED = 'The SRE enables access to ChatGPT.\n';

/** Documents with suppression comments, written with `\n`; each test also runs them with `\r\n` and a lone `\r`. */
const DOCUMENTS = [
  `<!-- termguard-disable-next-line -->\n${REPORTED}`,
  `<!-- termguard-disable-next-line memo/enables-access -->\n\n\n${REPORTED}${REPORTED}`,
  `Intro line.\n<!-- termguard-disable-next-line -->\n${REPORTED}${REPORTED}`,
  `- item\n  <!-- termguard-disable-next-line -->\n  ${REPORTED}`,
  `<!-- termguard-disable -->\n${REPORTED}<!-- termguard-enable -->\n${REPORTED}`,
  `<!-- termguard-disable-next-line -->\nAll good.\n${REPORTED}`,
];

const LINE_BREAKS = [
  { name: 'CRLF', lineBreak: '\r\n' },
  { name: 'lone CR', lineBreak: '\r' },
];

function withLineBreak(text: string, lineBreak: string): string {
  return text.replace(/\n/g, lineBreak);
}

/** Findings and problems as `line:character rule` strings, the positions read with the engine's LineIndex. */
function summary(
  text: string,
  result: {
    findings: readonly { ruleId: string; range: { start: number } }[];
    problems: readonly { code: string; line: number; column: number }[];
  },
): string[] {
  const lineOf = (offset: number): string => {
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length - 1;
    return `${line}:${offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1}`;
  };
  return [
    ...result.findings.map((finding) => `${lineOf(finding.range.start)} ${finding.ruleId}`),
    ...result.problems.map((problem) => `${problem.line}:${problem.column} ${problem.code}`),
  ];
}

describe('suppression comments with CRLF and lone CR line breaks', () => {
  const engine = builtinEngine();

  for (const { name, lineBreak } of LINE_BREAKS) {
    it(`a whole check (the CLI's) and a session (the editor's) agree with the \\n result (${name})`, () => {
      for (const document of DOCUMENTS) {
        const text = withLineBreak(document, lineBreak);
        const expected = summary(document, engine.check(document, 'markdown'));
        assert.deepEqual(summary(text, engine.check(text, 'markdown')), expected, `check of ${JSON.stringify(text)}`);
        assert.deepEqual(summary(text, engine.openDocument(text, 'markdown').result()), expected, `session of ${JSON.stringify(text)}`);
      }
    });
  }

  it('the reported case: a lone CR after disable-next-line suppresses the finding on the next line, in the CLI', async () => {
    const text = '<!-- termguard-disable-next-line -->\rThe SRE enables access to ChatGPT.\r';
    const root = tempTree({ 'lone-cr.md': text, 'newline.md': text.replace(/\r/g, '\n') });
    const io = memoryIO(root);
    const code = await main(['check', '--format', 'json', 'lone-cr.md', 'newline.md'], io, {
      engineFactory: createEngine,
      builtinPackFiles,
    });
    assert.equal(io.err(), '');
    assert.equal(code, 0);
    const report = JSON.parse(io.out()) as { file: string; diagnostics: unknown[] }[];
    assert.deepEqual(report, [
      { file: 'lone-cr.md', diagnostics: [] },
      { file: 'newline.md', diagnostics: [] },
    ]);
  });
});

describe('suppression comments with a lone CR, in the editor', () => {
  let server: SuiteServer;
  serverForSuite((started) => (server = started));

  it('publishes neither the suppressed finding nor an unused-suppression hint', async () => {
    const { client, workspace } = server;
    const uri = workspace.uri('lone-cr.md');
    await client.open(uri, '<!-- termguard-disable-next-line -->\rThe SRE enables access to ChatGPT.\r');
    assert.deepEqual((await client.waitForDiagnostics(uri, 1)).diagnostics, []);
    // And typing keeps it so: the session is updated, not rebuilt.
    const version = await client.replace(uri, client.text(uri).length, client.text(uri).length, 'The SRE enables access to ChatGPT.\r');
    const codes = (await client.waitForDiagnostics(uri, version)).diagnostics.map(
      (diagnostic) => `${diagnostic.range.start.line} ${diagnostic.code}`,
    );
    assert.deepEqual(codes, ['2 memo/enables-access']);
  });
});
