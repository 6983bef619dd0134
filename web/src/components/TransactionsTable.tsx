import { Link } from "react-router";
import type { Transaction } from "../api/types";
import { ACCOUNTS, MOVEMENTS, formatDate } from "../lib/labels";
import { SignedAmountCell } from "./SignedAmountCell";

/** The caller's money history: each movement into or out of their balances and payments. */
export function TransactionsTable({ transactions }: { transactions: Transaction[] }) {
  return (
    <table className="table">
      <caption>Transactions</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">What</th>
          <th scope="col">Contract</th>
          <th scope="col" className="number">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {transactions.map((t) => (
          <tr key={`${t.id}-${t.account}`}>
            <td>{formatDate(t.created_at)}</td>
            <td>
              {MOVEMENTS[t.movement] ?? t.movement} <span className="muted">· {ACCOUNTS[t.account] ?? t.account}</span>
            </td>
            <td>{t.contract_id ? <Link to={`/contracts/${t.contract_id}`}>View contract</Link> : "—"}</td>
            <SignedAmountCell money={t.amount} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
