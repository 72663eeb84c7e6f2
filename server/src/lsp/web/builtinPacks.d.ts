/**
 * The built-in rule packs, bundled into the browser build: build.mjs makes
 * this module from packs/*.termguard.yaml, as the Node server would find them.
 */
declare module 'termguard:builtin-packs' {
  const packs: readonly { readonly file: string; readonly text: string }[];
  export default packs;
}
