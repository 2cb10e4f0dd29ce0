import type { HandlersFor } from '../area';
import type { usersContract } from './users.contract';
import { listActiveUserOptions } from './users.repository';
import { createUser, listUsers, resetPassword, toUserRow, updateUser } from './users.service';


export const usersHandlers: HandlersFor<typeof usersContract> = {
  'users.list': (input, ctx) => listUsers(ctx.db, input),
  'users.options': async (_input, ctx) =>
    (await listActiveUserOptions(ctx.db)).map((u) => ({ id: u.id, displayName: u.display_name, role: u.role })),
  'users.create': async (input, ctx) => {
    const user = toUserRow(await createUser(ctx.db, input));
    ctx.audit({
      entityType: 'user',
      entityId: user.id,
      fields: { username: { before: null, after: user.username }, displayName: { before: null, after: user.displayName }, role: { before: null, after: user.role } },
    });
    return user;
  },
  'users.update': ({ id, ...patch }, ctx) => updateUser(ctx, id, patch),
  'users.resetPassword': async (input, ctx) => {
    await resetPassword(ctx, input.id, input.newPassword);
    return null;
  },
};
