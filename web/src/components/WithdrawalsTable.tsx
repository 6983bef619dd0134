import type { Withdrawal, WithdrawalStatus } from "../api/types";
import { WITHDRAWAL_STATUSES, formatDate } from "../lib/labels";
import { formatMoney } from "../lib/money";
import { StatusBadge } from "./StatusBadge";

/** "Paid out" in the colours of money that arrived, "Returned" in those of money that did not. */
export function WithdrawalStatusBadge({ status }: { status: WithdrawalStatus }) {
  return <StatusBadge status={status === "paid" ? "released" : "cancelled"} label={WITHDRAWAL_STATUSES[status]} />;
}

export function WithdrawalsTable({ withdrawals }: { withdrawals: Withdrawal[] }) {
  return (
    <table className="table">
      <caption>Withdrawals</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">To</th>
          <th scope="col">Status</th>
          <th scope="col" className="number">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {withdrawals.map((w) => (
          <tr key={w.id}>
            <td>{formatDate(w.created_at)}</td>
            <td>{w.destination ?? "Your payout destination"}</td>
            <td>
              <WithdrawalStatusBadge status={w.status} />
            </td>
            <td className="number">{formatMoney(w.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
