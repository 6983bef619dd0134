import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import type { Dispute } from "../api/types";
import { disputeSubject } from "../lib/disputes";
import { DISPUTE_REASONS, DISPUTE_STATUSES, formatDate, formatDateTime } from "../lib/labels";
import { formatMoney } from "../lib/money";
import { contractQuery } from "../pages/marketQueries";
import { StatusBadge } from "./StatusBadge";

/** One dispute in a list: what it is about, the money held, where it stands; a link to it. */
export function DisputeItem({ dispute, href }: { dispute: Dispute; href: string }) {
  // The contract names the milestone; parties and admins may read it.
  const contract = useQuery(contractQuery(dispute.contract_id)).data;
  return (
    <div className="list-item__main">
      <p className="list-item__title">
        <Link to={href}>Dispute over {disputeSubject(dispute, contract)}</Link>
      </p>
      <ul className="meta">
        <li>
          <StatusBadge status={dispute.status} label={DISPUTE_STATUSES[dispute.status]} />
        </li>
        <li>{formatMoney(dispute.amount)} held</li>
        <li>{DISPUTE_REASONS[dispute.reason]}</li>
        {contract && <li>{contract.title}</li>}
        <li>Opened {formatDate(dispute.created_at)}</li>
        {dispute.status === "open" && !dispute.responded_at && <li>Response due {formatDateTime(dispute.respond_by)}</li>}
      </ul>
    </div>
  );
}
