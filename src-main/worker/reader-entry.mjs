// Starts the reader thread from the TypeScript source (npm run serve, the CLI, tests): a thread
// does not inherit its parent's loader, so tsx is registered here. The desktop app runs the
// bundled reader-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./reader-worker.ts');
