import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from '../api';
import type { Me } from '../types/auth';
import { type AuthContextValue, AuthContext, type AuthStatus } from './context';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');

  const signIn = useCallback((next: Me) => {
    setCsrfToken(next.csrfToken);
    setMe(next);
    setStatus('signed-in');
  }, []);

  const signOutLocally = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
    setStatus('anonymous');
  }, []);

  const refresh = useCallback(async () => {
    try {
      signIn(await api.get<Me>('/auth/me'));
    } catch {
      signOutLocally();
    }
  }, [signIn, signOutLocally]);

  useEffect(() => {
    setUnauthorizedHandler(signOutLocally);
    void refresh();
    return () => setUnauthorizedHandler(null);
  }, [refresh, signOutLocally]);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      signOutLocally();
    }
  }, [signOutLocally]);

  const switchContext = useCallback(
    async (agencyId: number, role: string) => {
      signIn(await api.post<Me>('/auth/context', { agencyId, role }));
    },
    [signIn],
  );

  const value = useMemo<AuthContextValue>(
    () => ({ status, me, signIn, refresh, logout, switchContext }),
    [status, me, signIn, refresh, logout, switchContext],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
