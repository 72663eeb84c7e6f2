/**
 * The schema validators of rule packs and `.termguard.yaml` files, compiled
 * ahead of time (see tools/schemaValidators.ts) so that loading a pack does
 * not pay for compiling the schema.
 */
import { validateConfig as generatedConfig, validatePack as generatedPack } from './schemaValidators.generated';

/** One schema violation, as Ajv reports it. */
export interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** A compiled schema: true when `data` is valid; otherwise `errors` says why. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** Validates a parsed rule pack against schema/termguard-pack.schema.json. */
export const validatePack = generatedPack as SchemaValidator;
/** Validates a parsed `.termguard.yaml` against schema/termguard-config.schema.json. */
export const validateConfig = generatedConfig as SchemaValidator;
