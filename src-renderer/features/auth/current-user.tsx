import { createContext, useContext, type ReactNode } from 'react';
import type { Permission } from '../../../src-main/api/contract';
import type { SessionUser } from '../../../src-main/api/session';

interface CurrentUser {
  user: SessionUser;
  permissions: ReadonlySet<string>;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user and the permissions the backend says their role holds (`auth.status`). */
export function CurrentUserProvider({ user, permissions, children }: { user: SessionUser; permissions: string[]; children: ReactNode }) {
  return <CurrentUserContext.Provider value={{ user, permissions: new Set(permissions) }}>{children}</CurrentUserContext.Provider>;
}

function useCurrent(): CurrentUser {
  const current = useContext(CurrentUserContext);
  if (!current) throw new Error('useCurrentUser outside a signed-in layout');
  return current;
}

export function useCurrentUser(): SessionUser {
  return useCurrent().user;
}

/** For hiding what the role cannot use; the backend checks again on every call. */
export function useCan(): (permission: Permission) => boolean {
  const { permissions } = useCurrent();
  return (permission) => permissions.has(permission);
}
