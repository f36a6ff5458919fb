import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const ContactListPage = lazy(() => import('./ContactListPage'));
const ContactDetailPage = lazy(() => import('./ContactDetailPage'));

/** /admin/participation/contacts/… — 留言、咨询、投诉举报、领导信箱、评议 (issue 12). */
export default function ContactsRoutes() {
  return (
    <Routes>
      <Route index element={<ContactListPage />} />
      <Route path=":id" element={<ContactDetailPage />} />
    </Routes>
  );
}
