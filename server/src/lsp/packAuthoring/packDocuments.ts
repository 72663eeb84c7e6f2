/**
 * Which open documents are Termguard's own files: rule packs
 * (`NAME.termguard.yaml`) and project configs (`.termguard.yaml`). The
 * client sends both with the language id `termguard-pack`; a client without
 * the extension's language sends them as plain `yaml`, so the file name
 * decides as well.
 */
import { CONFIG_FILE_NAME } from '../../engine/index';

/** The language id the VS Code extension gives rule packs and configs. */
export const PACK_LANGUAGE_ID = 'termguard-pack';

/** Suffix of rule-pack files. */
const PACK_SUFFIX = '.termguard.yaml';

/** What kind of Termguard file a document is. */
export type PackDocumentKind = 'pack' | 'config';

/** The last segment of a URI's path, decoded. */
function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * `config` for a `.termguard.yaml` file, `pack` for a `*.termguard.yaml`
 * file (or any other document in the `termguard-pack` language, such as an
 * untitled one), undefined for everything else.
 */
export function packDocumentKind(uri: string, languageId: string): PackDocumentKind | undefined {
  const name = baseName(uri);
  if (name === CONFIG_FILE_NAME) return 'config';
  if (name.endsWith(PACK_SUFFIX) && name.length > PACK_SUFFIX.length) return 'pack';
  return languageId === PACK_LANGUAGE_ID ? 'pack' : undefined;
}
