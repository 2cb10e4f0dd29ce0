import { runCli } from './commands';

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
if (code !== null) process.exitCode = code;
