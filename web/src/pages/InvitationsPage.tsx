import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { acceptInvitation, declineInvitation, listInvitations } from "../api/proposals";
import type { InvitationStatus, InvitationWithJob } from "../api/types";
import { FormErrors } from "../components/FormErrors";
import { LoadMore } from "../components/LoadMore";
import { ProposalForm } from "../components/ProposalForm";
import { ErrorPanel, Loading } from "../components/Status";
import { StatusBadge } from "../components/StatusBadge";
import { describePay } from "../lib/jobs";
import { INVITATION_STATUSES, formatAgo } from "../lib/labels";
import { usePaged } from "../lib/usePaged";
import { jobQuery } from "./marketQueries";

/** A freelancer's invitations to propose: accept with a proposal, or decline. */
export function InvitationsPage() {
  const [status, setStatus] = useState<InvitationStatus | "">("pending");
  const invitations = usePaged(["invitations", status], (cursor) => listInvitations({ status: status || undefined, cursor }));

  return (
    <div className="stack">
      <h1>Invitations</h1>
      <label className="inline-select">
        Show{" "}
        <select value={status} onChange={(e) => setStatus(e.target.value as InvitationStatus | "")}>
          <option value="pending">Waiting for an answer</option>
          <option value="accepted">Accepted</option>
          <option value="declined">Declined</option>
          <option value="">All invitations</option>
        </select>
      </label>
      {invitations.isPending ? (
        <Loading label="Loading invitations…" />
      ) : !invitations.data ? (
        <ErrorPanel error={invitations.error} retry={() => invitations.refetch()} />
      ) : invitations.items.length === 0 ? (
        <div className="card empty-state">
          <h2>No invitations {status === "pending" ? "waiting" : "here"}</h2>
          <p className="muted">Clients can invite you to propose on their jobs. A complete profile helps them find you.</p>
        </div>
      ) : (
        <ul className="list" aria-label="Invitations">
          {invitations.items.map((invitation) => (
            <InvitationItem key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={invitations.hasNextPage}
        loading={invitations.isFetchingNextPage}
        error={invitations.isFetchNextPageError ? invitations.error : null}
        onLoad={() => invitations.fetchNextPage()}
      />
    </div>
  );
}

function InvitationItem({ invitation }: { invitation: InvitationWithJob }) {
  const queryClient = useQueryClient();
  const [accepting, setAccepting] = useState(false);
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ["invitations"] });
    queryClient.invalidateQueries({ queryKey: ["proposals"] });
  };
  const decline = useMutation({ mutationFn: () => declineInvitation(invitation.id), onSuccess: refresh });
  const { job } = invitation;
  const pending = invitation.status === "pending";

  return (
    <li className="card invitation" aria-label={job.title}>
      <h2 className="list-item__title">
        <Link to={`/jobs/${job.id}`}>{job.title}</Link>
      </h2>
      <ul className="meta">
        <li>
          <StatusBadge status={invitation.status} label={INVITATION_STATUSES[invitation.status]} />
        </li>
        <li>{describePay(job)}</li>
        <li>Invited {formatAgo(invitation.created_at)}</li>
      </ul>
      {invitation.message && <blockquote className="prose">{invitation.message}</blockquote>}
      <FormErrors error={decline.error} />
      {pending && !accepting && (
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={() => setAccepting(true)}>
            Accept and propose
          </button>
          <button type="button" className="button button--ghost" disabled={decline.isPending} onClick={() => decline.mutate()}>
            {decline.isPending ? "Declining…" : "Decline"}
          </button>
        </div>
      )}
      {pending && accepting && <AcceptForm invitation={invitation} onCancel={() => setAccepting(false)} onDone={refresh} />}
    </li>
  );
}

function AcceptForm({ invitation, onCancel, onDone }: { invitation: InvitationWithJob; onCancel: () => void; onDone: () => void }) {
  // The proposal answers the job's screening questions, which only the full job carries.
  const job = useQuery(jobQuery(invitation.job_id));
  if (job.isPending) return <Loading label="Loading the job…" />;
  if (job.isError) return <ErrorPanel error={job.error} retry={() => job.refetch()} />;
  return (
    <div className="subsection">
      <h3>Your proposal</h3>
      <ProposalForm
        job={job.data}
        submitLabel="Accept and send proposal"
        submit={(input) => acceptInvitation(invitation.id, input)}
        onSubmitted={onDone}
        onCancel={onCancel}
      />
    </div>
  );
}
