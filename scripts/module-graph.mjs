#!/usr/bin/env node
/**
 * Prints the server's module graph (runtime imports between the folders of server/src), the imports
 * that bypass a module's index.ts, and every cycle. `--check` exits 1 when a cycle exists.
 * The target layering is drawn in ARCHITECTURE.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/src');
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(name) && !/\.test\.ts$/.test(name) && !p.includes('test-support')) files.push(p);
  }
})(root);

const moduleOf = (file) => {
  const rel = path.relative(root, file).split(path.sep);
  return rel.length === 1 ? '(top)' : rel[0];
};
const edges = new Map(); // from -> Map(to -> [{file, spec, viaIndex}])
// an import/export clause holds only names, braces, commas, `* as` and whitespace up to `from`, so the
// match never runs from an `export interface …` across lines to a later statement's `from`;
// side-effect imports (`import './x.ts'`) are runtime edges too
const importRe =
  /^\s*(import|export)\s+(type\s+)?[\w$*\s{},]*?from\s+['"](\.[^'"]+)['"]|^\s*import\s+()['"](\.[^'"]+)['"]/gm;
for (const file of files) {
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(importRe)) {
    if (m[2]) continue; // type-only imports vanish at runtime
    const target = path.resolve(path.dirname(file), m[3] ?? m[5]);
    const from = moduleOf(file);
    const to = moduleOf(target);
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const list = edges.get(from).get(to) ?? [];
    list.push({ file: path.relative(root, file), viaIndex: /\/index\.ts$/.test(target) });
    edges.get(from).set(to, list);
  }
}

// Tarjan's strongly connected components: every component of more than one module is a cycle.
const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])].sort();
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const on = new Set();
const sccs = [];
function strong(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!idx.has(w)) {
      strong(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) sccs.push(c.sort());
  }
}
for (const v of nodes) if (!idx.has(v)) strong(v);

let total = 0;
let bypass = 0;
for (const from of [...edges.keys()].sort()) {
  const outs = [...edges.get(from).entries()].sort();
  console.log(`${from} → ${outs.map(([to, l]) => `${to}(${l.length})`).join(' ')}`);
  for (const [, l] of outs) {
    total += l.length;
    bypass += l.filter((e) => !e.viaIndex).length;
  }
}
console.log(`\n${total} cross-module imports, ${bypass} not through index.ts`);
if (sccs.length === 0) console.log('no cycles');
for (const c of sccs) {
  console.log(`cycle among: ${c.join(', ')}`);
  for (const a of c)
    for (const b of c) {
      const l = edges.get(a)?.get(b);
      if (l) console.log(`  ${a} → ${b}: ${[...new Set(l.map((e) => e.file))].slice(0, 4).join(', ')}`);
    }
}
if (process.argv.includes('--check') && sccs.length > 0) process.exit(1);
