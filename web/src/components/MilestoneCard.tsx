import type { Contract, Milestone, MilestoneEvent } from "../api/types";
import type { PartyRole } from "../lib/contracts";
import { MILESTONE_STATUSES, formatAgo, formatDate } from "../lib/labels";
import { formatMoney } from "../lib/money";
import { MilestoneActions } from "./MilestoneActions";
import { MilestoneHistory } from "./MilestoneHistory";
import { StatusBadge } from "./StatusBadge";

interface MilestoneCardProps {
  contract: Contract;
  milestone: Milestone;
  number: number;
  history: MilestoneEvent[];
  role: PartyRole | null;
  nameOf: (userId: string) => string;
}

/** One milestone: its amount and state, what the viewer can do with it, and its history. */
export function MilestoneCard({ contract, milestone, number, history, role, nameOf }: MilestoneCardProps) {
  const headingId = `milestone-${milestone.id}`;
  const otherParty = nameOf(role === "client" ? contract.freelancer_id : contract.client_id);
  return (
    <article className="milestone" aria-labelledby={headingId}>
      <header className="milestone__head">
        <h3 id={headingId}>
          <span className="muted">{number}.</span> {milestone.title}
        </h3>
        <strong className="milestone__amount">{formatMoney(milestone.amount)}</strong>
      </header>
      <ul className="meta">
        <li>
          <StatusBadge status={milestone.status} label={MILESTONE_STATUSES[milestone.status]} />
        </li>
        {milestone.due_date && <li>Due {formatDate(milestone.due_date)}</li>}
        {milestone.status === "submitted" && milestone.submitted_at && <li>Submitted {formatAgo(milestone.submitted_at)}</li>}
      </ul>
      {milestone.status === "submitted" && role === "client" && contract.status === "active" && (
        <p className="muted">Review the work. Without an answer, the payment is released automatically at the end of the review period.</p>
      )}
      <MilestoneActions contract={contract} milestone={milestone} role={role} otherParty={otherParty} />
      <MilestoneHistory title={milestone.title} events={history} nameOf={nameOf} />
    </article>
  );
}
