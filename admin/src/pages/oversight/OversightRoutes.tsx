import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const PlansPage = lazy(() => import('./PlansPage'));
const PlanDetailPage = lazy(() => import('./PlanDetailPage'));
const RectificationsPage = lazy(() => import('./RectificationsPage'));
const RectificationPage = lazy(() => import('./RectificationPage'));

/** /admin/oversight/… — 监督检查与整改 (issue 11). */
export default function OversightRoutes() {
  return (
    <Routes>
      <Route index element={<PlansPage />} />
      <Route path="plans/:id" element={<PlanDetailPage />} />
      <Route path="rectifications" element={<RectificationsPage />} />
      <Route path="rectifications/:id" element={<RectificationPage />} />
    </Routes>
  );
}
