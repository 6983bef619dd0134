import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { listJobProposals } from "../api/proposals";
import type { ProposalStatus } from "../api/types";
import { useSession } from "../auth/session";
import { StatusFilter } from "../components/Field";
import { LoadMore } from "../components/LoadMore";
import { ProposalReview } from "../components/ProposalReview";
import { ErrorPanel, Loading } from "../components/Status";
import { StatusBadge } from "../components/StatusBadge";
import { SuggestedFreelancers } from "../components/SuggestedFreelancers";
import { describePay } from "../lib/jobs";
import { JOB_STATUSES, PROPOSAL_STATUSES } from "../lib/labels";
import { usePaged } from "../lib/usePaged";
import { jobQuery } from "./marketQueries";

/** The proposals on one of the client's jobs. */
export function JobProposalsPage() {
  const { id = "" } = useParams();
  const session = useSession();
  const [status, setStatus] = useState<ProposalStatus | "">("");
  const job = useQuery(jobQuery(id));
  const proposals = usePaged(["proposals", "job", id, status], (cursor) => listJobProposals(id, { status: status || undefined, cursor }));

  if (job.isPending) return <Loading label="Loading the job…" />;
  if (job.isError) return <ErrorPanel error={job.error} retry={() => job.refetch()} />;
  if (job.data.client_id !== session?.user.id) {
    return (
      <div className="card empty-state">
        <h1>Not your job</h1>
        <p className="muted">Only the client who posted a job sees its proposals.</p>
        <Link to={`/jobs/${id}`}>Back to the job</Link>
      </div>
    );
  }

  return (
    <div className="stack">
      <div>
        <p className="breadcrumb">
          <Link to="/my/jobs">My jobs</Link> ›
        </p>
        <h1>Proposals for “{job.data.title}”</h1>
        <ul className="meta">
          <li>
            <StatusBadge status={job.data.status} label={JOB_STATUSES[job.data.status]} />
          </li>
          <li>{describePay(job.data)}</li>
          <li>
            Hired {job.data.hires_count} of {job.data.hires_wanted}
          </li>
          <li>
            <Link to={`/jobs/${id}`}>View job</Link>
          </li>
        </ul>
      </div>
      <StatusFilter value={status} labels={PROPOSAL_STATUSES} all="All proposals" onChange={setStatus} />
      {proposals.isPending ? (
        <Loading label="Loading proposals…" />
      ) : !proposals.data ? (
        <ErrorPanel error={proposals.error} retry={() => proposals.refetch()} />
      ) : proposals.items.length === 0 ? (
        <div className="card empty-state">
          <h2>No proposals {status ? `that are ${PROPOSAL_STATUSES[status].toLowerCase()}` : "yet"}</h2>
          <p className="muted">Freelancers' proposals will show up here.</p>
        </div>
      ) : (
        <div className="stack">
          {proposals.items.map((proposal) => (
            <ProposalReview key={proposal.id} job={job.data} proposal={proposal} />
          ))}
        </div>
      )}
      <LoadMore
        hasMore={proposals.hasNextPage}
        loading={proposals.isFetchingNextPage}
        error={proposals.isFetchNextPageError ? proposals.error : null}
        onLoad={() => proposals.fetchNextPage()}
      />
      {job.data.status === "open" && !job.data.hidden && <SuggestedFreelancers job={job.data} />}
    </div>
  );
}
