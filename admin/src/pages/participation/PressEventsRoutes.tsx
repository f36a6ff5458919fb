import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const PressEventListPage = lazy(() => import('./PressEventListPage'));
const PressEventEditPage = lazy(() => import('./PressEventEditPage'));
const PressEventPage = lazy(() => import('./PressEventPage'));

/** /admin/participation/press/… — 新闻发布会、在线访谈 (issue 12). */
export default function PressEventsRoutes() {
  return (
    <Routes>
      <Route index element={<PressEventListPage />} />
      <Route path="new" element={<PressEventEditPage />} />
      <Route path=":id/edit" element={<PressEventEditPage />} />
      <Route path=":id" element={<PressEventPage />} />
    </Routes>
  );
}
