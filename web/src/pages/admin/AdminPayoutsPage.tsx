import { Link } from "react-router";
import { listPayouts } from "../../api/admin";
import { LoadMore } from "../../components/LoadMore";
import { PaymentsTabs } from "../../components/PaymentsTabs";
import { QueueHeading, useQueueStatus } from "../../components/QueueHeading";
import { ErrorPanel, Loading } from "../../components/Status";
import { WithdrawalStatusBadge } from "../../components/WithdrawalsTable";
import { formatDateTime } from "../../lib/labels";
import { formatMoney } from "../../lib/money";
import { usePaged } from "../../lib/usePaged";

// The first is the default.
const FILTERS = { all: "All", paid: "Paid out", failed: "Returned" } as const;

/** Every user's withdrawals, newest first, by what became of them. */
export function AdminPayoutsPage() {
  const [status, setStatus] = useQueueStatus(FILTERS);
  const payouts = usePaged(["admin", "payments", "payouts", status], (cursor) => listPayouts(status === "all" ? undefined : status, cursor));

  return (
    <section className="stack" aria-labelledby="payouts-title">
      <PaymentsTabs />
      <QueueHeading id="payouts-title" title="Payouts" filters={FILTERS} status={status} onChange={setStatus} />
      {payouts.isPending ? (
        <Loading label="Loading payouts…" />
      ) : payouts.isError && payouts.items.length === 0 ? (
        <ErrorPanel error={payouts.error} retry={() => payouts.refetch()} />
      ) : payouts.items.length === 0 ? (
        <p className="muted">No payouts.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">User</th>
              <th scope="col" className="number">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Provider</th>
              <th scope="col">Destination</th>
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {payouts.items.map((payout) => (
              <tr key={payout.id}>
                <td>{formatDateTime(payout.created_at)}</td>
                <td>
                  <Link to={`/admin/users/${payout.user_id}`}>User {payout.user_id.slice(-8)}</Link>
                </td>
                <td className="number">{formatMoney(payout.amount)}</td>
                <td>
                  <WithdrawalStatusBadge status={payout.status} />
                </td>
                <td>{payout.provider}</td>
                <td>{payout.destination ?? "—"}</td>
                <td>{payout.reference ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore hasMore={payouts.hasNextPage} loading={payouts.isFetchingNextPage} error={payouts.isFetchNextPageError ? payouts.error : undefined} onLoad={() => payouts.fetchNextPage()} />
    </section>
  );
}
