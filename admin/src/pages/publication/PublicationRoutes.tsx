import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const PublicationListPage = lazy(() => import('./PublicationListPage'));
const ItemEditorPage = lazy(() => import('./ItemEditorPage'));
const CatalogPage = lazy(() => import('./CatalogPage'));
const GuidePage = lazy(() => import('./GuidePage'));
const FilingsPage = lazy(() => import('./FilingsPage'));
const ArchivePage = lazy(() => import('./ArchivePage'));
const ImportPage = lazy(() => import('./ImportPage'));
const SubjectsPage = lazy(() => import('./SubjectsPage'));

/** /admin/proactive/… — the 主动公开 module (issue 4). */
export default function PublicationRoutes() {
  return (
    <Routes>
      <Route index element={<PublicationListPage />} />
      <Route path="catalog" element={<CatalogPage />} />
      <Route path="guide" element={<GuidePage />} />
      <Route path="filings" element={<FilingsPage />} />
      <Route path="archive" element={<ArchivePage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="subjects" element={<SubjectsPage />} />
      <Route path=":id" element={<ItemEditorPage />} />
    </Routes>
  );
}
