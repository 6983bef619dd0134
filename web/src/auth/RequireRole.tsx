import type { ReactNode } from "react";
import { Link } from "react-router";
import { useRoles } from "./roles";

const WHAT = {
  client: { profile: "client profile", to: "hire freelancers and post jobs" },
  freelancer: { profile: "freelancer profile", to: "find work and send proposals" },
} as const;

/** Renders its children for a user with `role`; tells anyone else how to get it. */
export function RequireRole({ role, children }: { role: "client" | "freelancer"; children: ReactNode }) {
  const roles = useRoles();
  if (roles[role]) return <>{children}</>;
  return (
    <div className="card empty-state">
      <h1>You need a {WHAT[role].profile}</h1>
      <p className="muted">
        Add a {WHAT[role].profile} to {WHAT[role].to}.
      </p>
      <Link to="/profile/edit" className="button button--primary">
        Edit profile
      </Link>
    </div>
  );
}
