/**
 * Word forms kept across server starts (server/src/lsp/morphologyCache.ts):
 * a pack whose words an earlier process asked compromise about builds and
 * checks without loading compromise; the cache file is keyed by the
 * installation, and a broken, foreign or unwritable one never stops the server.
 *
 * The first test must run before anything in this process loads compromise
 * (node --test runs each file in a process of its own).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RemoteConsole } from 'vscode-languageserver/node';
import { createEngine } from '../../server/src/engine/index';
import {
  computeConjugation,
  computeWordForms,
  learnedMorphology,
  morphologyLibraryLoaded,
  rememberMorphology,
} from '../../server/src/engine/morphology/wordForms';
import { Logger } from '../../server/src/lsp/logger';
import { MORPHOLOGY_CACHE_FILE, MorphologyCache, parseMorphologyCache } from '../../server/src/lsp/morphologyCache';
import { TempWorkspace, TestClient } from '../helpers/lspTestClient';

const PACK = `pack: team
rules:
  - id: team/no-frobnicate
    category: plain-language
    severity: warning
    message: "Say change, not {match}."
    reason: Nobody knows the word.
    patterns: [frobnicate]
    fixes: [{ replace: tweak }]
    examples: { bad: ["We frobnicate it."], good: ["We change it."] }
`;

/** A logger that keeps what it is told. */
function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const record = (message: string): void => void lines.push(message);
  const console = { error: record, warn: record, info: record, log: record } as unknown as RemoteConsole;
  return { logger: new Logger(console), lines };
}

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'termguard-morphology-'));
  folders.push(folder);
  return folder;
}
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('word forms remembered from an earlier process', () => {
  it('let a pack with words outside the built-in table build, check and fix without loading compromise', () => {
    rememberMorphology({
      forms: {
        frobnicate: [
          ['frobnicate', 'base'],
          ['frobnicates', 'third-person'],
          ['frobnicated', 'past'],
          ['frobnicating', 'gerund'],
        ],
      },
      conjugations: { 'tweak\u0000past': 'tweaked' },
    });
    const engine = createEngine([{ file: 'team.termguard.yaml', text: PACK }]);
    assert.deepEqual(engine.problems, []);
    const findings = engine.check('We frobnicated the queue.', 'plaintext').findings;
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.fixes[0]?.edits[0]?.newText]),
      [['team/no-frobnicate', 'tweaked']],
    );
    assert.equal(morphologyLibraryLoaded(), false, 'compromise stayed unloaded');
    assert.deepEqual(learnedMorphology(), { forms: {}, conjugations: {} }, 'nothing new was learned');
  });

  it('are what compromise says (the cache holds its answers, not guesses)', () => {
    assert.deepEqual(computeWordForms('frobnicate'), [
      ['frobnicate', 'base'],
      ['frobnicates', 'third-person'],
      ['frobnicated', 'past'],
      ['frobnicating', 'gerund'],
    ]);
    assert.equal(computeConjugation('tweak', 'past'), 'tweaked');
  });
});

describe('the morphology cache file', () => {
  it('keeps only valid entries of a file for this installation', () => {
    const good = {
      format: 1,
      key: 'k',
      forms: { a: [['a', null]], b: [['b', 'bogus']], c: 'x' },
      conjugations: { 'a\u0000past': 'aed', bad: 3 },
    };
    assert.deepEqual(parseMorphologyCache(good, 'k'), { forms: { a: [['a', null]] }, conjugations: { 'a\u0000past': 'aed' } });
    assert.equal(parseMorphologyCache(good, 'other installation'), undefined);
    assert.equal(parseMorphologyCache({ ...good, format: 2 }, 'k'), undefined);
    assert.equal(parseMorphologyCache(null, 'k'), undefined);
    assert.equal(parseMorphologyCache([1, 2], 'k'), undefined);
  });

  it('saves what compromise was asked, under the installation key, and ignores a file of another installation or garbage', () => {
    const folder = tempFolder();
    computeWordForms('zorble');
    createEngine([{ file: 'team.termguard.yaml', text: PACK.replace(/frobnicate/g, 'zorble') }]);
    const { logger } = recordingLogger();
    new MorphologyCache(folder, 'install-1', logger).save();
    const saved = JSON.parse(readFileSync(join(folder, MORPHOLOGY_CACHE_FILE), 'utf8')) as { key: string; forms: Record<string, unknown> };
    assert.equal(saved.key, 'install-1');
    assert.ok('zorble' in saved.forms, JSON.stringify(Object.keys(saved.forms)));

    const other = recordingLogger();
    new MorphologyCache(folder, 'install-2', other.logger).load();
    assert.ok(
      other.lines.some((line) => /another installation/.test(line)),
      other.lines.join('\n'),
    );

    writeFileSync(join(folder, MORPHOLOGY_CACHE_FILE), '{"format": 1, "key": "install-1", "forms": {');
    const garbage = recordingLogger();
    new MorphologyCache(folder, 'install-1', garbage.logger).load();
    assert.ok(
      garbage.lines.some((line) => /ignoring the morphology cache/.test(line)),
      garbage.lines.join('\n'),
    );
  });

  it('only warns when the folder cannot be written', () => {
    // A folder inside a file cannot be made, whoever runs the test.
    const blocker = join(tempFolder(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    createEngine([{ file: 'team.termguard.yaml', text: PACK.replace(/frobnicate/g, 'quibblify') }]);
    const { logger, lines } = recordingLogger();
    new MorphologyCache(join(blocker, 'cache'), 'k', logger).save();
    assert.ok(
      lines.some((line) => /could not save the morphology cache/.test(line)),
      lines.join('\n'),
    );
  });

  it('is written by the server for the folder the client names, and read at the next start', async () => {
    const cache = tempFolder();
    const workspace = new TempWorkspace();
    try {
      workspace.write('.termguard.yaml', 'packs: [team.termguard.yaml]\n');
      workspace.write('team.termguard.yaml', PACK.replace(/frobnicate/g, 'blorptify'));
      const first = await TestClient.start({ folders: [workspace.root], settings: { debounceMs: 0 }, cacheDirectory: cache });
      try {
        await first.open(workspace.uri('doc.md'), 'We blorptify things.\n');
        await first.waitForPublication(workspace.uri('doc.md'), (params) => params.diagnostics.length === 1, 'the team finding');
        await first.connection.sendRequest('shutdown');
      } finally {
        first.dispose();
      }
      const saved = JSON.parse(readFileSync(join(cache, MORPHOLOGY_CACHE_FILE), 'utf8')) as { forms: Record<string, unknown> };
      assert.ok('blorptify' in saved.forms);

      const second = await TestClient.start({ folders: [workspace.root], settings: { debounceMs: 0 }, cacheDirectory: cache });
      try {
        await second.waitFor('the cache to be read', () =>
          second.logMessages.find((message) => /from the morphology cache/.test(message.message)),
        );
      } finally {
        second.dispose();
      }
    } finally {
      workspace.remove();
    }
    assert.ok(existsSync(cache));
  });
});
