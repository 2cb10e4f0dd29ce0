import type { MethodInput, MethodOutput, MethodParsedInput, MethodSpec } from './method';
import { auditContract } from '../domain/audit/audit.contract';
import { authContract } from '../domain/auth/auth.contract';
import { backupContract } from '../domain/backup/backup.contract';
import { customersContract } from '../domain/customers/customers.contract';
import { exportsContract } from '../domain/exports/exports.contract';
import { importsContract } from '../domain/imports/imports.contract';
import { jobsContract } from '../domain/jobs/jobs.contract';
import { leadsContract } from '../domain/leads/leads.contract';
import { settingsContract } from '../domain/settings/settings.contract';
import { usersContract } from '../domain/users/users.contract';

/** Every API method, merged from the area contracts. Runtime-neutral: the renderer imports it. */
export const contract = mergeContracts(authContract, usersContract, settingsContract, auditContract, jobsContract, backupContract, customersContract, importsContract, exportsContract, leadsContract);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = MethodInput<Contract[M]>;
export type ParsedInputOf<M extends MethodName> = MethodParsedInput<Contract[M]>;
export type OutputOf<M extends MethodName> = MethodOutput<Contract[M]>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** Refuses a method name declared twice, so no area silently shadows another. */
function mergeContracts<Parts extends Record<string, MethodSpec>[]>(...parts: Parts): UnionToIntersection<Parts[number]> {
  const merged: Record<string, MethodSpec> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`API method ${name} is declared twice`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<Parts[number]>;
}
