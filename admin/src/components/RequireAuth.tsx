import { lazy } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/useAuth';
import { FullPageSpin } from './FullPageSpin';

const ChangePasswordPage = lazy(() => import('../pages/ChangePasswordPage'));

/** Signed-out users go to the login page; a user who must change the password does that first. */
export function RequireAuth() {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace state={{ from: location }} />;
  if (me.user.mustChangePassword) return <ChangePasswordPage />;
  return <Outlet />;
}
