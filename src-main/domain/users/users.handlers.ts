import type { Handler } from '../../api/dispatch';
import type { Role } from '../../api/permissions';
import type { usersContract } from './users.contract';
import { listActiveUserOptions } from './users.repository';
import { createUser, listUsers, resetPassword, toUserRow, updateUser } from './users.service';

type UsersMethods = keyof typeof usersContract;

export const usersHandlers: { [M in UsersMethods]: Handler<M> } = {
  'users.list': (input, ctx) => listUsers(ctx.db, input),
  'users.options': async (_input, ctx) =>
    (await listActiveUserOptions(ctx.db)).map((u) => ({ id: u.id, displayName: u.display_name, role: u.role as Role })),
  'users.create': async (input, ctx) => {
    const user = toUserRow(await createUser(ctx.db, input));
    ctx.audit({
      entityType: 'user',
      entityId: user.id,
      fields: { username: { before: null, after: user.username }, displayName: { before: null, after: user.displayName }, role: { before: null, after: user.role } },
    });
    return user;
  },
  'users.update': (input, ctx) => updateUser(ctx, input.id, input.patch),
  'users.resetPassword': async (input, ctx) => {
    await resetPassword(ctx, input.id, input.newPassword);
    return null;
  },
};
