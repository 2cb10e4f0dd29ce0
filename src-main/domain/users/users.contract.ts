import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { ROLES, type Role } from '../../api/permissions';
import { password, username } from '../auth/auth.contract';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /** The manager whose team the user is in; a manager with team scope sees the team's customers. */
  managerUserId: string | null;
}

export const usersContract = {
  'users.list': method<Page<UserRow>>()({
    input: z.object({ q: z.string().max(64).optional(), includeDisabled: z.boolean().default(true), ...pageFields }).strict(),
    permission: 'users.manage',
    mutates: false,
  }),
  /** Owners assign salespeople to customers, so everyone signed in may read the names. */
  'users.options': method<{ id: string; displayName: string; role: Role }[]>()({
    input: z.object({}).strict(),
    permission: 'signedIn',
    mutates: false,
  }),
  'users.create': method<UserRow>()({
    input: z.object({ username, displayName: z.string().trim().min(1, 'Name is required').max(50), role: z.enum(ROLES), password }).strict(),
    permission: 'users.manage',
    mutates: true,
  }),
  'users.update': method<UserRow>()({
    input: z
      .object({ displayName: z.string().trim().min(1).max(50), role: z.enum(ROLES), active: z.boolean(), managerUserId: z.string().uuid().nullable() })
      .partial()
      .extend({ id: z.string().uuid() })
      .strict(),
    permission: 'users.manage',
    mutates: true,
  }),
  'users.resetPassword': method<null>()({
    input: z.object({ id: z.string().uuid(), newPassword: password }).strict(),
    permission: 'users.manage',
    mutates: true,
  }),
};
