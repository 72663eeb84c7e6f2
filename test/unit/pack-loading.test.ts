import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, loadPack } from '../../server/src/engine/index';
import { builtinEngine } from './builtinEngine';

const validRule = (id: string, pattern: string): string => `  - id: ${id}
    category: test
    severity: warning
    message: Avoid this.
    reason: It is wrong.
    patterns: ["${pattern}"]
    examples:
      bad: ["This has ${pattern} in it."]
      good: ["This is fine."]
`;

function problemsOf(text: string) {
  return loadPack({ file: 'team.termguard.yaml', text }).problems;
}

describe('loading rule packs', () => {
  it('reports an unknown key at its line and column', () => {
    const problems = problemsOf(`pack: team\nrules:\n${validRule('team/one', 'foo bar')}    colour: red\n`);
    const problem = problems.find((p) => p.code === 'schema');
    assert.ok(problem, JSON.stringify(problems));
    assert.match(problem.message, /unknown key `colour`/);
    assert.equal(problem.line, 11);
    assert.equal(problem.column, 4);
    assert.equal(problem.file, 'team.termguard.yaml');
  });

  it('reports a pattern that does not parse at the offending character', () => {
    const problems = problemsOf(`pack: team\nrules:\n${validRule('team/one', 'foo (bar')}`);
    const problem = problems.find((p) => p.code === 'pattern-syntax');
    assert.ok(problem, JSON.stringify(problems));
    assert.match(problem.message, /never closed/);
    assert.equal(problem.line, 7);
    assert.equal(problem.column, 20);
  });

  it('reports an unknown word set and names the known ones', () => {
    const problems = problemsOf(`pack: team\nsets:\n  fruit: [apple, pear]\nrules:\n${validRule('team/one', 'eat @vegetable')}`);
    const problem = problems.find((p) => p.code === 'unknown-set');
    assert.ok(problem, JSON.stringify(problems));
    assert.match(problem.message, /unknown word set `@vegetable`.*@fruit/);
    assert.equal(problem.line, 9);
  });

  it('marks only the unknown set reference, not the rest of the pattern', () => {
    const text = `pack: team\nsets:\n  vendor: [Acme]\nrules:\n${validRule('team/one', '{@vendr Corp}')}`;
    const problem = problemsOf(text).find((p) => p.code === 'unknown-set');
    assert.ok(problem?.range, JSON.stringify(problem));
    assert.equal(text.slice(problem.range.start, problem.range.end), '@vendr');
    assert.equal(problem.column, text.split('\n')[problem.line]!.indexOf('@vendr'));
  });

  it('reports a word set that refers to itself', () => {
    const problems = problemsOf(`pack: team\nsets:\n  loop: ["a @loop"]\nrules:\n${validRule('team/one', 'x @loop')}`);
    assert.ok(problems.some((p) => p.code === 'set-cycle'), JSON.stringify(problems));
  });

  it('reports duplicate rule ids and rules without examples', () => {
    const noExamples = `  - id: team/two\n    category: test\n    severity: hint\n    message: m\n    reason: r\n    patterns: [baz]\n`;
    const problems = problemsOf(`pack: team\nrules:\n${validRule('team/one', 'foo')}${validRule('team/one', 'bar')}${noExamples}`);
    assert.ok(problems.some((p) => p.code === 'duplicate-rule' && p.line === 11), JSON.stringify(problems));
    assert.ok(problems.some((p) => p.code === 'no-examples' && p.severity === 'warning'));
  });

  it('refuses a YAML alias bomb quickly and without crashing', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous}]`);
    }
    const started = Date.now();
    const problems = problemsOf(lines.join('\n') + '\n');
    assert.ok(Date.now() - started < 2000);
    assert.ok(problems.some((p) => p.code === 'yaml' && /alias/i.test(p.message)), JSON.stringify(problems));
  });

  it('reports invalid YAML with a position', () => {
    const problems = problemsOf('pack: team\nrules: [\n');
    assert.ok(problems.length > 0);
    assert.equal(problems[0]!.code, 'yaml');
  });

  it('keeps the built-in rules working beside a broken pack', () => {
    const builtin = builtinEngine();
    const sources = builtin.rules().map((rule) => rule.source.file).filter((file, index, all) => all.indexOf(file) === index);
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const engine = createEngine([
      ...sources.map((file) => ({ file, text: readFileSync(file, 'utf8') })),
      { file: 'broken.termguard.yaml', text: 'pack: broken\nrules: [{id: 1}]\n' },
    ]);
    assert.ok(engine.problems.some((p) => p.file === 'broken.termguard.yaml'));
    const findings = engine.check('SRE enables access to ChatGPT.', 'markdown').findings;
    assert.deepEqual(findings.map((f) => f.ruleId), ['memo/enables-access']);
  });

  it('lets a later pack redefine a rule and keeps the rest', () => {
    const engine = createEngine([
      { file: 'a.termguard.yaml', text: `pack: a\nrules:\n${validRule('team/one', 'foo')}${validRule('team/two', 'qux')}` },
      { file: 'b.termguard.yaml', text: `pack: b\nrules:\n${validRule('team/one', 'bar')}` },
    ]);
    const ids = (text: string) => engine.check(text, 'plaintext').findings.map((f) => f.ruleId);
    assert.deepEqual(ids('foo'), []);
    assert.deepEqual(ids('bar'), ['team/one']);
    assert.deepEqual(ids('qux'), ['team/two']);
  });
});
