import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getAdminUser, moderateJob } from "../api/admin";
import type { Job, JobModeration } from "../api/types";
import { JOB_STATUSES, formatDate } from "../lib/labels";
import { describePay } from "../lib/jobs";
import { jobQuery } from "../pages/marketQueries";
import { ReasonForm } from "./ReasonForm";
import { StatusBadge } from "./StatusBadge";

const ACTIONS: Record<JobModeration, { label: string; consequence: string }> = {
  hide: {
    label: "Hide",
    consequence: "Hiding takes the job off the board, search and shares; only its owner and admins can open it, and it takes no proposals or hires until it is restored.",
  },
  close: {
    label: "Close",
    consequence: "Closing ends the job: the proposals still in the running close and their freelancers are told. Only a restore reopens it.",
  },
  restore: {
    label: "Restore",
    consequence: "Restoring shows the job again and, if an admin closed it, gives it back the status it had (an open job gets a fresh posting window).",
  },
};

/** What an admin may still do to a job, by its state. */
function actionsFor(job: Job): JobModeration[] {
  const actions: JobModeration[] = [];
  if (!job.hidden) actions.push("hide");
  if ((job.status === "draft" || job.status === "open") && !job.closed_by_admin) actions.push("close");
  if (job.hidden || job.closed_by_admin) actions.push("restore");
  return actions;
}

/** The owner's name, read from their admin record (the job carries only their id). */
function Owner({ id }: { id: string }) {
  const owner = useQuery({ queryKey: ["admin", "users", id], queryFn: () => getAdminUser(id) });
  return <Link to={`/admin/users/${id}`}>{owner.data?.name ?? `User ${id.slice(-8)}`}</Link>;
}

/** A job in the admins' list, with hide, close and restore, each asking why. */
export function AdminJobCard({ job }: { job: Job }) {
  const queryClient = useQueryClient();
  const [action, setAction] = useState<JobModeration | null>(null);
  const moderate = useMutation({
    mutationFn: ({ chosen, reason }: { chosen: JobModeration; reason: string }) => moderateJob(job.id, chosen, reason),
    onSuccess: (changed) => {
      queryClient.setQueryData(jobQuery(job.id).queryKey, changed);
      void queryClient.invalidateQueries({ queryKey: ["admin", "jobs"] });
      setAction(null);
    },
  });

  function start(next: JobModeration) {
    moderate.reset();
    setAction(next);
  }

  return (
    <article className="card" aria-label={job.title}>
      <p className="page-heading">
        <Link to={`/jobs/${job.id}`}>
          <strong>{job.title}</strong>
        </Link>
        <span>
          <StatusBadge status={job.status} label={JOB_STATUSES[job.status]} /> {job.hidden && <StatusBadge status="hidden" label="Hidden" />}
        </span>
      </p>
      <ul className="meta">
        <li>
          Posted by <Owner id={job.client_id} />
        </li>
        <li>{describePay(job)}</li>
        <li>Created {formatDate(job.created_at)}</li>
        {job.closed_by_admin && <li>Closed by an admin</li>}
        <li>
          <Link to={`/admin/audit-log?subject_id=${job.id}`}>Audit log</Link>
        </li>
      </ul>
      {action === null ? (
        <div className="form-actions">
          {actionsFor(job).map((next) => (
            <button key={next} type="button" className="button button--secondary button--small" onClick={() => start(next)}>
              {ACTIONS[next].label}
            </button>
          ))}
        </div>
      ) : (
        <ReasonForm
          label={`${ACTIONS[action].label} ${job.title}`}
          submitLabel={`${ACTIONS[action].label} job`}
          pending={moderate.isPending}
          error={moderate.error}
          onSubmit={(reason) => moderate.mutate({ chosen: action, reason })}
          onCancel={() => setAction(null)}
        >
          <p>{ACTIONS[action].consequence} The owner is told, with the reason.</p>
        </ReasonForm>
      )}
    </article>
  );
}
