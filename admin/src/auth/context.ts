import { createContext } from 'react';
import type { Me } from '../types/auth';

export type AuthStatus = 'loading' | 'anonymous' | 'signed-in';

export interface AuthContextValue {
  status: AuthStatus;
  me: Me | null;
  /** Store the Me returned by login. */
  signIn(me: Me): void;
  /** Re-read GET /auth/me (e.g. after a password change). */
  refresh(): Promise<void>;
  logout(): Promise<void>;
  switchContext(agencyId: number, role: string): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
