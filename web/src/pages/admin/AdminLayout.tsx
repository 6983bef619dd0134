import { NavLink, Outlet } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { useRoles } from "../../auth/roles";
import { Loading } from "../../components/Status";
import { NotFoundPage } from "../NotFoundPage";
import { ownProfileQuery } from "../profileQueries";

/** The admin area: its own navigation, and nothing at all for anyone else (as the API answers 404). */
export function AdminLayout() {
  const roles = useRoles();
  // The roles are read from the profile; until it is in, the admin area is neither shown nor denied.
  const profile = useQuery(ownProfileQuery());
  if (profile.isPending) return <Loading />;
  if (!roles.admin) return <NotFoundPage />;
  return (
    <div className="stack">
      <nav aria-label="Admin" className="admin-nav">
        <ul className="nav">
          <li>
            <NavLink to="/admin/dashboard">Dashboard</NavLink>
          </li>
          <li>
            <NavLink to="/admin/users">Users</NavLink>
          </li>
          <li>
            <NavLink to="/admin/jobs">Jobs</NavLink>
          </li>
          <li>
            <NavLink to="/admin/disputes">Disputes</NavLink>
          </li>
          <li>
            <NavLink to="/admin/payments">Payments</NavLink>
          </li>
          <li>
            <NavLink to="/admin/reports">Reports</NavLink>
          </li>
          <li>
            <NavLink to="/admin/announcements">Announcements</NavLink>
          </li>
          <li>
            <NavLink to="/admin/invites">Invites</NavLink>
          </li>
          <li>
            <NavLink to="/admin/settings">Settings</NavLink>
          </li>
          <li>
            <NavLink to="/admin/audit-log">Audit log</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
