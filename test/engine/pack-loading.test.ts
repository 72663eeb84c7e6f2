import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createEngine, loadPack } from '../../server/src/engine/index';
import { builtinEngine } from '../helpers/builtinEngine';

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

/** Word sets s0 to s`depth`, each naming the one before it. */
function chainOfSets(depth: number): string {
  let sets = 'sets:\n  s0: [x]\n';
  for (let i = 1; i <= depth; i++) sets += `  s${i}: ["@s${i - 1}"]\n`;
  return sets;
}

/** The 0-based line of `text` that is exactly `line`. */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  assert.ok(index >= 0, `no line ${line}`);
  return index;
}

function builtinSources(): { file: string; text: string }[] {
  const files = builtinEngine()
    .rules()
    .map((rule) => rule.source.file);
  return [...new Set(files)].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

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
    assert.ok(
      problems.some((p) => p.code === 'set-cycle'),
      JSON.stringify(problems),
    );
  });

  it('reports duplicate rule ids and rules without examples', () => {
    const noExamples = `  - id: team/two\n    category: test\n    severity: hint\n    message: m\n    reason: r\n    patterns: [baz]\n`;
    const problems = problemsOf(`pack: team\nrules:\n${validRule('team/one', 'foo')}${validRule('team/one', 'bar')}${noExamples}`);
    assert.ok(
      problems.some((p) => p.code === 'duplicate-rule' && p.line === 11),
      JSON.stringify(problems),
    );
    assert.ok(problems.some((p) => p.code === 'no-examples' && p.severity === 'warning'));
  });

  it('refuses a YAML alias bomb without expanding it or crashing', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(
        `${name}: &${name} [*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous}]`,
      );
    }
    const problems = problemsOf(lines.join('\n') + '\n');
    assert.ok(
      problems.some((p) => p.code === 'yaml' && /alias/i.test(p.message)),
      JSON.stringify(problems),
    );
  });

  it('reports invalid YAML with a position', () => {
    const problems = problemsOf('pack: team\nrules: [\n');
    assert.ok(problems.length > 0);
    assert.equal(problems[0]!.code, 'yaml');
  });

  it('keeps the built-in rules working beside a broken pack', () => {
    const builtin = builtinEngine();
    const sources = builtin
      .rules()
      .map((rule) => rule.source.file)
      .filter((file, index, all) => all.indexOf(file) === index);
    const engine = createEngine([
      ...sources.map((file) => ({ file, text: readFileSync(file, 'utf8') })),
      { file: 'broken.termguard.yaml', text: 'pack: broken\nrules: [{id: 1}]\n' },
    ]);
    assert.ok(engine.problems.some((p) => p.file === 'broken.termguard.yaml'));
    const findings = engine.check('SRE enables access to ChatGPT.', 'markdown').findings;
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['memo/enables-access'],
    );
  });

  it('reports a chain of 2,000 word sets where it gets too deep, without overflowing the stack', () => {
    const text = `pack: team\n${chainOfSets(2000)}rules:\n${validRule('team/one', 'eat @s2000')}`;
    const { pack, problems } = loadPack({ file: 'team.termguard.yaml', text });
    const tooDeep = problems.filter((p) => p.code === 'set-too-deep');
    assert.equal(tooDeep.length, 2, JSON.stringify(problems));
    // Once at the first set past the limit, on its member naming the set before it; once at the pattern.
    assert.equal(tooDeep[0]!.line, lineOf(text, '  s20: ["@s19"]'));
    assert.equal(tooDeep[0]!.column, '  s20: ["'.length);
    assert.match(tooDeep[0]!.message, /`@s20` names word sets 21 levels deep.*at most 20/);
    assert.equal(tooDeep[1]!.line, lineOf(text, '    patterns: ["eat @s2000"]'));
    assert.match(tooDeep[1]!.message, /`@s2000` cannot be used: it uses `@s20`/);
    assert.deepEqual(pack?.rules, []);
  });

  it('reports word sets that name each other in a loop, at the set that closes it', () => {
    const text = `pack: team\nsets:\n  a: [x, "@b"]\n  b: ["y @c"]\n  c: ["@a"]\nrules:\n${validRule('team/one', 'eat @b')}`;
    const problems = problemsOf(text).filter((p) => p.code === 'set-cycle');
    assert.equal(problems.length, 2, JSON.stringify(problems));
    assert.equal(problems[0]!.line, lineOf(text, '  c: ["@a"]'));
    assert.match(problems[0]!.message, /`@a` refers to itself \(a -> b -> c -> a\)/);
    assert.equal(problems[1]!.line, lineOf(text, '    patterns: ["eat @b"]'));
  });

  it('keeps the built-in rules working beside a pack whose word sets nest 2,000 deep', () => {
    const engine = createEngine([
      ...builtinSources(),
      { file: 'deep.termguard.yaml', text: `pack: deep\n${chainOfSets(2000)}rules:\n${validRule('deep/one', 'eat @s2000')}` },
    ]);
    assert.ok(
      engine.problems.some((p) => p.file === 'deep.termguard.yaml' && p.code === 'set-too-deep'),
      JSON.stringify(engine.problems),
    );
    assert.deepEqual(
      engine.check('SRE enables access to ChatGPT.', 'markdown').findings.map((f) => f.ruleId),
      ['memo/enables-access'],
    );
  });

  it('drops members that repeat an earlier one, so sets of doubled sets stay small', () => {
    let sets = 'sets:\n  s0: [x]\n';
    for (let i = 1; i <= 40; i++) sets += `  s${i}: ["@s${i - 1}", "(@s${i - 1})"]\n`;
    const text = `pack: team\n${sets}rules:\n${validRule('team/one', '@s16 y')}`;
    const { pack, problems } = loadPack({ file: 'team.termguard.yaml', text });
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error' && p.code !== 'set-too-deep'),
      [],
    );
    const program = pack!.rules[0]!.scanGroups[0]!.program;
    assert.ok(program.instructions.length < 100, `${program.instructions.length} instructions`);
    // Forty levels are more than sets may nest: an error at the first set too deep, not a 4 GB program.
    assert.ok(
      problems.some((p) => p.code === 'set-too-deep' && p.line === lineOf(text, '  s20: ["@s19", "(@s19)"]')),
      JSON.stringify(problems),
    );
  });

  it('refuses a word set that grows too large when filled in, at its line', () => {
    let sets = 'sets:\n  s0: [x]\n';
    for (let i = 1; i <= 16; i++) sets += `  s${i}: ["@s${i - 1} @s${i - 1}"]\n`;
    const text = `pack: team\n${sets}rules:\n${validRule('team/one', '@s16 y')}${validRule('team/two', '@s3 y')}`;
    const { pack, problems } = loadPack({ file: 'team.termguard.yaml', text });
    const atSets = problems.filter((p) => p.code === 'set-too-large');
    // @s14 is 16,384 words long: the first set past the limit; @s15 and @s16 fail through it, and so does the rule using @s16.
    assert.equal(atSets[0]!.line, lineOf(text, '  s14: ["@s13 @s13"]'), JSON.stringify(problems));
    assert.match(atSets[0]!.message, /word set `@s14` is too large.*16385 word-to-word steps.*limit of 10000/);
    assert.equal(atSets.length, 2);
    assert.equal(atSets[1]!.line, lineOf(text, '    patterns: ["@s16 y"]'));
    assert.deepEqual(
      pack!.rules.map((rule) => rule.info.id),
      ['team/two'],
    );
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
