import { useEffect } from "react";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { logout } from "../api/endpoints";
import { unreadMessagesQuery } from "../pages/chatQueries";
import { unreadNotificationsQuery } from "../pages/marketQueries";
import { useRoles } from "../auth/roles";
import { useSession } from "../auth/session";

export function Header() {
  const session = useSession();
  const roles = useRoles();
  const navigate = useNavigate();
  const notifications = useQuery({ ...unreadNotificationsQuery(), enabled: session !== null, refetchInterval: 60_000 });
  const chats = useQuery({ ...unreadMessagesQuery(), enabled: session !== null, refetchInterval: 60_000 });
  // Both counts change live over the socket; polling covers the times it is down.
  const unread = session ? (notifications.data?.unread_count ?? 0) : 0;
  const unreadMessages = session ? (chats.data?.unread_total ?? 0) : 0;
  // Moving to another page is a good moment to look again, at most every 10 s.
  const { pathname } = useLocation();
  useEffect(() => {
    if (!session) return;
    for (const query of [notifications, chats]) {
      if (query.dataUpdatedAt > 0 && Date.now() - query.dataUpdatedAt > 10_000) void query.refetch();
    }
    // Only on navigation, not when the data itself changes.
  }, [pathname]);

  async function onLogout() {
    await logout();
    navigate("/", { replace: true });
  }

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand" aria-label="Downwork home">
          <span className="brand__mark" aria-hidden="true">
            D
          </span>
          Downwork
        </Link>
        <nav aria-label="Main">
          <ul className="nav">
            {(!session || roles.freelancer) && (
              <li>
                <NavLink to="/jobs" end>
                  Find work
                </NavLink>
              </li>
            )}
            {roles.freelancer && (
              <>
                <li>
                  <NavLink to="/my/proposals">My proposals</NavLink>
                </li>
                <li>
                  <NavLink to="/my/invitations">Invitations</NavLink>
                </li>
              </>
            )}
            {roles.client && (
              <>
                <li>
                  <NavLink to="/jobs/new">Post a job</NavLink>
                </li>
                <li>
                  <NavLink to="/my/jobs">My jobs</NavLink>
                </li>
                <li>
                  <NavLink to="/freelancers">Find talent</NavLink>
                </li>
              </>
            )}
            {session ? (
              <>
                <li>
                  <NavLink to="/dashboard">Dashboard</NavLink>
                </li>
                <li>
                  <NavLink to="/contracts">Contracts</NavLink>
                </li>
                <li>
                  <NavLink to="/messages" className="nav__counted" aria-label={unreadMessages > 0 ? `Messages, ${unreadMessages} unread` : undefined}>
                    Messages
                    {unreadMessages > 0 && (
                      <span className="nav__badge" aria-hidden="true">
                        {unreadMessages}
                      </span>
                    )}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/balance">Balance</NavLink>
                </li>
                <li>
                  <NavLink to="/invoices">Invoices</NavLink>
                </li>
                <li>
                  <NavLink to="/friends" className="nav__bell" aria-label="Friends" title="Friends">
                    <PeopleIcon />
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/notifications" className="nav__bell" aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}>
                    <BellIcon />
                    {unread > 0 && (
                      <span className="nav__badge" aria-hidden="true">
                        {unread}
                      </span>
                    )}
                  </NavLink>
                </li>
                {roles.admin && (
                  <li>
                    <NavLink to="/admin">Admin</NavLink>
                  </li>
                )}
                <li>
                  <NavLink to="/profile" end>
                    My profile
                  </NavLink>
                </li>
                <li className="nav__user" aria-label="Logged in as">
                  {session.user.name}
                </li>
                <li>
                  <button type="button" className="button button--ghost" onClick={onLogout}>
                    Log out
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login">Log in</NavLink>
                </li>
                <li>
                  <Link to="/signup" className="button button--primary">
                    Sign up
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

function BellIcon() {
  return (
    <svg className="nav__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

function PeopleIcon() {
  return (
    <svg className="nav__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <circle fill="currentColor" cx="9" cy="8" r="3.5" />
      <circle fill="currentColor" cx="16.5" cy="9" r="2.8" />
      <path fill="currentColor" d="M2 20c0-3.6 3.1-6 7-6s7 2.4 7 6v1H2Z" />
      <path fill="currentColor" d="M17.3 14.2c2.8.3 4.7 2.1 4.7 4.8v2h-4.5v-1c0-2.2-.8-4.2-2.2-5.6.6-.2 1.3-.2 2-.2Z" />
    </svg>
  );
}
