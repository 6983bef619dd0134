import { useState } from "react";
import { Link, useLocation } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { listMyProposals, withdrawProposal } from "../api/proposals";
import type { ProposalStatus, ProposalWithJob } from "../api/types";
import { StatusFilter } from "../components/Field";
import { FormErrors } from "../components/FormErrors";
import { LoadMore } from "../components/LoadMore";
import { ErrorPanel, Loading } from "../components/Status";
import { StatusBadge } from "../components/StatusBadge";
import { describeBid, describePay } from "../lib/jobs";
import { PROPOSAL_STATUSES, formatAgo } from "../lib/labels";
import { usePaged } from "../lib/usePaged";

export function MyProposalsPage() {
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved;
  const [status, setStatus] = useState<ProposalStatus | "">("");
  const proposals = usePaged(["proposals", "mine", status], (cursor) => listMyProposals({ status: status || undefined, cursor }));

  return (
    <div className="stack">
      <h1>My proposals</h1>
      {saved && (
        <p className="notice" role="status">
          Your proposal is updated.
        </p>
      )}
      <StatusFilter value={status} labels={PROPOSAL_STATUSES} all="All proposals" onChange={setStatus} />
      {proposals.isPending ? (
        <Loading label="Loading your proposals…" />
      ) : !proposals.data ? (
        <ErrorPanel error={proposals.error} retry={() => proposals.refetch()} />
      ) : proposals.items.length === 0 ? (
        <div className="card empty-state">
          <h2>No proposals {status ? `that are ${PROPOSAL_STATUSES[status].toLowerCase()}` : "yet"}</h2>
          <p className="muted">
            <Link to="/jobs">Find work</Link> and send your first proposal.
          </p>
        </div>
      ) : (
        <ul className="list" aria-label="My proposals">
          {proposals.items.map((proposal) => (
            <MyProposal key={proposal.id} proposal={proposal} />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={proposals.hasNextPage}
        loading={proposals.isFetchingNextPage}
        error={proposals.isFetchNextPageError ? proposals.error : null}
        onLoad={() => proposals.fetchNextPage()}
      />
    </div>
  );
}

function MyProposal({ proposal }: { proposal: ProposalWithJob }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => withdrawProposal(proposal.id),
    onSuccess: () => {
      setConfirming(false);
      queryClient.invalidateQueries({ queryKey: ["proposals"] });
    },
  });
  const active = proposal.status === "submitted" || proposal.status === "shortlisted";
  const { job } = proposal;

  return (
    <li className="card list-item" aria-label={job.title}>
      <div className="list-item__main">
        <h2 className="list-item__title">
          <Link to={`/jobs/${job.id}`}>{job.title}</Link>
        </h2>
        <ul className="meta">
          <li>
            <StatusBadge status={proposal.status} label={PROPOSAL_STATUSES[proposal.status]} />
          </li>
          <li>Your bid: {describeBid(proposal.amount, job)}</li>
          <li>Budget: {describePay(job)}</li>
          <li>Sent {formatAgo(proposal.created_at)}</li>
          {proposal.contract_id && (
            <li>
              <Link to={`/contracts/${proposal.contract_id}`}>View contract</Link>
            </li>
          )}
        </ul>
        <FormErrors error={withdraw.error} />
      </div>
      {active && (
        <div className="list-item__side">
          {confirming ? (
            <>
              <span>Withdraw this proposal?</span>
              <button type="button" className="button button--primary button--small" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
                {withdraw.isPending ? "Withdrawing…" : "Yes, withdraw"}
              </button>
              <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <>
              <Link to={`/proposals/${proposal.id}/edit`} className="button button--secondary button--small">
                Edit
              </Link>
              <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(true)}>
                Withdraw
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
