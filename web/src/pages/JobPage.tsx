import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { bid } from "../api/proposals";
import type { Job, Proposal, ProposalWithJob } from "../api/types";
import { useRoles } from "../auth/roles";
import { useSession } from "../auth/session";
import { ClientCard } from "../components/ClientCard";
import { JobDetails } from "../components/JobDetails";
import { JobOwnerActions } from "../components/JobOwnerActions";
import { ProposalForm } from "../components/ProposalForm";
import { ReportButton } from "../components/ReportDialog";
import { ShareJob } from "../components/ShareJob";
import { ErrorPanel, Loading } from "../components/Status";
import { StatusBadge } from "../components/StatusBadge";
import { describeBid } from "../lib/jobs";
import { JOB_STATUSES, PROPOSAL_STATUSES, formatAgo } from "../lib/labels";
import { categoriesQuery, categoryNames, jobQuery, myProposalOnJobQuery } from "./marketQueries";

const SAVED = {
  posted: "Your job is posted. Freelancers can now find it and send proposals.",
  draft: "Your job is saved as a draft. Publish it when you are ready.",
  edited: "Your changes are saved.",
} as const;

export function JobPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const saved = (location.state as { saved?: keyof typeof SAVED } | null)?.saved;
  const session = useSession();
  const job = useQuery(jobQuery(id));
  const categories = useQuery(categoriesQuery());

  if (job.isPending) return <Loading label="Loading the job…" />;
  if (job.isError) {
    if (job.error instanceof ApiError && (job.error.status === 404 || job.error.status === 400)) {
      return (
        <div className="card empty-state">
          <h1>Job not found</h1>
          <p className="muted">It may have been removed, or it is only open to invited freelancers.</p>
          <Link to="/jobs">Browse jobs</Link>
        </div>
      );
    }
    return <ErrorPanel error={job.error} retry={() => job.refetch()} />;
  }

  const owner = session?.user.id === job.data.client_id;
  // Invite-only jobs are the owner's to pass on; nobody else may see them unasked. A hidden job is not passed on at all.
  const shareable = session !== null && job.data.status === "open" && !job.data.hidden && (owner || job.data.visibility === "public");
  return (
    <div className="stack">
      {saved && SAVED[saved] && (
        <p className="notice" role="status">
          {SAVED[saved]}
        </p>
      )}
      {owner && <ModerationNotice job={job.data} />}
      <div className="job-layout">
        <JobDetails job={job.data} categoryName={categoryNames(categories.data).get(job.data.category)} />
        <div className="stack">
          {owner ? <JobOwnerActions job={job.data} /> : <ClientCard clientId={job.data.client_id} />}
          {shareable && <ShareJob job={job.data} />}
          {session && !owner && (
            <div>
              <ReportButton kind="job" subjectId={job.data.id} what="this job" label="Report this job" />
            </div>
          )}
        </div>
      </div>
      {!owner && <ProposalSection job={job.data} />}
    </div>
  );
}

/** Tells the owner the moderators hold the job back, and what that stops. */
function ModerationNotice({ job }: { job: Job }) {
  if (job.hidden) {
    return (
      <p className="notice notice--warning" role="status">
        <strong>Hidden by the moderators.</strong> Freelancers cannot find or open this job, and it takes no proposals, invitations or hires until the moderators
        restore it. The notification you received says why.
      </p>
    );
  }
  if (job.closed_by_admin) {
    return (
      <p className="notice notice--muted" role="status">
        Closed by the moderators. Only they can reopen it; the notification you received says why.
      </p>
    );
  }
  return null;
}

/** Who may propose, and the form for those who can. */
function ProposalSection({ job }: { job: Job }) {
  const session = useSession();
  const roles = useRoles();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<Proposal | null>(null);
  // Whether they already proposed; should this fail, sending answers 409 instead.
  const mine = useQuery({ ...myProposalOnJobQuery(job.id), enabled: roles.freelancer && !sent });

  if (sent) {
    return (
      <section className="card" aria-labelledby="proposal-heading">
        <h2 id="proposal-heading">Proposal sent</h2>
        <p className="notice" role="status">
          Your proposal is sent. The client will be notified.
        </p>
        <Link to="/my/proposals">See my proposals</Link>
      </section>
    );
  }
  if (!session) {
    return (
      <p className="notice notice--muted">
        <Link to="/login" state={{ from: location.pathname }}>
          Log in
        </Link>{" "}
        or <Link to="/signup">sign up</Link> as a freelancer to send a proposal.
      </p>
    );
  }
  if (!roles.freelancer) {
    return (
      <p className="notice notice--muted">
        To send proposals, <Link to="/profile/edit">add a freelancer profile</Link>.
      </p>
    );
  }
  if (mine.isPending) return <Loading label="Checking your proposals…" />;
  if (mine.data) return <AlreadyProposed proposal={mine.data} job={job} />;
  if (job.status !== "open") {
    return <p className="notice notice--muted">This job is {JOB_STATUSES[job.status].toLowerCase()} and is not taking proposals.</p>;
  }
  return (
    <section className="card" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">Submit a proposal</h2>
      <ProposalForm
        job={job}
        submit={(input) => bid(job.id, input)}
        onSubmitted={(proposal) => {
          setSent(proposal);
          queryClient.invalidateQueries({ queryKey: ["proposals"] });
        }}
      />
    </section>
  );
}

/** The freelancer's proposal on the job, in place of the form. */
function AlreadyProposed({ job, proposal }: { job: Job; proposal: ProposalWithJob }) {
  const active = proposal.status === "submitted" || proposal.status === "shortlisted";
  return (
    <section className="card" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">You have already proposed</h2>
      <ul className="meta">
        <li>
          <StatusBadge status={proposal.status} label={PROPOSAL_STATUSES[proposal.status]} />
        </li>
        <li>Your bid: {describeBid(proposal.amount, job)}</li>
        <li>Sent {formatAgo(proposal.created_at)}</li>
      </ul>
      <div className="form-actions">
        {proposal.contract_id ? (
          <Link to={`/contracts/${proposal.contract_id}`} className="button button--primary">
            View contract
          </Link>
        ) : active ? (
          <Link to={`/proposals/${proposal.id}/edit`} className="button button--primary">
            View your proposal
          </Link>
        ) : null}
        <Link to="/my/proposals" className="button button--ghost">
          See my proposals
        </Link>
      </div>
    </section>
  );
}
