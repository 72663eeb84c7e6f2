import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeReader, scanJsonBlocks, scanYamlBlocks, type ProseReader } from '../../server/src/engine/prose/code';
import { isUserFacing } from '../../server/src/engine/prose/code/userFacing';
import { checkRandomDocuments, commentsOf, cuts, located, prose, unsuppressed, words } from '../helpers/readerTestkit';

function reader(language: string, strings = true): ProseReader {
  const found = codeReader(language, { strings });
  assert.ok(found, `a reader for ${language}`);
  return found;
}

const ts = reader('typescript');
const tsx = reader('typescriptreact');

describe('user-facing strings', () => {
  it('tells messages from identifiers, keys, paths, URLs, model ids and class lists', () => {
    for (const message of ['File saved successfully!', 'Are you sure?', 'Done.', 'Hello x, welcome back', 'The agent calls on the model']) {
      assert.ok(isUserFacing(message), message);
    }
    for (const notMessage of [
      'agent.calls_on_gpt',
      'gpt-4o',
      './file',
      '../x/y.ts',
      'user_id',
      'userId',
      'https://example.com/a b',
      'a@b.co',
      'flex items-center justify-between',
      'color: red; margin: 0;',
      'SELECT * FROM users WHERE id = ?',
      'x',
      '',
      'e.g.',
      'v1.2.3',
      'OK',
    ]) {
      assert.ok(!isUserFacing(notMessage), notMessage);
    }
  });
});

describe('code prose: TypeScript and JavaScript', () => {
  it('reads comments, joining a run of line comments, with exact word offsets', () => {
    const text = 'const a = 1; // trailing note\n// First line of a\n// comment run.\nlet b;';
    assert.deepEqual(prose(ts, text), ['trailing note', 'First line of a comment run.']);
    assert.deepEqual(words(ts, text)[1], located(text, 'First', 'line', 'of', 'a', 'comment', 'run'));
  });

  it('reads doc comments without their decoration, tag names, types, parameter names or examples', () => {
    const text =
      '/**\n * Saves the file.\n * @param {string} path - The path to use.\n * @returns {boolean} True when saved.\n * @example\n * save("calls on")\n * @see other\n */';
    assert.deepEqual(prose(ts, text), ['Saves the file.', 'The path to use.', 'True when saved.']);
  });

  it('reads user-facing strings and template literals, not keys, imports, identifiers or tagged templates', () => {
    const text =
      'import x from "./the file name";\nconst m = require("some module name");\nconst o = { "display name": 1, label: "Click here to go on" };\n' +
      'const k = obj["some key here"];\nconst id = "agent.calls_on_gpt";\nconst t = `Saved ${file} to disk.`;\nconst q = sql`select the rows`;\n' +
      'const y = ok ? "Yes, delete it" : "No";';
    assert.deepEqual(prose(ts, text), ['Click here to go on', 'Saved # to disk.', 'Yes, delete it']);
    assert.deepEqual(words(ts, text)[1], located(text, 'Saved', '#${file}', 'to', 'disk'));
  });

  it('is not fooled by comment markers in strings and regexes, or quotes in comments', () => {
    const text =
      'const u = "see http://x.y // here";\nconst r = /\\/\\/ "not a string/g;\nconst d = a / b / c; // it\'s a note\n/* a "quoted" note */';
    assert.deepEqual(prose(ts, text), ['see http://x.y // here', "it's a note", 'a "quoted" note']);
  });

  it('maps escapes and placeholders to exact ranges', () => {
    const text = 'msg("It is done.\\nNext %s step\\u0021");';
    assert.deepEqual(words(ts, text), [
      [...located(text, 'It', 'is', 'done', 'Next'), `#@${text.indexOf('%s')}`, `step@${text.indexOf('step')}`],
    ]);
  });

  it('switches strings off on request, keeping comments', () => {
    const text = '// A note here.\nconst m = "A message for people.";';
    assert.deepEqual(prose(reader('typescript', false), text), ['A note here.']);
  });

  it('reads JSX text, visible props and strings in expressions; other props and expressions are not prose', () => {
    const text =
      'return (\n  <div className="flex items-center" title="Dialog title">\n    {/* a comment */}\n    Hello <b>world</b>, you have {count} messages&nbsp;today.\n' +
      '    <Button label="Save the draft" onClick={() => go("a file to open")}>Save now</Button>\n  </div>\n);';
    assert.deepEqual(prose(tsx, text), [
      'Dialog title',
      'a comment',
      'Hello world, you have # messages today.',
      'Save the draft',
      'a file to open',
      'Save now',
    ]);
    assert.deepEqual(words(tsx, text)[2].slice(0, 2), located(text, 'Hello', 'world'));
  });

  it('goes back to code when what looked like JSX is a type parameter list', () => {
    const text = 'const f = <T extends object>(x: T) => x;\n// after the function\nconst n = a < b;';
    assert.deepEqual(prose(tsx, text), ['after the function']);
  });

  it('reports comments, and applies suppression directives written as comments', () => {
    const text =
      'const a = "The agent calls here.";\n// termguard-disable-next-line demo-rule\nconst b = "The agent calls again.";\nconst c = "The agent calls once more.";';
    assert.deepEqual(commentsOf(ts, text), [
      { source: '// termguard-disable-next-line demo-rule', body: 'termguard-disable-next-line demo-rule' },
    ]);
    const all = located(text, 'calls', 'calls', 'calls');
    assert.deepEqual(unsuppressed(ts, text, 'calls'), [all[0], all[2]]);
    assert.deepEqual(prose(ts, '/* termguard-disable */\n// eslint-disable-next-line no-console\nx;'), []);
  });

  it('cuts a block at each line start outside strings, comments and JSX', () => {
    const text = 'a;\n// one\n// two\nconst t = `line\nline`;\nb;';
    assert.deepEqual(cuts(ts, text), ['a;\n', '// one\n// two\n', 'const t = `line\nline`;\n', 'b;']);
  });
});

describe('code prose: other languages', () => {
  it('reads Python comments, docstrings with their sections, f-strings and strings', () => {
    const text =
      '# -*- coding: utf-8 -*-\ndef f(path):\n    """Saves the file.\n\n    Args:\n        path (str): Where it goes.\n\n    Examples:\n        >>> f("a")\n    """\n' +
      '    m = f"Saved {path} to disk."\n    d = {"some key": "A value here."}\n    b = b"not text at all"\n    r = "user_id"  # noqa: E501\n';
    assert.deepEqual(prose(reader('python'), text), ['Saves the file.', 'Where it goes.', 'Saved # to disk.', 'A value here.']);
  });

  it('reads Go raw strings and skips runes', () => {
    const text = "// Greet says hello.\nfunc g() {\n\tr := '\"'\n\ts := `A raw string\nover lines.`\n}";
    assert.deepEqual(prose(reader('go'), text), ['Greet says hello.', 'A raw string over lines.']);
  });

  it('reads Java text blocks and Javadoc', () => {
    const text = '/** Loads the {@code config} file. */\nString s = """\n    A text block of words.\n    """;\nchar c = \'"\';';
    assert.deepEqual(prose(reader('java'), text), ['Loads the # file.', 'A text block of words.']);
  });

  it('reads C# verbatim, interpolated and raw strings and XML documentation', () => {
    const text =
      '#region Setup\n/// <summary>Saves the <c>file</c> now.</summary>\n/// <param name="path">The path to use.</param>\n' +
      'var v = @"A ""quoted"" word here.";\nvar i = $"Hello {name}, welcome back.";\nvar r = """\n    Raw text goes here.\n    """;';
    assert.deepEqual(prose(reader('csharp'), text), [
      'Saves the # now.',
      'The path to use.',
      'A "quoted" word here.',
      'Hello #, welcome back.',
      'Raw text goes here.',
    ]);
  });

  it('reads Rust doc comments, raw strings and nested block comments, and skips lifetimes and chars', () => {
    const text =
      '/// Returns the `name`.\n/* outer /* inner */ still outer */\nfn g<\'a>(x: &\'a str) {\n    let c = \'"\';\n    let r = r#"A "raw" one here."#;\n}';
    assert.deepEqual(prose(reader('rust'), text), ['Returns the #.', 'outer /* inner */ still outer', 'A "raw" one here.']);
  });

  it('reads Ruby comments, =begin blocks, interpolated strings and heredocs, not word lists or data', () => {
    const text =
      '# Greets people.\n=begin\nA block comment.\n=end\nm = "Hello #{name}, welcome back!"\nw = %w[one two three]\nt = <<~EOS\n  Prints a friendly greeting.\nEOS\n__END__\nnot code at all\n';
    assert.deepEqual(prose(reader('ruby'), text), [
      'Greets people.',
      'A block comment.',
      'Hello #, welcome back!',
      'Prints a friendly greeting.',
    ]);
  });

  it('reads shell comments only at word starts, strings and heredocs', () => {
    const text =
      '#!/bin/bash\n# Installs the tool.\necho "Installing the tool now..." # at the end\nn=${#list[@]}; echo $# args\ncat <<EOF\nUsage: it installs things.\nEOF\n';
    assert.deepEqual(prose(reader('shellscript'), text), [
      'Installs the tool.',
      'Installing the tool now...',
      'at the end',
      'Usage: it installs things.',
    ]);
  });

  it('applies suppression directives in each comment syntax', () => {
    const cases: [string, string][] = [
      ['python', '# termguard-disable-next-line\nx = "The agent calls here."\ny = "The agent calls again."'],
      ['ruby', '# termguard-disable-next-line\nx = "The agent calls here."\ny = "The agent calls again."'],
      ['shellscript', '# termguard-disable-next-line\nx="The agent calls here."\ny="The agent calls again."'],
      ['rust', '// termguard-disable-next-line\nlet x = "The agent calls here.";\nlet y = "The agent calls again.";'],
    ];
    for (const [language, text] of cases)
      assert.deepEqual(unsuppressed(reader(language), text, 'calls'), [`calls@${text.lastIndexOf('calls')}`], language);
  });

  it('keeps the reader promises on random code', () => {
    const pieces = [
      'word',
      ' ',
      '\n',
      '\n\n',
      '"',
      "'",
      '`',
      '//',
      '/*',
      '*/',
      '#',
      '/',
      '<div>',
      '</div>',
      '<b>',
      '{',
      '}',
      '${',
      'a text here',
      '\\',
      '"""',
      'r#"',
      '"#',
      '<<EOF\n',
      'EOF\n',
      '=begin\n',
      '=end\n',
      'return ',
      '<T>',
      '(',
      ')',
      '=>',
      '&amp;',
      '\r\n',
    ];
    for (const language of ['typescriptreact', 'python', 'rust', 'ruby', 'shellscript', 'csharp'])
      checkRandomDocuments(reader(language), pieces, 150, language.length);
  });

  it('reads large and hostile inputs in one pass', { timeout: 60_000 }, () => {
    for (const text of [
      '"'.repeat(300_000),
      '/*'.repeat(200_000),
      '<a>'.repeat(100_000),
      '{'.repeat(200_000),
      '${'.repeat(100_000),
      '// x\n'.repeat(100_000),
      '`${`'.repeat(50_000),
    ]) {
      for (const language of ['typescriptreact', 'python', 'rust']) {
        let end = 0;
        for (const block of reader(language)(text)) end = block.end;
        assert.equal(end, text.length);
      }
    }
  });
});

describe('locale files', () => {
  it('reads JSON string values, not keys, with escapes and placeholders at exact ranges', () => {
    const text =
      '{\n  // comment\n  "greeting": "Hello {name}, welcome!",\n  "nested": { "list": ["First item", "It\\u2019s \\"fine\\"\\n"] }\n}';
    assert.deepEqual(prose(scanJsonBlocks, text).slice(0, 2), ['Hello #, welcome!', 'First item']);
    // an escaped apostrophe reads as punctuation, an escaped quote as the quote, `\\n` as a space
    assert.deepEqual(words(scanJsonBlocks, text)[2], [
      `It@${text.indexOf('It')}`,
      `s@${text.indexOf('s \\"')}`,
      `fine@${text.indexOf('fine')}`,
    ]);
    assert.deepEqual(words(scanJsonBlocks, text)[0], [
      ...located(text, 'Hello'),
      `#@${text.indexOf('{name}')}`,
      ...located(text, 'welcome'),
    ]);
    assert.deepEqual(commentsOf(scanJsonBlocks, text), [{ source: '// comment', body: 'comment' }]);
  });

  it('reads YAML values (plain, quoted, block scalars, sequences), not keys, numbers or booleans', () => {
    const text =
      '# termguard-disable-next-line\nen:\n  greeting: Hello %{name}, welcome!\n  count: 42\n  on: true\n  quoted: "A \\"quoted\\" one."\n' +
      "  single: 'It''s single.'\n  block: |\n    First line.\n    Second line.\n\n    New paragraph.\n  plain: Goes on\n    over two lines.\n" +
      '  list:\n    - First entry\n    - key: In a mapping.\n  anchored: &a Anchored text\n  alias: *a\n  note: Value # a comment\n';
    assert.deepEqual(prose(scanYamlBlocks, text), [
      'Hello #, welcome!',
      'A "quoted" one.',
      "It's single.",
      'First line. Second line.',
      'New paragraph.',
      'Goes on over two lines.',
      'First entry',
      'In a mapping.',
      'Anchored text',
      'Value',
    ]);
    assert.deepEqual(
      commentsOf(scanYamlBlocks, text).map((c) => c.body),
      ['termguard-disable-next-line', 'a comment'],
    );
  });

  it('keeps the reader promises on random JSON and YAML', () => {
    checkRandomDocuments(
      scanJsonBlocks,
      ['{', '}', '[', ']', '"', 'key', ':', ',', ' ', '\n', '\\', '\\n', '\\u00e9', '//', '/*', '*/', 'a word'],
      300,
    );
    checkRandomDocuments(
      scanYamlBlocks,
      ['key: ', '- ', '  ', '\n', '\n', '"', "'", '|', '>', '#', 'a value', '&a ', '*a', '{', '}', '\\', ':'],
      300,
    );
  });
});
