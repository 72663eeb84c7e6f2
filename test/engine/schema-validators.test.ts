/**
 * The schema validators are compiled ahead of time (Ajv standalone) into
 * server/src/engine/packs/schemaValidators.generated.ts, because compiling
 * them at start-up cost every CLI run and server start about 100 ms. This
 * test renders the code again and fails when the committed file is stale;
 * `npm run generate` (tools/generate.ts) rewrites it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { renderSchemaValidators, schemaFile, schemaValidatorsFile as generatedFile } from '../../tools/generators/schemaValidators';

describe('precompiled schema validators', () => {
  const rendered = renderSchemaValidators();

  it('are up to date with schema/*.schema.json (npm run generate regenerates them)', () => {
    assert.equal(readFileSync(generatedFile, 'utf8'), rendered);
  });

  it('accept and reject what Ajv compiled at run time does, with the same errors', async () => {
    // Imported here, so that a missing or broken generated file fails this test rather than the whole file.
    const { validateConfig, validatePack } = await import('../../server/src/engine/packs/schemaValidators');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const runtimePack = ajv.compile(schemaFile('termguard-pack.schema.json'));
    const runtimeConfig = ajv.compile(schemaFile('termguard-config.schema.json'));
    const packs: unknown[] = [
      { pack: 'ok', rules: [{ id: 'a/b', category: 'c', severity: 'warning', message: 'm', reason: 'r', patterns: ['x'] }] },
      { pack: 'Bad Name' },
      { pack: 'ok', rules: [{ id: 'a/b', severity: 'loud', patterns: [] }], extra: 1 },
      { rules: 'none' },
      [],
    ];
    assert.equal(validatePack(packs[0]), true, 'a minimal pack is valid');
    assert.equal(validatePack(packs[1]), false, 'a pack name with spaces is not');
    for (const data of packs) {
      assert.equal(validatePack(data), runtimePack(data), JSON.stringify(data));
      assert.deepEqual(validatePack.errors ?? null, runtimePack.errors ?? null);
    }
    const configs: unknown[] = [
      { packs: ['team.termguard.yaml'] },
      { packs: 3 },
      { severity: { 'memo/calls-on': 'loud' } },
      { unknown: true },
    ];
    for (const data of configs) {
      assert.equal(validateConfig(data), runtimeConfig(data), JSON.stringify(data));
      assert.deepEqual(validateConfig.errors ?? null, runtimeConfig.errors ?? null);
    }
  });
});
