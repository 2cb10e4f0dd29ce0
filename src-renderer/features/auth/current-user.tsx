import { createContext, useContext, type ReactNode } from 'react';
import { roleHas, type Permission } from '../../../src-main/api/permissions';
import type { SessionUser } from '../../../src-main/api/session';

const CurrentUserContext = createContext<SessionUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside a signed-in layout');
  return user;
}

/** For hiding what the role cannot use; the backend checks again on every call. */
export function useCan(): (permission: Permission) => boolean {
  const user = useCurrentUser();
  return (permission) => roleHas(user.role, permission);
}
