/**
 * The pack and config schema validators, compiled ahead of time with Ajv's
 * standalone mode: compiling them at start-up cost every CLI run and server
 * start about 100 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';

const ROOT = join(__dirname, '../..');

/** Where the generated validators live. */
export const schemaValidatorsFile = join(ROOT, 'server/src/engine/packs/schemaValidators.generated.ts');

/** A schema from schema/, parsed. */
export function schemaFile(name: string): object {
  return JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')) as object;
}

/** The validators' source text, as `npm run generate` writes it. */
export function renderSchemaValidators(): string {
  // The options must stay those the error messages are written for: every error, unknown keywords allowed.
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true, lines: true } });
  ajv.addSchema(schemaFile('termguard-pack.schema.json'), 'pack');
  ajv.addSchema(schemaFile('termguard-config.schema.json'), 'config');
  const code = standaloneCode(ajv, { validatePack: 'pack', validateConfig: 'config' });
  return [
    '// @ts-nocheck',
    '// Generated from schema/*.schema.json by tools/generators/schemaValidators.ts (npm run generate). Do not edit.',
    code.replace(/^"use strict";\n?/, ''),
    '',
  ].join('\n');
}
