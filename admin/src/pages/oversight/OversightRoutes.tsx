import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const PlansPage = lazy(() => import('./PlansPage'));
const PlanDetailPage = lazy(() => import('./PlanDetailPage'));
const RectificationsPage = lazy(() => import('./RectificationsPage'));
const RectificationPage = lazy(() => import('./RectificationPage'));
const AccountabilityPage = lazy(() => import('./AccountabilityPage'));
const AccountabilityCasePage = lazy(() => import('./AccountabilityCasePage'));

/** /admin/oversight/… — 监督检查与整改、责任追究 (issue 11). */
export default function OversightRoutes() {
  return (
    <Routes>
      <Route index element={<PlansPage />} />
      <Route path="plans/:id" element={<PlanDetailPage />} />
      <Route path="rectifications" element={<RectificationsPage />} />
      <Route path="rectifications/:id" element={<RectificationPage />} />
      <Route path="accountability" element={<AccountabilityPage />} />
      <Route path="accountability/:id" element={<AccountabilityCasePage />} />
    </Routes>
  );
}
