import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './harness';

/** Builds the renderer once for every E2E file (they serve dist/renderer). */
export default function buildRenderer(): void {
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}
