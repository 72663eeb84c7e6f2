/**
 * Workspace configuration over a real LSP connection: `.termguard.yaml`
 * packs and overrides (walked up per document, per workspace folder), broken
 * packs, watched-file rebuilds, restricted mode, settings packs, baselines.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createBaseline, stringifyBaseline } from '../../server/src/engine/document/baseline';
import { builtinEngine } from '../helpers/builtinEngine';
import { TempWorkspace, TestClient } from '../helpers/lspTestClient';

const teamPack = (message = 'Avoid “{match}”: it is jargon.'): string => `pack: team
rules:
  - id: team/synergy
    category: jargon
    severity: warning
    message: "${message}"
    reason: Jargon hides meaning.
    alternatives: [cooperation]
    patterns: ["{synergy}"]
    fixes:
      - replace: cooperation
    examples:
      bad: ["We value synergy."]
      good: ["We value cooperation."]
`;

const DOC = 'We value synergy across teams.\n\nThe SRE enables access to ChatGPT.\n';

function codes(diagnostics: readonly { code?: string | number }[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}

async function withClient(
  setup: (workspace: TempWorkspace) => void,
  options: {
    trusted?: boolean;
    settings?: Record<string, unknown>;
    folders?: (workspace: TempWorkspace) => string[];
    brokenFileNotices?: boolean;
  },
  body: (client: TestClient, workspace: TempWorkspace) => Promise<void>,
): Promise<void> {
  const workspace = new TempWorkspace();
  setup(workspace);
  const client = await TestClient.start({
    folders: options.folders ? options.folders(workspace) : [workspace.root],
    settings: { debounceMs: 0, ...options.settings },
    ...(options.trusted !== undefined ? { trusted: options.trusted } : {}),
    ...(options.brokenFileNotices ? { brokenFileNotices: true } : {}),
  });
  try {
    await body(client, workspace);
  } finally {
    client.dispose();
    workspace.remove();
  }
}

describe('lsp workspace configuration', () => {
  it('loads the packs of .termguard.yaml next to (or above) the document', async () => {
    await withClient(
      (ws) => {
        ws.write('.termguard.yaml', 'packs: [packs/team.termguard.yaml]\n');
        ws.write('packs/team.termguard.yaml', teamPack());
        ws.write('docs/sub/.termguard.yaml', 'rules:\n  memo/enables-access: hint\n');
      },
      {},
      async (client, ws) => {
        const top = ws.uri('top.md');
        await client.open(top, DOC);
        const published = await client.waitForDiagnostics(top, 1);
        assert.deepEqual(codes(published.diagnostics), ['memo/enables-access', 'team/synergy']);
        // A nested config adds its overrides to the parent's packs (walk-up merge, as in the CLI).
        const nested = ws.uri('docs/sub/nested.md');
        await client.open(nested, DOC);
        const nestedPublished = await client.waitForDiagnostics(nested, 1);
        assert.deepEqual(codes(nestedPublished.diagnostics), ['memo/enables-access', 'team/synergy']);
        assert.equal(nestedPublished.diagnostics.find((d) => d.code === 'memo/enables-access')?.severity, 4);
      },
    );
  });

  it('gives each workspace folder its own configuration (multi-root)', async () => {
    await withClient(
      (ws) => {
        ws.write('a/.termguard.yaml', 'root: true\npacks: [team.termguard.yaml]\n');
        ws.write('a/team.termguard.yaml', teamPack());
        ws.write('b/.termguard.yaml', 'root: true\nrules:\n  memo/enables-access: "off"\n');
      },
      { folders: (ws) => [ws.path('a'), ws.path('b')] },
      async (client, ws) => {
        const a = ws.uri('a/doc.md');
        const b = ws.uri('b/doc.md');
        await client.open(a, DOC);
        await client.open(b, DOC);
        assert.deepEqual(codes((await client.waitForDiagnostics(a, 1)).diagnostics), ['memo/enables-access', 'team/synergy']);
        assert.deepEqual(codes((await client.waitForDiagnostics(b, 1)).diagnostics), []);
      },
    );
  });

  it('does not check files excluded by the ignore globs of the config', async () => {
    await withClient(
      (ws) => ws.write('.termguard.yaml', 'ignore: [drafts]\n'),
      {},
      async (client, ws) => {
        const draft = ws.uri('drafts/x.md');
        await client.open(draft, DOC);
        assert.equal(await client.hover(draft, DOC.indexOf('access')), null);
        assert.equal(client.lastDiagnostics(draft), undefined);
      },
    );
  });

  it('keeps built-in checking when a configured pack is broken, and reports the pack on the pack file once', async () => {
    await withClient(
      (ws) => {
        ws.write('.termguard.yaml', 'packs: [broken.termguard.yaml]\n');
        ws.write('broken.termguard.yaml', 'pack: broken\nrules:\n  - id: broken/x\n    patterns: ["foo (bar"]\n');
      },
      {},
      async (client, ws) => {
        const doc = ws.uri('doc.md');
        await client.open(doc, DOC);
        const published = await client.waitForDiagnostics(doc, 1);
        assert.deepEqual(codes(published.diagnostics), ['memo/enables-access'], 'built-in rules still run');
        const packUri = ws.uri('broken.termguard.yaml');
        const packDiagnostics = await client.waitForPublication(
          packUri,
          (params) => params.diagnostics.length > 0,
          'diagnostics on the broken pack',
        );
        assert.ok(packDiagnostics.diagnostics.every((diagnostic) => diagnostic.source === 'termguard'));
        assert.ok(packDiagnostics.diagnostics.some((diagnostic) => diagnostic.severity === 1));
        await client.waitForMessage(/broken\.termguard\.yaml has (an error|\d+ errors)/);
        const second = ws.uri('second.md');
        await client.open(second, DOC);
        await client.waitForDiagnostics(second, 1);
        assert.equal(
          client.shownMessages.filter((message) => message.message.includes('broken.termguard.yaml')).length,
          1,
          'the warning is shown once',
        );
        assert.equal(client.shownMessages.find((message) => message.message.includes('broken.termguard.yaml'))!.type, 2);
      },
    );
  });

  it('rebuilds on watched-file changes; a pack broken on save is off, as in termguard check, and comes back when fixed', async () => {
    await withClient(
      (ws) => {
        ws.write('.termguard.yaml', 'packs: [team.termguard.yaml]\n');
        ws.write('team.termguard.yaml', teamPack());
      },
      {},
      async (client, ws) => {
        const doc = ws.uri('doc.md');
        const packUri = ws.uri('team.termguard.yaml');
        await client.open(doc, DOC);
        assert.deepEqual(codes((await client.waitForDiagnostics(doc, 1)).diagnostics), ['memo/enables-access', 'team/synergy']);

        ws.write('team.termguard.yaml', 'pack: team\nrules: [\n');
        await client.notifyWatchedFiles([{ uri: packUri, type: 2 }]);
        await client.waitForPublication(packUri, (params) => params.diagnostics.length > 0, 'the broken pack is reported');
        const warning = await client.waitForMessage(/team\.termguard\.yaml has (an error|\d+ errors)/);
        assert.equal(
          warning.message,
          'Termguard: team.termguard.yaml has an error on line 3: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]. The whole pack is off until it is fixed; the built-in rules and the other packs still run.',
        );
        const broken = await client.waitForPublication(
          doc,
          (params) => !codes(params.diagnostics).includes('team/synergy'),
          'the broken pack to be off',
        );
        assert.deepEqual(codes(broken.diagnostics), ['memo/enables-access'], 'the built-in rules still run');

        ws.write('team.termguard.yaml', teamPack('Say cooperation, not “{match}”.'));
        await client.notifyWatchedFiles([{ uri: packUri, type: 2 }]);
        await client.waitForPublication(packUri, (params) => params.diagnostics.length === 0, 'the fixed pack is cleared');
        const updated = await client.waitForPublication(
          doc,
          (params) => params.diagnostics.some((d) => d.message === 'Say cooperation, not “synergy”.'),
          'the rebuilt engine to apply',
        );
        assert.deepEqual(codes(updated.diagnostics), ['memo/enables-access', 'team/synergy']);

        // A config change that drops the pack.
        ws.write('.termguard.yaml', 'rules:\n  memo/enables-access: "off"\n');
        await client.notifyWatchedFiles([{ uri: ws.uri('.termguard.yaml'), type: 2 }]);
        await client.waitForPublication(doc, (params) => params.diagnostics.length === 0, 'the new config to apply');
      },
    );
  });

  it('a pack with one broken rule: its other rules, the other packs and the built-in rules run; the warning says so, naming the pack relative to the folder', async () => {
    const brokenRule = `  - id: team/vendor
    category: naming
    severity: warning
    message: Vendor.
    reason: Vendors.
    patterns: ["{@vendr Corp}"]
    examples:
      bad: ["Acme Corp."]
      good: ["Acme."]
`;
    await withClient(
      (ws) => {
        ws.write('.termguard.yaml', 'packs: [packs/team.termguard.yaml]\n');
        ws.write('packs/team.termguard.yaml', teamPack().replace('rules:\n', 'sets:\n  vendor: [Acme]\nrules:\n') + brokenRule);
      },
      {},
      async (client, ws) => {
        const doc = ws.uri('doc.md');
        await client.open(doc, DOC);
        assert.deepEqual(codes((await client.waitForDiagnostics(doc, 1)).diagnostics), ['memo/enables-access', 'team/synergy']);
        const warning = await client.waitForMessage(/team\.termguard\.yaml has (an error|\d+ errors)/);
        assert.equal(
          warning.message,
          'Termguard: packs/team.termguard.yaml has an error on line 22: unknown word set @vendr (known sets: @vendor). The part with the error is off until it is fixed; all other rules still run.',
        );
        const pack = await client.waitForPublication(
          ws.uri('packs/team.termguard.yaml'),
          (params) => params.diagnostics.length > 0,
          'the pack problem',
        );
        const text = readFileSync(ws.path('packs/team.termguard.yaml'), 'utf8');
        const line = text.split('\n').findIndex((candidate) => candidate.includes('@vendr'));
        const character = text.split('\n')[line]!.indexOf('@vendr');
        assert.deepEqual(
          pack.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
          [['termguard/unknown-set', { start: { line, character }, end: { line, character: character + '@vendr'.length } }]],
        );
      },
    );
  });

  it('sends a client that asks for them a broken-file notice with the file instead of a plain warning', async () => {
    await withClient(
      (ws) => {
        ws.write('.termguard.yaml', 'packs: [packs/broken.termguard.yaml]\n');
        ws.write('packs/broken.termguard.yaml', 'pack: broken\nrules: [\n');
      },
      { brokenFileNotices: true },
      async (client, ws) => {
        const doc = ws.uri('doc.md');
        await client.open(doc, DOC);
        await client.waitForDiagnostics(doc, 1);
        const notice = await client.waitFor('a broken-file notice', () => client.brokenFileNotices[0]);
        assert.deepEqual(notice, {
          message:
            'Termguard: packs/broken.termguard.yaml has an error on line 3: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]. The whole pack is off until it is fixed; the built-in rules and the other packs still run.',
          uri: ws.uri('packs/broken.termguard.yaml'),
          kind: 'pack',
        });
        assert.deepEqual(client.shownMessages, []);
      },
    );
  });

  it('says nothing while a pack is typed broken and not saved; warns once it is saved', async () => {
    await withClient(
      (ws) => {
        ws.write('.termguard.yaml', 'packs: [team.termguard.yaml]\n');
        ws.write('team.termguard.yaml', teamPack());
      },
      {},
      async (client, ws) => {
        const doc = ws.uri('doc.md');
        const packUri = ws.uri('team.termguard.yaml');
        await client.open(doc, DOC);
        await client.waitForDiagnostics(doc, 1);
        await client.open(packUri, teamPack(), 'termguard-pack');
        await client.waitForDiagnostics(packUri, 1);
        const version = await client.replace(packUri, 0, 0, 'rules: [\n');
        const live = await client.waitForDiagnostics(packUri, version);
        assert.ok(live.diagnostics.length > 0, 'the typed error is shown in the pack');
        // A later document check goes through the registry: still no warning, the file on disk is fine.
        const second = ws.uri('second.md');
        await client.open(second, DOC);
        await client.waitForDiagnostics(second, 1);
        assert.deepEqual(client.shownMessages, []);

        ws.write('team.termguard.yaml', client.text(packUri));
        await client.notifyWatchedFiles([{ uri: packUri, type: 2 }]);
        await client.waitForMessage(/team\.termguard\.yaml has (an error|\d+ errors)/);
      },
    );
  });

  it('reports a broken .termguard.yaml on itself and falls back to the built-in packs', async () => {
    await withClient(
      (ws) => ws.write('.termguard.yaml', 'packs: [missing.termguard.yaml]\n'),
      {},
      async (client, ws) => {
        const doc = ws.uri('doc.md');
        await client.open(doc, DOC);
        assert.deepEqual(codes((await client.waitForDiagnostics(doc, 1)).diagnostics), ['memo/enables-access']);
        const config = await client.waitForPublication(
          ws.uri('.termguard.yaml'),
          (params) => params.diagnostics.length > 0,
          'config problems',
        );
        assert.match(String(config.diagnostics[0]!.message), /pack file not found/);
        assert.equal(config.diagnostics[0]!.range.start.line, 0);
      },
    );
  });

  it('loads packs named in termguard.packs, relative to the workspace folder', async () => {
    await withClient(
      (ws) => ws.write('rules/extra.termguard.yaml', teamPack()),
      { settings: { packs: ['rules/extra.termguard.yaml'] } },
      async (client, ws) => {
        const doc = ws.uri('doc.md');
        await client.open(doc, DOC);
        assert.deepEqual(codes((await client.waitForDiagnostics(doc, 1)).diagnostics), ['memo/enables-access', 'team/synergy']);
      },
    );
  });

  it('restricted mode (untrusted workspace) loads only the built-in packs and says why once', async () => {
    await withClient(
      (ws) => {
        ws.write('.termguard.yaml', 'packs: [team.termguard.yaml]\nrules:\n  memo/enables-access: "off"\n');
        ws.write('team.termguard.yaml', teamPack());
        ws.write('extra.termguard.yaml', teamPack());
      },
      { trusted: false, settings: { packs: ['extra.termguard.yaml'] } },
      async (client, ws) => {
        const doc = ws.uri('doc.md');
        await client.open(doc, DOC);
        const published = await client.waitForDiagnostics(doc, 1);
        assert.deepEqual(codes(published.diagnostics), ['memo/enables-access']);
        const message = await client.waitForMessage(/restricted mode/);
        assert.equal(message.type, 3);
        assert.equal(client.shownMessages.filter((shown) => /restricted mode/.test(shown.message)).length, 1);
        assert.ok(
          client.logMessages.some((log) => /restricted mode/.test(log.message)),
          'and logs it',
        );
      },
    );
  });

  it('shows findings recorded in the termguard.baseline file at hint level', async () => {
    await withClient(
      (ws) => {
        const findings = builtinEngine().check('The SRE enables access to ChatGPT.\n', 'markdown').findings;
        ws.write('baseline.json', stringifyBaseline(createBaseline([{ file: 'docs/base.md', findings }])));
      },
      { settings: { baseline: 'baseline.json' } },
      async (client, ws) => {
        const doc = ws.uri('docs/base.md');
        await client.open(doc, 'The SRE enables access to ChatGPT.\n\nAgents call on ChatGPT daily.\n');
        const published = await client.waitForDiagnostics(doc, 1);
        const access = published.diagnostics.find((d) => d.code === 'memo/enables-access')!;
        assert.equal(access.severity, 4);
        assert.match(String(access.message), /\(recorded in the baseline\)$/);
        assert.equal(published.diagnostics.find((d) => d.code === 'memo/calls-on')!.severity, 1, 'new findings keep their severity');
      },
    );
  });
});
