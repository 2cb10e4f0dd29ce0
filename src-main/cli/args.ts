import fs from 'node:fs';
import path from 'node:path';

/** `cmd sub --flag value --bool positional` → { positionals, flags }; `--json` and other switches are booleans. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

const SWITCHES = new Set(['json', 'dry-run', 'strict', 'help', 'force']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else if (SWITCHES.has(name) || i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) flags[name] = true;
    else flags[name] = argv[++i]!;
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

export class UsageError extends Error {}

export function requireFlag(args: ParsedArgs, name: string): string {
  const value = stringFlag(args, name);
  if (!value) throw new UsageError(`Missing --${name}`);
  return value;
}

/** Writes a command's file where `--out` names it, making its folder if need be; answers the full path. */
export function writeOut(out: string, content: Uint8Array | string): string {
  const file = path.resolve(out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}
