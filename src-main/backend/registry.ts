import type { MethodSpec } from '../api/method';
import type { Role } from '../api/permissions';
import type { AreaDefinition, AreaExtensions, AreaTask, BackendEnv, PrintableSource, SeedStep } from '../domain/area';
import type { InvariantCheck } from '../domain/checks/invariants';
import type { HandlerContext } from '../domain/context';
import { assertSeriesDistinct } from '../domain/core/numbering';

export type AnyHandler = (input: unknown, ctx: HandlerContext) => Promise<unknown>;

/** Everything the registered areas add to the whole, merged once when the backend starts. */
export interface AreaRegistry {
  areaNames: string[];
  contract: Record<string, MethodSpec>;
  handlers: Record<string, AnyHandler>;
  roleHas(role: Role, permission: string): boolean;
  permissionsOf(role: Role): string[];
  /** Whether a role may see changes in an area: it may call one of the area's reading methods. */
  mayReadArea(role: Role, area: string): boolean;
  checks: InvariantCheck[];
  seedSteps: { area: string; step: SeedStep }[];
  dailyJobs: string[];
  startJobs: string[];
  /** The areas' reader-thread tasks by name (`ctx.offThread`). */
  tasks: Record<string, AreaTask>;
  extensions: AreaExtensions;
}

/**
 * Merges the areas, refusing what would let one area silently shadow another: a method declared
 * twice, a method outside its area's prefix, a permission declared twice or used but never declared.
 */
export function buildRegistry(areas: readonly AreaDefinition[], env: BackendEnv): AreaRegistry {
  // No prototype: a method named "constructor" or "__proto__" must not find Object's.
  const contract: Record<string, MethodSpec> = Object.create(null) as Record<string, MethodSpec>;
  const handlers: Record<string, AnyHandler> = Object.create(null) as Record<string, AnyHandler>;
  const tasks: Record<string, AreaTask> = Object.create(null) as Record<string, AreaTask>;
  const grants = new Map<string, Set<Role>>();
  const extensions: AreaExtensions = { customerTimeline: [], customerFigures: [], finders: [], series: [], printables: [], workbenchCards: [] };
  const seen = new Set<string>();
  for (const area of areas) {
    if (seen.has(area.name)) throw new Error(`Area ${area.name} is registered twice`);
    seen.add(area.name);
    const areaHandlers = (typeof area.handlers === 'function' ? area.handlers(env) : area.handlers) as Record<string, AnyHandler>;
    for (const [name, spec] of Object.entries(area.contract)) {
      if (!name.startsWith(`${area.name}.`)) throw new Error(`API method ${name} does not belong to area ${area.name}`);
      if (Object.hasOwn(contract, name)) throw new Error(`API method ${name} is declared twice`);
      const handler = areaHandlers[name];
      if (typeof handler !== 'function') throw new Error(`API method ${name} has no handler`);
      contract[name] = spec;
      handlers[name] = handler;
    }
    for (const [name, task] of Object.entries(area.tasks ?? {})) {
      if (!name.startsWith(`${area.name}.`)) throw new Error(`Task ${name} does not belong to area ${area.name}`);
      if (Object.hasOwn(tasks, name)) throw new Error(`Task ${name} is declared twice`);
      tasks[name] = task;
    }
    for (const [permission, roles] of Object.entries(area.permissions ?? {}) as [string, readonly Role[]][]) {
      if (grants.has(permission)) throw new Error(`Permission ${permission} is declared twice`);
      grants.set(permission, new Set(roles));
    }
    extensions.customerTimeline.push(...(area.customerTimeline ?? []));
    extensions.customerFigures.push(...(area.customerFigures ?? []));
    extensions.finders.push(...(area.finders ?? []));
    extensions.series.push(...(area.series ?? []));
    extensions.printables.push(...(area.printables ?? []));
    extensions.workbenchCards.push(...(area.workbenchCards ?? []));
  }
  assertSeriesDistinct(extensions.series);
  assertPrintablesDistinct(extensions.printables);
  for (const [name, spec] of Object.entries(contract)) {
    if (spec.permission !== 'public' && spec.permission !== 'signedIn' && !grants.has(spec.permission)) {
      throw new Error(`API method ${name} needs permission ${spec.permission}, which no area declares`);
    }
  }
  for (const source of extensions.printables) {
    if (source.permission !== 'signedIn' && !grants.has(source.permission)) {
      throw new Error(`Printable ${source.kind} needs permission ${source.permission}, which no area declares`);
    }
  }
  for (const card of extensions.workbenchCards) {
    if (card.permission !== 'signedIn' && !grants.has(card.permission)) throw new Error(`Workbench card ${card.key} needs permission ${card.permission}, which no area declares`);
  }
  const dailyJobs = areas.flatMap((area) => area.dailyJobs ?? []);
  for (const method of dailyJobs) if (!Object.hasOwn(contract, method)) throw new Error(`Daily job ${method} is not an API method`);
  const startJobs = areas.flatMap((area) => area.startJobs ?? []);
  for (const method of startJobs) if (!Object.hasOwn(contract, method)) throw new Error(`Start job ${method} is not an API method`);
  const roleHas = (role: Role, permission: string) => grants.get(permission)?.has(role) ?? false;
  return {
    areaNames: [...seen],
    contract,
    handlers,
    roleHas,
    permissionsOf: (role) => [...grants.keys()].filter((permission) => roleHas(role, permission)).sort(),
    mayReadArea: (role, area) =>
      Object.entries(contract).some(
        ([name, spec]) => name.startsWith(`${area}.`) && !spec.mutates && (spec.permission === 'public' || spec.permission === 'signedIn' || roleHas(role, spec.permission)),
      ),
    checks: areas.flatMap((area) => area.checks ?? []),
    seedSteps: areas
      .flatMap((area) => (area.seed ? [area.seed].flat().map((step) => ({ area: area.name, step })) : []))
      .sort((a, b) => a.step.order - b.step.order),
    dailyJobs,
    startJobs,
    tasks,
    extensions,
  };
}

/** A kind (or alias) printed by two areas would make `print order SO-…` depend on which registered first. */
function assertPrintablesDistinct(printables: readonly PrintableSource[]): void {
  const names = new Set<string>();
  for (const name of printables.flatMap((source) => [source.kind, ...(source.aliases ?? [])])) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Printable kind ${name} must be lower_snake_case`);
    if (names.has(name)) throw new Error(`Printable ${name} is registered twice`);
    names.add(name);
  }
}
