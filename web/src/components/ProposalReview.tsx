import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { declineProposal, hire, shortlistProposal } from "../api/proposals";
import type { Job, ReceivedProposal } from "../api/types";
import { DEFAULT_WEEKLY_LIMIT_HOURS, parseWeeklyLimit } from "../lib/hire";
import { describeBid } from "../lib/jobs";
import { PROPOSAL_STATUSES, formatAgo } from "../lib/labels";
import { Avatar } from "./Avatar";
import { TextAreaField, TextField } from "./Field";
import { FormErrors } from "./FormErrors";
import { MessageButton } from "./MessageButton";
import { ProposalDetails } from "./ProposalDetails";
import { StatusBadge } from "./StatusBadge";

interface ProposalReviewProps {
  job: Job;
  proposal: ReceivedProposal;
}

type Step = "idle" | "declining" | "hiring";

/** One proposal as the job's owner reviews it: shortlist, decline or hire. */
export function ProposalReview({ job, proposal }: ProposalReviewProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { freelancer, contract_id: contractId } = proposal;
  const name = freelancer.name;
  const [step, setStep] = useState<Step>("idle");
  const [reason, setReason] = useState("");
  const [weeklyLimit, setWeeklyLimit] = useState(String(job.hours_per_week ?? DEFAULT_WEEKLY_LIMIT_HOURS));
  const [limitError, setLimitError] = useState<string | undefined>();

  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ["proposals", "job", job.id] });
    queryClient.invalidateQueries({ queryKey: ["jobs"] });
  };
  const shortlist = useMutation({ mutationFn: (on: boolean) => shortlistProposal(proposal.id, on), onSuccess: refresh });
  const decline = useMutation({
    mutationFn: () => declineProposal(proposal.id, reason),
    onSuccess: () => {
      setStep("idle");
      refresh();
    },
  });
  const hiring = useMutation({
    mutationFn: (limit: number | null) => hire(job.id, proposal.id, limit),
    onSuccess: (contract) => {
      refresh();
      queryClient.invalidateQueries({ queryKey: ["contracts"] });
      navigate(`/contracts/${contract.id}`, { state: { hired: name } });
    },
  });

  function onHire(event: FormEvent) {
    event.preventDefault();
    if (job.payment_type !== "hourly") return hiring.mutate(null);
    const parsed = parseWeeklyLimit(weeklyLimit);
    if (!parsed.ok) return setLimitError(parsed.error);
    hiring.mutate(parsed.hours);
  }

  const active = proposal.status === "submitted" || proposal.status === "shortlisted";
  // A job the moderators hid takes no hires until they restore it.
  const canHire = active && job.status === "open" && !job.hidden;
  const headingId = `proposal-${proposal.id}`;
  const error = shortlist.error ?? decline.error ?? hiring.error;

  return (
    <article className="card proposal-card" aria-labelledby={headingId}>
      <header className="proposal-card__head">
        <div className="proposal-card__who">
          <Avatar name={freelancer.name} url={freelancer.avatar_url} size="small" />
          <div>
            <h2 id={headingId} className="list-item__title">
              <Link to={`/users/${freelancer.id}`}>{freelancer.name}</Link>
            </h2>
            {freelancer.location && <p className="muted">{freelancer.location}</p>}
          </div>
        </div>
        <div className="proposal-card__terms">
          <strong className="rate">{describeBid(proposal.amount, job)}</strong>
          {proposal.duration_days && <span className="muted">in {proposal.duration_days} days</span>}
        </div>
      </header>
      <ul className="meta">
        <li>
          <StatusBadge status={proposal.status} label={PROPOSAL_STATUSES[proposal.status]} />
        </li>
        <li>Sent {formatAgo(proposal.created_at)}</li>
        <li>
          <MessageButton userId={freelancer.id} name={name} />
        </li>
        {contractId && (
          <li>
            <Link to={`/contracts/${contractId}`}>View contract</Link>
          </li>
        )}
      </ul>
      <ProposalDetails proposal={proposal} questions={job.screening_questions} />
      <FormErrors error={error} />

      {active && step === "idle" && (
        <div className="form-actions">
          {canHire && (
            <button type="button" className="button button--primary" onClick={() => setStep("hiring")}>
              Hire
            </button>
          )}
          <button type="button" className="button button--secondary" disabled={shortlist.isPending} onClick={() => shortlist.mutate(proposal.status !== "shortlisted")}>
            {proposal.status === "shortlisted" ? "Remove from shortlist" : "Shortlist"}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setStep("declining")}>
            Decline
          </button>
        </div>
      )}

      {active && step === "declining" && (
        <form
          className="form confirm-panel"
          aria-label={`Decline ${name}`}
          onSubmit={(e) => {
            e.preventDefault();
            decline.mutate();
          }}
        >
          <TextAreaField
            label="Reason (optional)"
            rows={3}
            maxLength={1000}
            value={reason}
            hint={`${name} will see this.`}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={decline.isPending}>
              {decline.isPending ? "Declining…" : "Decline proposal"}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setStep("idle")}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {canHire && step === "hiring" && (
        <form className="form confirm-panel" aria-label={`Hire ${name}`} onSubmit={onHire} noValidate>
          <p>
            Hire <strong>{name}</strong> for <strong>{describeBid(proposal.amount, job)}</strong>? This starts a contract
            {proposal.milestones.length > 0 ? ` with ${proposal.milestones.length} milestones` : ""}.
          </p>
          {job.payment_type === "hourly" && (
            <TextField
              label="Weekly limit (hours)"
              inputMode="numeric"
              value={weeklyLimit}
              error={limitError}
              hint="The most hours a week the freelancer may bill."
              onChange={(e) => {
                setWeeklyLimit(e.target.value);
                setLimitError(undefined);
              }}
            />
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={hiring.isPending}>
              {hiring.isPending ? "Hiring…" : "Confirm hire"}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setStep("idle")}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
