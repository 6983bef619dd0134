import { useState } from "react";
import { Link } from "react-router";
import { listMyJobs } from "../api/jobs";
import type { JobStatus } from "../api/types";
import { StatusFilter } from "../components/Field";
import { LoadMore } from "../components/LoadMore";
import { ErrorPanel, Loading } from "../components/Status";
import { StatusBadge } from "../components/StatusBadge";
import { describePay } from "../lib/jobs";
import { JOB_STATUSES, PAYMENT_TYPES, formatAgo } from "../lib/labels";
import { usePaged } from "../lib/usePaged";

export function MyJobsPage() {
  const [status, setStatus] = useState<JobStatus | "">("");
  const jobs = usePaged(["jobs", "mine", status], (cursor) => listMyJobs({ status: status || undefined, cursor }));

  return (
    <div className="stack">
      <div className="page-heading">
        <h1>My jobs</h1>
        <Link to="/jobs/new" className="button button--primary">
          Post a job
        </Link>
      </div>
      <StatusFilter value={status} labels={JOB_STATUSES} all="All jobs" onChange={setStatus} />
      {jobs.isPending ? (
        <Loading label="Loading your jobs…" />
      ) : !jobs.data ? (
        <ErrorPanel error={jobs.error} retry={() => jobs.refetch()} />
      ) : jobs.items.length === 0 ? (
        <div className="card empty-state">
          <h2>No jobs {status ? `that are ${JOB_STATUSES[status].toLowerCase()}` : "yet"}</h2>
          <p className="muted">Post a job and freelancers can start sending proposals.</p>
        </div>
      ) : (
        <ul className="list" aria-label="My jobs">
          {jobs.items.map((job) => (
            <li key={job.id} className="card list-item">
              <div className="list-item__main">
                <h2 className="list-item__title">
                  <Link to={`/jobs/${job.id}`}>{job.title}</Link>
                </h2>
                <ul className="meta">
                  <li>
                    <StatusBadge status={job.status} label={JOB_STATUSES[job.status]} />
                  </li>
                  <li>
                    {PAYMENT_TYPES[job.payment_type]}: {describePay(job)}
                  </li>
                  {job.posted_at && <li>Posted {formatAgo(job.posted_at)}</li>}
                  <li>
                    Hired {job.hires_count} of {job.hires_wanted}
                  </li>
                </ul>
              </div>
              <div className="list-item__side">
                <Link to={`/jobs/${job.id}/proposals`} className="count-link">
                  <strong>{job.proposals}</strong> proposal{job.proposals === 1 ? "" : "s"}
                  <span className="muted"> ({job.active_proposals} active)</span>
                </Link>
                {(job.status === "draft" || job.status === "open") && (
                  <Link to={`/jobs/${job.id}/edit`} className="button button--ghost button--small">
                    Edit
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={jobs.hasNextPage} loading={jobs.isFetchingNextPage} error={jobs.isFetchNextPageError ? jobs.error : null} onLoad={() => jobs.fetchNextPage()} />
    </div>
  );
}
