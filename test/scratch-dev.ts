import { readFileSync } from 'node:fs';
import { loadPack } from '/work/main/server/src/engine/packs/loadPack';
import { RuleSet } from '/work/main/server/src/engine/rules/ruleSet';
import { tokenizeUnit } from '/work/main/server/src/engine/text/tokenize';
import { applyEdits } from '/work/main/server/src/engine/fixes/applyEdits';
const t0 = performance.now();
const loaded = loadPack({ file: 'memo.termguard.yaml', text: readFileSync('/work/main/packs/memo.termguard.yaml', 'utf8') });
console.log('load ms', (performance.now() - t0).toFixed(1));
for (const p of loaded.problems) console.log('PROBLEM', p.line + 1, p.column + 1, p.message);
const rs = new RuleSet([loaded.pack!]);
const cat = (id: string) => ({ 'memo/enables-access': 'access', 'memo/calls-on': 'calls-on', 'memo/availability-claim': 'availability' } as any)[id] ?? 'naming';
function check(text: string) {
  const out: any[] = [];
  tokenizeUnit(text, { segments: [{ start: 0, end: text.length }] }, (s) => rs.checkSentence(s, (r) => r.info.severity, (f) => out.push(f)));
  return out;
}
let tp = 0, fp = 0, fn = 0, bad = 0;
for (const file of process.argv.slice(2)) {
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const item = JSON.parse(line);
    const findings = check(item.text);
    const got = new Set(findings.map((f) => cat(f.ruleId)));
    const expect = new Set<string>(item.expect); const either = new Set<string>(item.either);
    const missing = [...expect].filter((c) => !got.has(c));
    const extra = [...got].filter((c) => !expect.has(c) && !either.has(c));
    tp += [...expect].filter((c) => got.has(c)).length; fn += missing.length; fp += extra.length;
    if (missing.length || extra.length) { bad++; console.log(`${item.id} missing=${missing} extra=${extra} :: ${JSON.stringify(item.text)} :: ${findings.map((f) => f.ruleId + '[' + f.matchedText + ']').join(', ')}`); }
    for (const f of findings) for (const fix of f.fixes.slice(0,1)) { if (process.env.FIXES) console.log('   FIX', applyEdits(item.text, fix.edits)); }
  }
}
console.log({ tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), badItems: bad });
