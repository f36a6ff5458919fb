import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const ConsultationListPage = lazy(() => import('./ConsultationListPage'));
const ConsultationEditPage = lazy(() => import('./ConsultationEditPage'));
const ConsultationPage = lazy(() => import('./ConsultationPage'));

/** /admin/participation/consultations/… — 意见征集 (issue 12). */
export default function ConsultationsRoutes() {
  return (
    <Routes>
      <Route index element={<ConsultationListPage />} />
      <Route path="new" element={<ConsultationEditPage />} />
      <Route path=":id/edit" element={<ConsultationEditPage />} />
      <Route path=":id" element={<ConsultationPage />} />
    </Routes>
  );
}
