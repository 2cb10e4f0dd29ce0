import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['src-main', 'src-renderer'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const FILES = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

/** Relative imports that exist at run time: `import type` and all-`type` specifier lists are erased. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']+)'/gms;
  for (const match of text.matchAll(pattern)) {
    if (match[2]) continue;
    const clause = match[3]!;
    const braces = /^\{([^}]*)\}$/s.exec(clause.trim());
    if (braces && braces[1]!.split(',').every((name) => name.trim() === '' || name.trim().startsWith('type '))) continue;
    const base = path.resolve(path.dirname(file), match[4]!);
    const target = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((candidate) => fs.existsSync(candidate));
    if (target) found.push(target);
  }
  return found;
}

describe('the shape of the code', () => {
  it('has no import cycle between modules', () => {
    const graph = new Map(FILES.map((file) => [file, runtimeImports(file)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(ROOT, f)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of FILES) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps every source file under 400 lines (message catalogs and data tables aside)', () => {
    const exempt = /(\.test\.tsx?$|messages\.|[/\\]i18n[/\\]|regions|test-helpers)/;
    const long = FILES.filter((file) => !exempt.test(file))
      .map((file) => ({ file: path.relative(ROOT, file), lines: fs.readFileSync(file, 'utf8').split('\n').length }))
      .filter((entry) => entry.lines > 400);
    expect(long).toEqual([]);
  });
});
