/**
 * The API's type, merged from the contracts of the registered areas. Runtime-neutral: it imports
 * the composition root as a type only, so the renderer's typed client costs no backend code, and
 * adding an area (one line in `domain/areas.ts`) adds its methods here.
 */
import type { AREAS } from '../domain/areas';
import type { MethodInput, MethodOutput, MethodParsedInput } from './method';

type RegisteredArea = (typeof AREAS)[number];
type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

export type Contract = UnionToIntersection<RegisteredArea['contract']>;
export type MethodName = keyof Contract & string;
export type InputOf<M extends MethodName> = MethodInput<Contract[M]>;
export type ParsedInputOf<M extends MethodName> = MethodParsedInput<Contract[M]>;
export type OutputOf<M extends MethodName> = MethodOutput<Contract[M]>;

/** Every permission some area declares. */
export type Permission = RegisteredArea extends infer A ? (A extends { permissions?: infer P } ? keyof NonNullable<P> & string : never) : never;
