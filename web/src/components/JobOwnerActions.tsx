import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { changeJobStatus, type JobAction } from "../api/jobs";
import type { Job } from "../api/types";
import { JOB_STATUSES } from "../lib/labels";
import { jobQuery } from "../pages/marketQueries";
import { FormErrors } from "./FormErrors";
import { StatusBadge } from "./StatusBadge";

const ACTIONS: Record<JobAction, string> = { publish: "Publish", close: "Close job", reopen: "Reopen job" };

/** What the client can do with their own job. */
export function JobOwnerActions({ job }: { job: Job }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (action: JobAction) => changeJobStatus(job.id, action),
    onSuccess: (updated) => {
      queryClient.setQueryData(jobQuery(job.id).queryKey, updated);
      queryClient.invalidateQueries({ queryKey: ["jobs", "mine"] });
    },
  });

  // Publishing and reopening put the job before freelancers, which the moderators hold back while it is hidden or closed by them.
  const held = job.hidden || job.closed_by_admin;
  const available: JobAction[] = [];
  if (job.status === "draft" && !held) available.push("publish");
  if (job.status === "draft" || job.status === "open") available.push("close");
  if ((job.status === "closed" || job.status === "expired") && !held) available.push("reopen");
  const editable = job.status === "draft" || job.status === "open";

  return (
    <aside className="card owner-panel" aria-labelledby="manage-job">
      <h2 id="manage-job">Manage this job</h2>
      <p>
        Status: <StatusBadge status={job.status} label={JOB_STATUSES[job.status]} />
      </p>
      <FormErrors error={change.error} />
      <div className="button-column">
        <Link to={`/jobs/${job.id}/proposals`} className="button button--primary">
          View proposals
        </Link>
        {editable && (
          <Link to={`/jobs/${job.id}/edit`} className="button button--secondary">
            Edit job
          </Link>
        )}
        {available.map((action) => (
          <button
            key={action}
            type="button"
            className={`button ${action === "close" ? "button--ghost" : "button--secondary"}`}
            disabled={change.isPending}
            onClick={() => change.mutate(action)}
          >
            {ACTIONS[action]}
          </button>
        ))}
      </div>
    </aside>
  );
}
