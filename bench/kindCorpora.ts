/**
 * Generated documents of every kind but Markdown and plain text (those are in
 * corpus.ts), for the reader and language-server rows of `npm run bench`
 * (kindBench.ts). Each generator writes about `bytes` characters of the
 * constructs its reader must tell from prose, the same for the same seed.
 */
import { seededRandom } from '../test/helpers/seededRandom';

const WORDS = (
  'the a an of to and in is for on with as by that this it be are from or at your our can will not ' +
  'connector pipeline customer data model release feature workspace account team dashboard report ' +
  'deploy configure enable disable install upgrade migrate integrate monitor secure scale sync export ' +
  'seamless robust powerful simple fast reliable flexible modern intuitive naïve café — it’s don’t e.g. v1.2 24/7'
).split(' ');

/** Random prose helpers, the same for the same seed. */
export class ProseSource {
  private readonly rnd: () => number;
  constructor(seed: number) {
    this.rnd = seededRandom(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)]!;
  }
  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(WORDS));
    return out.join(' ');
  }
  sentence(): string {
    const s = this.words(this.int(4, 14));
    return s.charAt(0).toUpperCase() + s.slice(1) + this.pick(['.', '.', '!', '?']);
  }
  sentences(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.sentence());
    return out.join(' ');
  }
}

/** Repeats `section` until the document reaches `bytes` characters. */
function fill(bytes: number, head: string, section: () => string, tail = ''): string {
  const parts = [head];
  let length = head.length;
  while (length < bytes) {
    const piece = section();
    parts.push(piece);
    length += piece.length;
  }
  parts.push(tail);
  return parts.join('');
}

export function generateHtml(bytes: number, seed = 1): string {
  const p = new ProseSource(seed);
  const inline = (): string => {
    const w = p.words(p.int(1, 3));
    return p.pick([
      w,
      w,
      w,
      `<b>${w}</b>`,
      `<a href="https://example.com/${p.int(1, 99)}">${w}</a>`,
      `<code>x.y(${p.int(1, 9)})</code>`,
      `${w} &amp; ${w}`,
      `caf&eacute;&nbsp;${w}`,
    ]);
  };
  const para = (): string => {
    const parts: string[] = [];
    for (let i = p.int(3, 12); i > 0; i--) parts.push(inline());
    return parts.join(' ') + '.';
  };
  const section = (): string => {
    const r = p.int(0, 9);
    if (r < 4) return `<p>${para()}\n${para()}</p>\n`;
    if (r < 6) return `<ul>\n  <li>${para()}</li>\n  <li title="${p.words(3)}">${para()}</li>\n</ul>\n`;
    if (r === 6) return `<pre><code>const x = "a &lt; b"; // ${p.words(4)}\n</code></pre>\n`;
    if (r === 7) return `<script>if (a < b && c) { console.log("${p.words(3)}") }</script>\n<!-- ${p.words(3)} -->\n`;
    if (r === 8) return `<table>\n<tr><td>${p.words(4)}</td><td><img src="a.png" alt="${p.words(3)}"></td></tr>\n</table>\n`;
    return `<h2>${p.words(p.int(2, 6))}</h2>\n`;
  };
  return fill(
    bytes,
    '<!doctype html>\n<html><head><title>Release notes</title><meta name="description" content="What changed"></head>\n<body>\n',
    section,
    '</body></html>\n',
  );
}

export function generateVue(bytes: number, seed = 2): string {
  const p = new ProseSource(seed);
  const section = (): string =>
    `  <div class="card" :title="item.title">\n    <h3>${p.words(3)}</h3>\n    <p>Hello {{ user.name }}, ${p.sentences(2)}</p>\n    <MyButton label="${p.words(2)}" @click="save">${p.words(1)}</MyButton>\n  </div>\n`;
  return fill(bytes, '<template>\n', section, '</template>\n<script>\nexport default { name: "X" }\n</script>\n');
}

export function generateGitCommit(bytes: number, seed = 3): string {
  const p = new ProseSource(seed);
  const section = (): string => {
    const r = p.int(0, 5);
    if (r < 3) return `${p.sentences(p.int(1, 3))}\n${p.sentences(1)}\n\n`;
    if (r === 3) return `- ${p.words(6)}\n  ${p.words(4)}\n- ${p.words(5)}\n\n`;
    if (r === 4) return `# ${p.words(6)}\n`;
    return `Signed-off-by: ${p.words(2)} <dev@example.com>\n\n`;
  };
  return fill(
    bytes,
    `fix(reader): ${p.words(5)}\n\n`,
    section,
    '# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n',
  );
}

export function generateAsciiDoc(bytes: number, seed = 4): string {
  const p = new ProseSource(seed);
  const inline = (): string => {
    const w = p.words(p.int(1, 3));
    return p.pick([
      w,
      w,
      w,
      `*${w}*`,
      `_${w}_`,
      `\`x.y()\``,
      `link:https://example.com/${p.int(1, 99)}[${w}]`,
      `{product}`,
      `<<sec-${p.int(1, 9)},${w}>>`,
      `kbd:[Ctrl+C]`,
    ]);
  };
  const para = (): string => {
    const parts: string[] = [];
    for (let i = p.int(4, 14); i > 0; i--) parts.push(inline());
    return parts.join(' ') + '.';
  };
  const section = (): string => {
    const r = p.int(0, 9);
    if (r < 3) return `${para()}\n${para()}\n\n`;
    if (r === 3) return `== ${p.words(3)}\n\n`;
    if (r === 4) return `* ${para()}\n* ${para()}\n** ${para()}\n\n`;
    if (r === 5) return `.${p.words(2)}\n[source,js]\n----\nconst x = "${p.words(3)}";\n----\n\n`;
    if (r === 6) return `|===\n|${p.words(2)} |${p.words(2)}\n\n|${para()}\n|${p.words(3)}\n|===\n\n`;
    if (r === 7) return `NOTE: ${para()}\n\n// ${p.words(3)}\n`;
    if (r === 8) return `[NOTE]\n====\n${para()}\n====\n\n`;
    return `${p.words(2)}:: ${para()}\n\n`;
  };
  return fill(bytes, '= Release notes\nAda Lovelace <ada@example.com>\n:toc:\n\n', section);
}

export function generateRst(bytes: number, seed = 5): string {
  const p = new ProseSource(seed);
  const inline = (): string => {
    const w = p.words(p.int(1, 3));
    return p.pick([
      w,
      w,
      w,
      `*${w}*`,
      `**${w}**`,
      `\`\`x.y()\`\``,
      `:code:\`run()\``,
      `\`${w} <https://example.com/${p.int(1, 99)}>\`_`,
      `|product|`,
      `:ref:\`${w} <sec-${p.int(1, 9)}>\``,
    ]);
  };
  const para = (indent = ''): string => {
    const parts: string[] = [];
    for (let i = p.int(4, 14); i > 0; i--) parts.push(inline());
    return indent + parts.join(' ') + '.';
  };
  const section = (): string => {
    const r = p.int(0, 9);
    if (r < 3) return `${para()}\n${para()}\n\n`;
    if (r === 3) {
      const title = p.words(3);
      return `${title}\n${'-'.repeat(title.length)}\n\n`;
    }
    if (r === 4) return `- ${para()}\n- ${para()}\n\n  ${para()}\n\n`;
    if (r === 5) return `Example::\n\n    const x = "${p.words(3)}";\n\n.. code-block:: python\n\n   calls_on()\n\n`;
    if (r === 6) return `+-----------+-----------+\n| ${p.words(1).padEnd(9)} | ${p.words(1).padEnd(9)} |\n+-----------+-----------+\n\n`;
    if (r === 7) return `.. note:: ${para()}\n\n   ${para()}\n\n.. ${p.words(3)}\n\n`;
    if (r === 8) return `:param x: ${para()}\n\n`;
    return `${p.words(2)}\n   ${para()}\n\n`;
  };
  return fill(bytes, '=============\nRelease notes\n=============\n\n', section);
}

export function generateTypeScript(bytes: number, seed = 6): string {
  const p = new ProseSource(seed);
  const section = (): string => {
    const r = p.int(0, 6);
    const name = p.words(1).replace(/\W/g, '') || 'x';
    if (r === 0)
      return `/**\n * ${p.sentence()}\n * @param {string} ${name} - ${p.sentence()}\n * @returns {boolean} ${p.sentence()}\n */\n`;
    if (r === 1)
      return `export function ${name}${p.int(1, 999)}(a: string, b = 2): boolean {\n  // ${p.sentence()}\n  const re = /\\/\\/[a-z"']+/g;\n  return a.length / b > 1;\n}\n`;
    if (r === 2)
      return `const message = "${p.sentence()}";\nconst key = config["${name}_id"];\nconst t = \`${p.words(3)} \${value} ${p.words(2)}.\`;\n`;
    if (r === 3)
      return `  return (\n    <div className="flex items-center" title="${p.words(2)}">\n      ${p.sentence()} {count} <b>${p.words(2)}</b>\n    </div>\n  );\n`;
    if (r === 4) return `import { ${name} } from './${name}';\n`;
    if (r === 5) return `const o = { "${name}": 1, label: "${p.sentence()}", id: "agent.${name}_v2" }; // ${p.words(4)}\n`;
    return `if (a < b && c > d) { throw new Error("${p.sentence()}"); }\n`;
  };
  return fill(bytes, '// Generated benchmark module.\n', section);
}

export function generatePython(bytes: number, seed = 7): string {
  const p = new ProseSource(seed);
  const section = (): string => {
    const r = p.int(0, 3);
    const name = p.words(1).replace(/\W/g, '') || 'x';
    if (r === 0)
      return `def ${name}${p.int(1, 999)}(path, count=1):\n    """${p.sentence()}\n\n    Args:\n        path (str): ${p.sentence()}\n    """\n    return f"${p.words(3)} {path} ${p.words(2)}."\n\n`;
    if (r === 1) return `# ${p.sentence()}\n# ${p.sentence()}\nCONFIG = {"${name}_key": "${p.sentence()}", "id": "${name}.v2"}\n`;
    if (r === 2) return `raise ValueError("${p.sentence()}")  # noqa: E501\n`;
    return `x = r"\\d+ ${p.words(2)}" if a < b else '${name}_id'\n`;
  };
  return fill(bytes, '"""Generated benchmark module."""\n', section);
}

export function generateJson(bytes: number, seed = 8): string {
  const p = new ProseSource(seed);
  let n = 0;
  const section = (): string => `  "${p.words(1).replace(/\W/g, '')}_${n++}": "${p.sentence()} {count} \\"${p.words(2)}\\"\\n",\n`;
  return fill(bytes, '{\n', section, '  "last": "End."\n}\n');
}

export function generateYaml(bytes: number, seed = 9): string {
  const p = new ProseSource(seed);
  let n = 0;
  const section = (): string => {
    const key = `${p.words(1).replace(/\W/g, '')}_${n++}`;
    const r = p.int(0, 3);
    if (r === 0) return `  ${key}: ${p.sentence()} %{name}\n`;
    if (r === 1) return `  ${key}: "${p.sentence()}"\n`;
    if (r === 2) return `  ${key}: |\n    ${p.sentence()}\n    ${p.sentence()}\n`;
    return `  # ${p.words(3)}\n  ${key}:\n    - ${p.sentence()}\n    - ${p.sentence()}\n`;
  };
  return fill(bytes, 'en:\n', section);
}

/** A notebook written as Jupyter writes it (indented by one space, a source line per array item), Markdown and Python cells in turn. */
export function generateNotebook(bytes: number, seed = 10): string {
  const p = new ProseSource(seed);
  const cells: unknown[] = [];
  let length = 0;
  while (length < bytes) {
    const markdown = {
      cell_type: 'markdown',
      metadata: {},
      source: [`## ${p.words(3)}\n`, '\n', `${p.sentences(3)} **${p.words(2)}** \`code\`\n`, `- ${p.sentence()}\n`, `- ${p.sentence()}`],
    };
    const code = {
      cell_type: 'code',
      execution_count: 1,
      metadata: {},
      outputs: [{ output_type: 'stream', name: 'stdout', text: [`${p.words(8)}\n`] }],
      source: [`# ${p.sentence()}\n`, `print("${p.sentence()}")\n`, `x = {"key_${p.int(1, 99)}": 1}`],
    };
    cells.push(markdown, code);
    length += JSON.stringify(markdown).length + JSON.stringify(code).length + 120;
  }
  const notebook = { cells, metadata: { kernelspec: { language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 5 };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

export function generateMdx(bytes: number, seed = 11): string {
  const p = new ProseSource(seed);
  const inline = (): string => {
    const w = p.words(p.int(1, 3));
    return p.pick([
      w,
      w,
      w,
      `**${w}**`,
      `<b>${w}</b>`,
      `{props.${p.words(1).replace(/\W/g, '') || 'x'}}`,
      `\`code()\``,
      `[${w}](https://example.com/${p.int(1, 99)})`,
    ]);
  };
  const para = (): string => {
    const parts: string[] = [];
    for (let i = p.int(4, 12); i > 0; i--) parts.push(inline());
    return parts.join(' ') + '.';
  };
  const section = (): string => {
    const r = p.int(0, 6);
    if (r < 3) return `${para()}\n${para()}\n\n`;
    if (r === 3) return `## ${p.words(3)}\n\n`;
    if (r === 4) return `<Callout type="info" title="${p.words(3)}">\n  ${para()}\n</Callout>\n\n`;
    if (r === 5) return `{/* ${p.words(3)} */}\n- ${para()}\n- ${para()}\n\n`;
    return `\`\`\`jsx\n<Button title="${p.words(2)}" />\n\`\`\`\n\n`;
  };
  return fill(bytes, "import { Callout } from './components'\nexport const meta = { title: 'Bench' }\n\n", section);
}
