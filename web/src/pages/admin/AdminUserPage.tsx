import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { banUser, getAdminUser, liftUser, suspendUser } from "../../api/admin";
import type { AdminUser } from "../../api/types";
import { TextField } from "../../components/Field";
import { ReasonForm } from "../../components/ReasonForm";
import { ErrorPanel, Loading } from "../../components/Status";
import { StatusBadge } from "../../components/StatusBadge";
import { ROLES, STANDINGS, formatDate, formatDateTime } from "../../lib/labels";

type Action = "suspend" | "ban" | "lift";

/** The first day a suspension may end on: tomorrow, by the UTC calendar. */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/** One user's standing, and suspend (until a date), ban or lift, each with a reason. */
export function AdminUserPage() {
  const { id = "" } = useParams();
  const user = useQuery({ queryKey: ["admin", "users", id], queryFn: () => getAdminUser(id) });
  if (user.isPending) return <Loading label="Loading the user…" />;
  if (user.isError) return <ErrorPanel error={user.error} retry={() => user.refetch()} />;
  return <UserStanding key={user.data.id} user={user.data} />;
}

function UserStanding({ user }: { user: AdminUser }) {
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [until, setUntil] = useState("");
  const [untilError, setUntilError] = useState<string | undefined>();
  const act = useMutation({
    mutationFn: (reason: string) =>
      action === "suspend" ? suspendUser(user.id, `${until}T00:00:00Z`, reason) : action === "ban" ? banUser(user.id, reason) : liftUser(user.id, reason),
    onSuccess: (changed) => {
      queryClient.setQueryData(["admin", "users", user.id], changed);
      void queryClient.invalidateQueries({ queryKey: ["admin"] });
      setAction(null);
    },
  });

  function start(next: Action) {
    act.reset();
    setUntil("");
    setUntilError(undefined);
    setAction(next);
  }

  return (
    <article className="card stack" aria-labelledby="admin-user-title">
      <p className="breadcrumb">
        <Link to="/admin/users">Users</Link> ›
      </p>
      <h1 id="admin-user-title">{user.name}</h1>
      <dl className="facts">
        <div>
          <dt>E-mail</dt>
          <dd>
            {user.email}
            {user.email_verified_at ? " (verified)" : " (not verified)"}
          </dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{user.roles.map((role) => ROLES[role]).join(", ")}</dd>
        </div>
        <div>
          <dt>Joined</dt>
          <dd>{formatDate(user.created_at)}</dd>
        </div>
        <div>
          <dt>Standing</dt>
          <dd>
            <StatusBadge status={user.standing} label={STANDINGS[user.standing] ?? user.standing} />
            {user.standing === "suspended" && user.suspended_until && <> until {formatDateTime(user.suspended_until)}</>}
            {user.standing === "banned" && user.banned_at && <> since {formatDateTime(user.banned_at)}</>}
          </dd>
        </div>
        {user.moderation_reason && user.standing !== "active" && (
          <div>
            <dt>Reason</dt>
            <dd>{user.moderation_reason}</dd>
          </div>
        )}
        <div>
          <dt>Public profile</dt>
          <dd>
            <Link to={`/users/${user.id}`}>View profile</Link> · <Link to={`/admin/audit-log?subject_id=${user.id}`}>Audit log</Link>
          </dd>
        </div>
      </dl>
      {action === null ? (
        <div className="form-actions">
          {user.standing !== "banned" && (
            <button type="button" className="button button--secondary" onClick={() => start("suspend")}>
              Suspend
            </button>
          )}
          {user.standing !== "banned" && (
            <button type="button" className="button button--secondary" onClick={() => start("ban")}>
              Ban
            </button>
          )}
          {user.standing !== "active" && (
            <button type="button" className="button button--secondary" onClick={() => start("lift")}>
              Lift {user.standing === "banned" ? "ban" : "suspension"}
            </button>
          )}
        </div>
      ) : (
        <ReasonForm
          label={`${action === "suspend" ? "Suspend" : action === "ban" ? "Ban" : "Restore"} ${user.name}`}
          submitLabel={action === "suspend" ? "Suspend" : action === "ban" ? "Ban" : "Lift"}
          pending={act.isPending}
          error={act.error}
          onSubmit={(reason) => act.mutate(reason)}
          onCancel={() => setAction(null)}
          check={() => {
            if (action !== "suspend") return undefined;
            const problem = !until ? "Pick the day the suspension ends." : until < tomorrow() ? "Pick a day after today." : undefined;
            setUntilError(problem);
            return problem;
          }}
        >
          {action === "ban" && <p>A ban ends every session of {user.name} at once and keeps them out until it is lifted.</p>}
          {action === "suspend" && (
            <TextField
              label="Suspended until (UTC)"
              type="date"
              min={tomorrow()}
              value={until}
              error={untilError}
              onChange={(e) => {
                setUntil(e.target.value);
                setUntilError(undefined);
              }}
            />
          )}
        </ReasonForm>
      )}
    </article>
  );
}
