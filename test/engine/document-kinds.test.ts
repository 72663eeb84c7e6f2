import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentKind } from '../../server/src/engine/api';
import { nextLineDirectiveText } from '../../server/src/engine/index';
import { allDocumentKinds, readerFor } from '../../server/src/engine/prose/readers';
import { builtinEngine } from '../helpers/builtinEngine';

const CLAIM = 'The SRE calls on ChatGPT.';

function notebook(markdown: string, code: string): string {
  return JSON.stringify({
    cells: [
      { cell_type: 'markdown', metadata: {}, source: [markdown] },
      { cell_type: 'code', metadata: {}, source: [code], outputs: [{ output_type: 'stream', text: [CLAIM] }] },
    ],
    metadata: { kernelspec: { language: 'python' } },
  });
}

/** Per kind: a document with the claim in prose, one with it only where it is not prose, and a line of prose to suppress. */
const SAMPLES: Readonly<Record<DocumentKind, { prose: string; notProse: string; proseLine: string }>> = {
  markdown: { prose: `# Title\n\n${CLAIM}\n`, notProse: `\`\`\`\n${CLAIM}\n\`\`\`\n`, proseLine: CLAIM },
  plaintext: { prose: `${CLAIM}\n`, notProse: '', proseLine: CLAIM },
  mdx: {
    prose: `import X from './x'\n\n${CLAIM}\n`,
    notProse: `export const note = '${CLAIM}'\n\n<Chart data={"${CLAIM}"} />\n`,
    proseLine: CLAIM,
  },
  html: { prose: `<p>${CLAIM}</p>\n`, notProse: `<script>\nconst s = "${CLAIM}";\n</script>\n`, proseLine: `<p>${CLAIM}</p>` },
  vue: {
    prose: `<template>\n  <p>${CLAIM}</p>\n</template>\n`,
    notProse: `<script>\nexport default { name: "${CLAIM}" };\n</script>\n`,
    proseLine: `  <p>${CLAIM}</p>`,
  },
  svelte: { prose: `<p>${CLAIM}</p>\n`, notProse: `<script>\n  let s = "${CLAIM}";\n</script>\n`, proseLine: `<p>${CLAIM}</p>` },
  asciidoc: { prose: `= Title\n\n${CLAIM}\n`, notProse: `----\n${CLAIM}\n----\n`, proseLine: CLAIM },
  rst: { prose: `Title\n=====\n\n${CLAIM}\n`, notProse: `Code::\n\n    ${CLAIM}\n`, proseLine: CLAIM },
  gitcommit: { prose: `Add a page\n\n${CLAIM}\n`, notProse: `Add a page\n\n# ${CLAIM}\n`, proseLine: CLAIM },
  notebook: { prose: notebook(CLAIM, 'x = 1'), notProse: notebook('# Title', 'x = 1'), proseLine: '' },
  json: { prose: `{ "greeting": "${CLAIM}" }\n`, notProse: `{ "${CLAIM}": 1 }\n`, proseLine: `{ "greeting": "${CLAIM}" }` },
  yaml: { prose: `greeting: ${CLAIM}\n`, notProse: `"${CLAIM}": 1\n`, proseLine: `greeting: ${CLAIM}` },
  typescript: { prose: `// ${CLAIM}\nconst x = 1;\n`, notProse: `const x = { "${CLAIM}": 1 };\n`, proseLine: `const s = "${CLAIM}";` },
  typescriptreact: {
    prose: `const x = <p>${CLAIM}</p>;\n`,
    notProse: `const x = { "${CLAIM}": 1 };\n`,
    proseLine: `const s = "${CLAIM}";`,
  },
  javascript: {
    prose: `/** ${CLAIM} */\nfunction f() {}\n`,
    notProse: `const x = { "${CLAIM}": 1 };\n`,
    proseLine: `const s = "${CLAIM}";`,
  },
  javascriptreact: {
    prose: `const x = <p>${CLAIM}</p>;\n`,
    notProse: `const x = { "${CLAIM}": 1 };\n`,
    proseLine: `const s = "${CLAIM}";`,
  },
  python: { prose: `def f():\n    """${CLAIM}"""\n`, notProse: `x = {"${CLAIM}": 1}\n`, proseLine: `s = "${CLAIM}"` },
  go: { prose: `// ${CLAIM}\nfunc f() {}\n`, notProse: `import "${CLAIM}"\n`, proseLine: `var s = "${CLAIM}"` },
  java: { prose: `/** ${CLAIM} */\nclass A {}\n`, notProse: `import ${CLAIM.replace(/ /g, '.')};\n`, proseLine: `String s = "${CLAIM}";` },
  csharp: { prose: `/// ${CLAIM}\nclass A {}\n`, notProse: `using ${CLAIM.replace(/ /g, '.')};\n`, proseLine: `var s = "${CLAIM}";` },
  rust: { prose: `/// ${CLAIM}\nfn f() {}\n`, notProse: `use ${CLAIM.replace(/ /g, '::')};\n`, proseLine: `let s = "${CLAIM}";` },
  ruby: { prose: `# ${CLAIM}\ndef f; end\n`, notProse: `require "${CLAIM}"\n`, proseLine: `s = "${CLAIM}"` },
  shellscript: { prose: `# ${CLAIM}\nls\n`, notProse: `source "${CLAIM}"\n`, proseLine: `echo "${CLAIM}"` },
};

function ruleIds(text: string, kind: DocumentKind): string[] {
  return builtinEngine()
    .check(text, kind)
    .findings.map((finding) => finding.ruleId);
}

describe('document kinds', () => {
  it('has a sample for every kind the engine reads', () => {
    assert.deepEqual([...allDocumentKinds()].sort(), Object.keys(SAMPLES).sort());
  });

  for (const kind of allDocumentKinds()) {
    const sample = SAMPLES[kind];
    it(`${kind}: checks the claim in prose and not where it is not prose`, () => {
      assert.notDeepEqual(ruleIds(sample.prose, kind), [], `no finding in ${JSON.stringify(sample.prose)}`);
      assert.deepEqual(ruleIds(sample.notProse, kind), [], `findings in ${JSON.stringify(sample.notProse)}`);
    });

    const syntax = readerFor(kind).commentSyntax;
    if (syntax === undefined) continue;
    it(`${kind}: a "disable for this line" comment in the kind's comment syntax suppresses the line`, () => {
      const found = ruleIds(sample.proseLine, kind);
      assert.notDeepEqual(found, [], `no finding in ${JSON.stringify(sample.proseLine)}`);
      const suppressed = found.map((ruleId) => nextLineDirectiveText(ruleId, syntax)).join('\n') + '\n' + sample.proseLine;
      assert.deepEqual(ruleIds(suppressed, kind), [], `findings in ${JSON.stringify(suppressed)}`);
    });
  }
});
