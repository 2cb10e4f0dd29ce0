// Starts the checkpointer thread from the TypeScript source (npm run serve, tests): a thread does
// not inherit its parent's loader, so tsx is registered here. The desktop app runs the bundled
// checkpoint-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./checkpoint-worker.ts');
