/**
 * Every address the app answers. Pages load on demand, so a customer on a phone downloads the portal and
 * not the staff workspace. The server returns the app for each of these paths (src/http/web.ts).
 */
import { createBrowserRouter } from 'react-router';
import { HomePage } from './HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PortalLayout } from './portal/PortalLayout.tsx';
import { Landing, StaffLayout } from './staff/StaffLayout.tsx';
import { StaffSignInPage } from './staff/StaffSignInPage.tsx';
import { RouteFocus } from './ui/RouteFocus.tsx';

export const router = createBrowserRouter([
  {
    element: <RouteFocus />,
    children: [
      {
        element: <PortalLayout />,
        children: [
          { path: '/', element: <HomePage /> },
          {
            path: '/complain',
            lazy: () => import('./portal/RaisePage.tsx').then((m) => ({ Component: m.RaisePage })),
          },
          {
            path: '/track',
            lazy: () => import('./portal/TrackPage.tsx').then((m) => ({ Component: m.TrackPage })),
          },
          {
            path: '/track/sign-in',
            lazy: () =>
              import('./portal/PortalSignInPage.tsx').then((m) => ({ Component: m.PortalSignInPage })),
          },
          {
            path: '/track/complaints/:reference',
            lazy: () =>
              import('./portal/PortalComplaintPage.tsx').then((m) => ({ Component: m.PortalComplaintPage })),
          },
          {
            path: '/survey',
            lazy: () => import('./portal/SurveyPage.tsx').then((m) => ({ Component: m.SurveyPage })),
          },
          { path: '/track/*', element: <NotFoundPage /> },
          { path: '/complain/*', element: <NotFoundPage /> },
        ],
      },
      { path: '/staff/sign-in', element: <StaffSignInPage /> },
      {
        path: '/staff',
        element: <StaffLayout />,
        children: [
          { index: true, element: <Landing /> },
          {
            path: 'workload',
            lazy: () =>
              import('./staff/workload/WorkloadPage.tsx').then((m) => ({ Component: m.WorkloadPage })),
          },
          {
            path: 'insight',
            lazy: () => import('./staff/insight/InsightPage.tsx').then((m) => ({ Component: m.InsightPage })),
          },
          {
            path: 'queues/:queue',
            lazy: () => import('./staff/queues/QueuePage.tsx').then((m) => ({ Component: m.QueuePage })),
          },
          {
            path: 'log-call',
            lazy: () =>
              import('./staff/log-call/LogCallPage.tsx').then((m) => ({ Component: m.LogCallPage })),
          },
          {
            path: 'complaints/:reference',
            lazy: () =>
              import('./staff/complaint/ComplaintPage.tsx').then((m) => ({ Component: m.ComplaintPage })),
          },
          {
            path: 'complaints/:reference/director-review',
            lazy: () =>
              import('./staff/complaint/DirectorReviewPage.tsx').then((m) => ({
                Component: m.DirectorReviewPage,
              })),
          },
          {
            path: 'customers',
            lazy: () =>
              import('./staff/customers/CustomersPage.tsx').then((m) => ({ Component: m.CustomersPage })),
          },
          {
            path: 'customers/:id',
            lazy: () =>
              import('./staff/customers/CustomerPage.tsx').then((m) => ({ Component: m.CustomerPage })),
          },
          {
            path: 'improvements',
            lazy: () =>
              import('./staff/improvements/ImprovementsPage.tsx').then((m) => ({
                Component: m.ImprovementsPage,
              })),
          },
          {
            path: 'improvements/:reference',
            lazy: () =>
              import('./staff/improvements/ImprovementPage.tsx').then((m) => ({
                Component: m.ImprovementPage,
              })),
          },
          {
            path: 'account/sessions',
            lazy: () =>
              import('./staff/account/SessionsPage.tsx').then((m) => ({
                Component: m.SessionsPage,
              })),
          },
          {
            path: 'account/2-step',
            lazy: () =>
              import('./staff/account/SecondFactorPage.tsx').then((m) => ({
                Component: m.SecondFactorPage,
              })),
          },
          {
            path: 'account/password',
            lazy: () =>
              import('./staff/account/ChangePasswordPage.tsx').then((m) => ({
                Component: m.ChangePasswordPage,
              })),
          },
          {
            path: 'mail',
            lazy: () => import('./staff/mail/MailPage.tsx').then((m) => ({ Component: m.MailPage })),
          },
          {
            path: 'print-queue',
            lazy: () =>
              import('./staff/print-queue/PrintQueuePage.tsx').then((m) => ({ Component: m.PrintQueuePage })),
          },
          {
            path: 'admin/users',
            lazy: () => import('./staff/admin/UsersPage.tsx').then((m) => ({ Component: m.UsersPage })),
          },
          {
            path: 'admin/tokens',
            lazy: () => import('./staff/admin/TokensPage.tsx').then((m) => ({ Component: m.TokensPage })),
          },
          {
            path: 'admin/templates',
            lazy: () =>
              import('./staff/admin/TemplatesPage.tsx').then((m) => ({ Component: m.TemplatesPage })),
          },
          {
            path: 'admin/procedure',
            lazy: () =>
              import('./staff/admin/ProcedurePage.tsx').then((m) => ({ Component: m.ProcedurePage })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
