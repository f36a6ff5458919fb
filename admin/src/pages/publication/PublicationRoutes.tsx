import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const PublicationListPage = lazy(() => import('./PublicationListPage'));
const ItemEditorPage = lazy(() => import('./ItemEditorPage'));
const CatalogPage = lazy(() => import('./CatalogPage'));

/** /admin/proactive/… — the 主动公开 module (issue 4). */
export default function PublicationRoutes() {
  return (
    <Routes>
      <Route index element={<PublicationListPage />} />
      <Route path="catalog" element={<CatalogPage />} />
      <Route path=":id" element={<ItemEditorPage />} />
    </Routes>
  );
}
