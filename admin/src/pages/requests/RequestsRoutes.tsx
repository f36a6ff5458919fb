import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const RequestQueuePage = lazy(() => import('./RequestQueuePage'));
const RequestCasePage = lazy(() => import('./RequestCasePage'));
const RequestSettingsPage = lazy(() => import('./RequestSettingsPage'));
const SameInformationPage = lazy(() => import('./SameInformationPage'));

/** /admin/requests/… — 依申请公开 (issue 3). */
export default function RequestsRoutes() {
  return (
    <Routes>
      <Route index element={<RequestQueuePage />} />
      <Route path="settings" element={<RequestSettingsPage />} />
      <Route path="same-information" element={<SameInformationPage />} />
      <Route path=":id" element={<RequestCasePage />} />
    </Routes>
  );
}
