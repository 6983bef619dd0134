import { Link } from "react-router";
import type { LedgerEntry, Movement, Posting } from "../api/types";
import { LEDGER_ACCOUNTS, MOVEMENTS, formatDateTime } from "../lib/labels";
import { SignedAmountCell } from "./SignedAmountCell";

/** Whose an account is: a user's balances lead to the user, an escrow to its contract; the platform's accounts are no one's. */
function AccountOwner({ posting }: { posting: Posting }) {
  const short = posting.account_id.slice(-8);
  if (posting.account_kind === "available" || posting.account_kind === "pending") return <Link to={`/admin/users/${posting.account_id}`}>User {short}</Link>;
  if (posting.account_kind === "escrow") return <Link to={`/contracts/${posting.account_id}`}>Contract {short}</Link>;
  return null;
}

interface LedgerEntryCardProps {
  entry: LedgerEntry;
  /** Offered on a transaction that funded a milestone: refund that milestone. */
  onRefund?: (milestoneId: string) => void;
}

/** One ledger transaction: what moved, when, about what, and its postings (summing to zero). */
export function LedgerEntryCard({ entry, onRefund }: LedgerEntryCardProps) {
  const movement = MOVEMENTS[entry.kind as Movement] ?? entry.kind;
  const milestoneId = entry.milestone_id;
  return (
    <article className="card stack" aria-label={`${movement}, ${formatDateTime(entry.created_at)}`}>
      <p className="page-heading">
        <strong>{movement}</strong>
        <span className="muted">{formatDateTime(entry.created_at)}</span>
      </p>
      <ul className="meta">
        {entry.contract_id && (
          <li>
            <Link to={`/contracts/${entry.contract_id}`}>Contract {entry.contract_id.slice(-8)}</Link>
          </li>
        )}
        {milestoneId && (
          <li>
            Milestone {milestoneId.slice(-8)} · <Link to={`/admin/audit-log?subject_id=${milestoneId}`}>Audit log</Link>
          </li>
        )}
        {entry.user_id && (
          <li>
            Through the provider for <Link to={`/admin/users/${entry.user_id}`}>user {entry.user_id.slice(-8)}</Link>
          </li>
        )}
      </ul>
      <table className="table">
        <caption className="visually-hidden">Postings</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Whose</th>
            <th scope="col" className="number">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {entry.postings.map((posting, index) => (
            <tr key={index}>
              <td>{LEDGER_ACCOUNTS[posting.account_kind] ?? posting.account_kind}</td>
              <td>
                <AccountOwner posting={posting} />
              </td>
              <SignedAmountCell money={posting.amount} />
            </tr>
          ))}
        </tbody>
      </table>
      {entry.kind === "fund" && milestoneId && onRefund && (
        <div className="form-actions">
          <button type="button" className="button button--secondary button--small" onClick={() => onRefund(milestoneId)}>
            Refund this milestone
          </button>
        </div>
      )}
    </article>
  );
}
