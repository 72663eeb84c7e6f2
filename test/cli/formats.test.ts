/**
 * The CI report formats, each parsed back the way its consumer reads it:
 * GitHub workflow commands (with hostile messages and file names), reviewdog
 * rdjsonl, JUnit XML (through a strict well-formedness parser) and GitLab
 * Code Quality JSON (with stable fingerprints).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../../server/src/engine/api';
import { escapeXml } from '../../server/src/cli/formatters/junit';
import { run, tempTree } from '../helpers/cliRun';

/** Wraps engines so every finding carries `message`. */
function withMessage(message: string): (engine: Engine) => Engine {
  return (engine) => {
    const wrapped = Object.create(engine) as Engine;
    wrapped.check = (text, kind, options) => {
      const result = engine.check(text, kind, options);
      return { ...result, findings: result.findings.map((finding) => ({ ...finding, message })) };
    };
    return wrapped;
  };
}

const HOSTILE = 'Say 100% "no"\r\nto a,b:c::error file=x.md::injected\n]]> <tag> & \u0001 \uD800 end';

/** Reads one workflow command line as the Actions runner does: name, properties, message, all unescaped. */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z]+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `a workflow command: ${line}`);
  const unescape = (text: string): string =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of match[2]!.split(',')) {
    const equals = pair.indexOf('=');
    properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1));
  }
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

test('github: one workflow command per finding, with hostile messages and file names escaped', async () => {
  const hostileName = 'a,b:c%d.md';
  const root = tempTree({ [hostileName]: 'x\n  forbidden meh\n' });
  const { code, out } = await run(root, ['check', '--format', 'github'], { wrapEngine: withMessage(HOSTILE) });
  assert.equal(code, 1);
  const lines = out.split('\n').filter((line) => line !== '');
  const commands = lines.filter((line) => line.startsWith('::')).map(parseWorkflowCommand);
  assert.equal(commands.length, 2, 'a hostile message cannot start another command');
  assert.deepEqual(commands[0], {
    command: 'error',
    properties: { file: hostileName, line: '2', endLine: '2', col: '3', endColumn: '12', title: 'no-forbidden' },
    message: HOSTILE,
  });
  assert.equal(commands[1]!.command, 'warning');
  assert.equal(lines.at(-1), 'Termguard: 2 findings (1 error, 1 warning) in 1 file checked');
  // Nothing but escaped text ever follows a command's `::` on the same line.
  for (const line of lines.slice(0, 2)) assert.doesNotMatch(line, /[\r]/);
});

test('rdjsonl: one reviewdog diagnostic per line; UTF-8 byte columns; single-edit fixes as suggestions', async () => {
  const root = tempTree({ 'a.md': 'é😀 forbidden\nmeh\n' });
  const { out } = await run(root, ['check', '--format', 'rdjsonl']);
  const lines = out.split('\n');
  assert.equal(lines.pop(), '', 'every line ends with a newline');
  const diagnostics = lines.map((line) => JSON.parse(line));
  // "é" is 2 bytes, "😀" 4 and the space 1: "forbidden" starts after 7 bytes, at column 8 (in UTF-16 it would be 5).
  assert.deepEqual(diagnostics[0], {
    message: 'Avoid "forbidden".',
    location: { path: 'a.md', range: { start: { line: 1, column: 8 }, end: { line: 1, column: 17 } } },
    severity: 'ERROR',
    source: { name: 'termguard', url: 'https://github.com/termguard/termguard' },
    code: { value: 'no-forbidden' },
    suggestions: [{ range: { start: { line: 1, column: 8 }, end: { line: 1, column: 17 } }, text: 'allowed' }],
  });
  assert.equal(diagnostics[1].severity, 'WARNING');
  assert.equal('suggestions' in diagnostics[1], false);
  assert.equal((await run(tempTree({ 'x.md': 'fine' }), ['check', '-f', 'rdjsonl'])).out, '');
});

/** A strict little XML 1.0 reader: throws on anything not well-formed, returns the element tree. */
interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

function parseXml(xml: string): XmlElement {
  assert.doesNotMatch(xml, /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]/, 'only characters XML 1.0 allows');
  assert.doesNotMatch(xml, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, 'no unpaired surrogates');
  const entity = (text: string): string =>
    text.replace(/&([^;]*);?/g, (whole, name: string) => {
      assert.ok(whole.endsWith(';'), `entity ${whole} is terminated`);
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (name in named) return named[name]!;
      const code = /^#x([0-9a-fA-F]+)$/.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
      assert.ok(code !== undefined, `known entity &${name};`);
      return String.fromCodePoint(name.startsWith('#x') ? parseInt(code, 16) : Number(code));
    });
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  assert.ok(declaration, 'an XML declaration');
  let at = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const name = '[A-Za-z_][\\w.-]*';
  while (at < xml.length) {
    if (xml[at] === '<') {
      const close = new RegExp(`^</(${name})\\s*>`).exec(xml.slice(at));
      if (close) {
        const open = stack.pop();
        assert.equal(open?.name, close[1], 'tags are balanced');
        at += close[0].length;
        continue;
      }
      const tag = new RegExp(`^<(${name})((?:\\s+${name}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`).exec(xml.slice(at));
      assert.ok(tag, `a well-formed tag at ${at}: ${xml.slice(at, at + 40)}`);
      const attributes: Record<string, string> = {};
      for (const attribute of tag[2]!.matchAll(new RegExp(`(${name})\\s*=\\s*"([^"]*)"`, 'g'))) {
        assert.equal(attribute[1]! in attributes, false, 'attributes are unique');
        assert.doesNotMatch(attribute[2]!, /[\n\r\t]/, 'line breaks in attributes are written as character references');
        attributes[attribute[1]!] = entity(attribute[2]!);
      }
      const element: XmlElement = { name: tag[1]!, attributes, children: [], text: '' };
      if (stack.length > 0) stack.at(-1)!.children.push(element);
      else {
        assert.equal(root, undefined, 'one root element');
        root = element;
      }
      if (tag[3] !== '/') stack.push(element);
      at += tag[0].length;
    } else {
      const end = xml.indexOf('<', at) === -1 ? xml.length : xml.indexOf('<', at);
      const text = xml.slice(at, end);
      assert.doesNotMatch(text, /\]\]>/, 'no `]]>` in text');
      if (stack.length === 0) assert.match(text, /^\s*$/, 'only white space outside the root');
      else stack.at(-1)!.text += entity(text);
      at = end;
    }
  }
  assert.equal(stack.length, 0, 'every element is closed');
  assert.ok(root);
  return root;
}

test('junit: well-formed XML, one testsuite per file, every finding a failure, hostile text escaped', async () => {
  const root = tempTree({ 'a<b>&c".md': 'forbidden meh\n', 'clean.md': 'fine\n' });
  const { out } = await run(root, ['check', '--format', 'junit'], { wrapEngine: withMessage(HOSTILE) });
  const suites = parseXml(out);
  assert.equal(suites.name, 'testsuites');
  assert.deepEqual(
    suites.children.map((suite) => [suite.name, suite.attributes.name, suite.attributes.tests, suite.attributes.failures]),
    [
      ['testsuite', 'a<b>&c".md', '2', '2'],
      ['testsuite', 'clean.md', '1', '0'],
    ],
  );
  const [first] = suites.children[0]!.children;
  assert.equal(first!.attributes.name, '1:1 no-forbidden');
  const failure = first!.children[0]!;
  assert.equal(failure.name, 'failure');
  assert.equal(failure.attributes.type, 'error');
  // What XML cannot hold became U+FFFD; everything else survives the round trip.
  const expected = HOSTILE.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD');
  assert.equal(failure.attributes.message, expected);
  assert.equal(failure.text, `a<b>&c".md:1:1 error ${expected} (no-forbidden)`);
  assert.deepEqual(
    suites.children[1]!.children.map((testcase) => [testcase.name, testcase.children.length]),
    [['testcase', 0]],
  );

  const empty = parseXml((await run(tempTree({}), ['check', '--format', 'junit', '.'])).out);
  assert.deepEqual([empty.name, empty.children.length], ['testsuites', 0]);
});

test('escapeXml keeps paired surrogates and replaces what XML 1.0 forbids', () => {
  assert.equal(escapeXml('😀\u0000\uFFFE\uDC00x'), '😀\uFFFD\uFFFD\uFFFDx');
  assert.equal(escapeXml('a"b\'\n', true), 'a&quot;b&apos;&#10;');
});

test('gitlab: one Code Quality array; fingerprints unique and stable when other lines move', async () => {
  const root = tempTree({ 'docs/a.md': 'forbidden here.\nmeh.\nforbidden here.\n' });
  const first = await run(root, ['check', '--format', 'gitlab']);
  const issues = JSON.parse(first.out) as {
    check_name: string;
    severity: string;
    fingerprint: string;
    location: { path: string; lines: { begin: number; end: number } };
    description: string;
  }[];
  assert.deepEqual(
    issues.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin, issue.description]),
    [
      ['no-forbidden', 'major', 'docs/a.md', 1, 'Avoid "forbidden".'],
      ['no-meh', 'minor', 'docs/a.md', 2, 'Avoid "meh".'],
      ['no-forbidden', 'major', 'docs/a.md', 3, 'Avoid "forbidden".'],
    ],
  );
  assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, 3, 'repeats get their own fingerprints');
  fs.writeFileSync(path.join(root, 'docs/a.md'), 'A new first line.\n\nforbidden here.\nmeh.\nforbidden here.\n');
  const moved = JSON.parse((await run(root, ['check', '--format', 'gitlab'])).out) as typeof issues;
  assert.deepEqual(
    moved.map((issue) => issue.fingerprint),
    issues.map((issue) => issue.fingerprint),
  );
  assert.equal((await run(tempTree({ 'x.md': 'fine' }), ['check', '-f', 'gitlab'])).out, '[]\n');
});
