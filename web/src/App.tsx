import { useEffect, useRef, type ReactElement } from "react";
import { Navigate, Outlet, ScrollRestoration, type RouteObject } from "react-router";
import { QueryClient, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/errors";
import { RequireRole } from "./auth/RequireRole";
import { RequireAuth, useSession } from "./auth/session";
import { Header } from "./components/Header";
import { BalancePage } from "./pages/BalancePage";
import { ContractPage } from "./pages/ContractPage";
import { ContractsPage } from "./pages/ContractsPage";
import { DashboardPage } from "./pages/DashboardPage";
import { DisputePage } from "./pages/DisputePage";
import { DisputesPage } from "./pages/DisputesPage";
import { EditJobPage } from "./pages/EditJobPage";
import { EditProfilePage } from "./pages/EditProfilePage";
import { EditProposalPage } from "./pages/EditProposalPage";
import { FreelancersPage } from "./pages/FreelancersPage";
import { FriendsPage } from "./pages/FriendsPage";
import { HomePage } from "./pages/HomePage";
import { InvitationsPage } from "./pages/InvitationsPage";
import { InvoicesPage } from "./pages/InvoicesPage";
import { JobBoardPage } from "./pages/JobBoardPage";
import { JobPage } from "./pages/JobPage";
import { JobProposalsPage } from "./pages/JobProposalsPage";
import { LoginPage } from "./pages/LoginPage";
import { MessagesPage } from "./pages/MessagesPage";
import { MyJobsPage } from "./pages/MyJobsPage";
import { MyProposalsPage } from "./pages/MyProposalsPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { NotificationsPage } from "./pages/NotificationsPage";
import { PostJobPage } from "./pages/PostJobPage";
import { ProfilePage } from "./pages/ProfilePage";
import { PublicProfilePage } from "./pages/PublicProfilePage";
import { SignupPage } from "./pages/SignupPage";
import { AdminAnnouncementsPage } from "./pages/admin/AdminAnnouncementsPage";
import { AdminAuditLogPage } from "./pages/admin/AdminAuditLogPage";
import { AdminDashboardPage } from "./pages/admin/AdminDashboardPage";
import { AdminDisputePage } from "./pages/admin/AdminDisputePage";
import { AdminDisputesPage } from "./pages/admin/AdminDisputesPage";
import { AdminInvitesPage } from "./pages/admin/AdminInvitesPage";
import { AdminJobsPage } from "./pages/admin/AdminJobsPage";
import { AdminLayout } from "./pages/admin/AdminLayout";
import { AdminPayoutsPage } from "./pages/admin/AdminPayoutsPage";
import { AdminReportsPage } from "./pages/admin/AdminReportsPage";
import { AdminSettingsPage } from "./pages/admin/AdminSettingsPage";
import { AdminTransactionsPage } from "./pages/admin/AdminTransactionsPage";
import { AdminUserPage } from "./pages/admin/AdminUserPage";
import { AdminUsersPage } from "./pages/admin/AdminUsersPage";
import { RealtimeProvider } from "./realtime/RealtimeProvider";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (404, 401, 422) will not change on a retry.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/** Shared by everyone, so kept when the session changes hands. */
const PUBLIC_QUERIES = new Set(["categories", "skills"]);

/** Drops the previous user's cached data when the session changes hands. */
function SessionSync() {
  const session = useSession();
  const queryClient = useQueryClient();
  const userId = session?.user.id ?? null;
  const previous = useRef(userId);
  useEffect(() => {
    if (previous.current !== userId) {
      queryClient.removeQueries({ predicate: (query) => !PUBLIC_QUERIES.has(String(query.queryKey[0])) });
      previous.current = userId;
    }
  }, [userId, queryClient]);
  return null;
}

function Layout() {
  return (
    <RealtimeProvider>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SessionSync />
      <Header />
      <main id="main" className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">© Downwork</div>
      </footer>
      <ScrollRestoration />
    </RealtimeProvider>
  );
}

/** A page for logged-in users, optionally only those with a role. */
function authed(page: ReactElement, role?: "client" | "freelancer") {
  return <RequireAuth>{role ? <RequireRole role={role}>{page}</RequireRole> : page}</RequireAuth>;
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "signup", element: <SignupPage /> },
      { path: "login", element: <LoginPage /> },
      {
        path: "profile",
        element: (
          <RequireAuth>
            <ProfilePage />
          </RequireAuth>
        ),
      },
      {
        path: "profile/edit",
        element: (
          <RequireAuth>
            <EditProfilePage />
          </RequireAuth>
        ),
      },
      { path: "users/:id", element: <PublicProfilePage /> },
      { path: "jobs", element: <JobBoardPage /> },
      { path: "jobs/new", element: authed(<PostJobPage />, "client") },
      { path: "jobs/:id", element: <JobPage /> },
      { path: "jobs/:id/edit", element: authed(<EditJobPage />, "client") },
      { path: "jobs/:id/proposals", element: authed(<JobProposalsPage />, "client") },
      { path: "my/jobs", element: authed(<MyJobsPage />, "client") },
      { path: "my/proposals", element: authed(<MyProposalsPage />, "freelancer") },
      { path: "my/invitations", element: authed(<InvitationsPage />, "freelancer") },
      { path: "proposals/:id/edit", element: authed(<EditProposalPage />, "freelancer") },
      { path: "freelancers", element: authed(<FreelancersPage />, "client") },
      { path: "contracts", element: authed(<ContractsPage />) },
      { path: "notifications", element: authed(<NotificationsPage />) },
      { path: "messages", element: authed(<MessagesPage />) },
      { path: "messages/:userId", element: authed(<MessagesPage />) },
      { path: "friends", element: authed(<FriendsPage />) },
      { path: "contracts/:id", element: authed(<ContractPage />) },
      { path: "dashboard", element: authed(<DashboardPage />) },
      { path: "balance", element: authed(<BalancePage />) },
      { path: "invoices", element: authed(<InvoicesPage />) },
      { path: "disputes", element: authed(<DisputesPage />) },
      { path: "disputes/:id", element: authed(<DisputePage />) },
      {
        path: "admin",
        element: authed(<AdminLayout />),
        children: [
          { index: true, element: <Navigate to="/admin/users" replace /> },
          { path: "dashboard", element: <AdminDashboardPage /> },
          { path: "users", element: <AdminUsersPage /> },
          { path: "users/:id", element: <AdminUserPage /> },
          { path: "jobs", element: <AdminJobsPage /> },
          { path: "disputes", element: <AdminDisputesPage /> },
          { path: "payments", element: <AdminTransactionsPage /> },
          { path: "payments/payouts", element: <AdminPayoutsPage /> },
          { path: "disputes/:id", element: <AdminDisputePage /> },
          { path: "settings", element: <AdminSettingsPage /> },
          { path: "audit-log", element: <AdminAuditLogPage /> },
          { path: "reports", element: <AdminReportsPage /> },
          { path: "announcements", element: <AdminAnnouncementsPage /> },
          { path: "invites", element: <AdminInvitesPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
