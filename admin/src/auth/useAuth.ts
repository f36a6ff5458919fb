import { useContext } from 'react';
import type { Me } from '../types/auth';
import { type AuthContextValue, AuthContext } from './context';

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** For components rendered only behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used while signed out');
  return me;
}
