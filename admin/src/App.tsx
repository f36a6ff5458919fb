import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin } from './components/FullPageSpin';
import { RequireAuth } from './components/RequireAuth';
import { RequireSystemAccess } from './components/RequireSystemAccess';
import { BUSINESS_MODULES } from './lib/modules';

const AppLayout = lazy(() => import('./components/layout/AppLayout'));
const LoginPage = lazy(() => import('./pages/LoginPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const PlaceholderPage = lazy(() => import('./pages/PlaceholderPage'));
const AgenciesPage = lazy(() => import('./pages/AgenciesPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const RuleProfilesPage = lazy(() => import('./pages/RuleProfilesPage'));
const CalendarPage = lazy(() => import('./pages/CalendarPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const OutboxPage = lazy(() => import('./pages/OutboxPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const PublicationRoutes = lazy(() => import('./pages/publication/PublicationRoutes'));
const RequestsRoutes = lazy(() => import('./pages/requests/RequestsRoutes'));
const ContactsRoutes = lazy(() => import('./pages/participation/ContactsRoutes'));
const OversightRoutes = lazy(() => import('./pages/oversight/OversightRoutes'));
const ConsultationsRoutes = lazy(() => import('./pages/participation/ConsultationsRoutes'));
const PressEventsRoutes = lazy(() => import('./pages/participation/PressEventsRoutes'));
const AnnualReportPage = lazy(() => import('./pages/reporting/AnnualReportPage'));
const ReportOverviewPage = lazy(() => import('./pages/reporting/ReportOverviewPage'));
const StatisticsPage = lazy(() => import('./pages/reporting/StatisticsPage'));
const SelfInspectionPage = lazy(() => import('./pages/reporting/SelfInspectionPage'));
const DetectionsPage = lazy(() => import('./pages/oversight/DetectionsPage'));

export default function App() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<DashboardPage />} />
            <Route path="proactive/*" element={<PublicationRoutes />} />
            <Route path="requests/*" element={<RequestsRoutes />} />
            <Route path="participation/contacts/*" element={<ContactsRoutes />} />
            <Route path="oversight/*" element={<OversightRoutes />} />
            <Route path="participation/consultations/*" element={<ConsultationsRoutes />} />
            <Route path="participation/press/*" element={<PressEventsRoutes />} />
            <Route path="reporting/annual-report" element={<AnnualReportPage />} />
            <Route path="reporting/overview" element={<ReportOverviewPage />} />
            <Route path="reporting/statistics" element={<StatisticsPage />} />
            <Route path="reporting/self-inspection" element={<SelfInspectionPage />} />
            <Route path="supervision/detections" element={<DetectionsPage />} />
            {BUSINESS_MODULES.filter((m) => m.plannedFeatures).map((m) => (
              <Route key={m.path} path={m.path} element={<PlaceholderPage module={m} />} />
            ))}
            <Route element={<RequireSystemAccess />}>
              <Route path="system/agencies" element={<AgenciesPage />} />
              <Route path="system/users" element={<UsersPage />} />
              <Route path="system/rule-profiles" element={<RuleProfilesPage />} />
              <Route path="system/calendar" element={<CalendarPage />} />
              <Route path="system/audit" element={<AuditPage />} />
              <Route path="system/outbox" element={<OutboxPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
