/**
 * Compile-time checks of the typed client (run by `npm run typecheck`): each @ts-expect-error
 * must meet an error, so a client that stopped rejecting these would fail the typecheck.
 */
import { api, call } from './client';

export function typedClientRejectsMistakes(): void {
  // @ts-expect-error: no such method
  void api.users.nope({});
  // @ts-expect-error: no such area
  void api.nothing.list({});
  // @ts-expect-error: username must be a string and role one of the roles
  void api.users.create({ username: 5, displayName: 'x', role: 'nope', password: 'secret-123' });
  // @ts-expect-error: unknown method name
  void call('users.destroy', {});
  // The right shapes compile, and outputs are typed.
  void api.users.list({ page: 1 }).then((page) => page.rows.map((u) => u.username.toUpperCase()));
  void call('settings.get', {}).then((s) => s.companyName.trim());
}
