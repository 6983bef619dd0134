import { Route, Routes } from "react-router";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { AdminAnnouncementsPage } from "../pages/admin/AdminAnnouncementsPage";
import { AdminAuditLogPage } from "../pages/admin/AdminAuditLogPage";
import { AdminDashboardPage } from "../pages/admin/AdminDashboardPage";
import { AdminDisputePage } from "../pages/admin/AdminDisputePage";
import { AdminDisputesPage } from "../pages/admin/AdminDisputesPage";
import { AdminInvitesPage } from "../pages/admin/AdminInvitesPage";
import { AdminJobsPage } from "../pages/admin/AdminJobsPage";
import { AdminLayout } from "../pages/admin/AdminLayout";
import { AdminPayoutsPage } from "../pages/admin/AdminPayoutsPage";
import { AdminReportsPage } from "../pages/admin/AdminReportsPage";
import { AdminSettingsPage } from "../pages/admin/AdminSettingsPage";
import { AdminTransactionsPage } from "../pages/admin/AdminTransactionsPage";
import { AdminUserPage } from "../pages/admin/AdminUserPage";
import { AdminUsersPage } from "../pages/admin/AdminUsersPage";
import { freelancerProfile } from "./fixtures";
import { CurrentLocation, json, mockApi, renderWithProviders } from "./utils";

export const ADMIN_ID = "01a22400-9999-7000-8000-0000000000ad";

type Handlers = Parameters<typeof mockApi>[0];

/** Opens the admin area at `route` as a user holding `roles` (an admin by default). */
export function openAdmin(route: string, handlers: Handlers = {}, roles: ("admin" | "client" | "freelancer")[] = ["admin"]) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: ADMIN_ID, email: "admin@example.com", name: "Ann Admin", role: roles[0] } });
  const api = mockApi({
    "GET /api/users/profile": () => json(freelancerProfile({ id: ADMIN_ID, name: "Ann Admin", role: roles[0], roles, freelancer: null })),
    ...handlers,
  });
  const user = userEvent.setup();
  renderWithProviders(
    <>
      <Routes>
        <Route path="/admin" element={<AdminLayout />}>
          <Route path="dashboard" element={<AdminDashboardPage />} />
          <Route path="users" element={<AdminUsersPage />} />
          <Route path="users/:id" element={<AdminUserPage />} />
          <Route path="jobs" element={<AdminJobsPage />} />
          <Route path="disputes" element={<AdminDisputesPage />} />
          <Route path="payments" element={<AdminTransactionsPage />} />
          <Route path="payments/payouts" element={<AdminPayoutsPage />} />
          <Route path="disputes/:id" element={<AdminDisputePage />} />
          <Route path="settings" element={<AdminSettingsPage />} />
          <Route path="audit-log" element={<AdminAuditLogPage />} />
          <Route path="reports" element={<AdminReportsPage />} />
          <Route path="announcements" element={<AdminAnnouncementsPage />} />
          <Route path="invites" element={<AdminInvitesPage />} />
        </Route>
      </Routes>
      <CurrentLocation />
    </>,
    { route },
  );
  return { ...api, user };
}
