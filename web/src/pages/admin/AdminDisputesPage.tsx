import { listDisputeQueue } from "../../api/disputes";
import type { DisputeQueueFilter } from "../../api/types";
import { DisputeItem } from "../../components/DisputeItem";
import { LoadMore } from "../../components/LoadMore";
import { QueueHeading, useQueueStatus } from "../../components/QueueHeading";
import { ErrorPanel, Loading } from "../../components/Status";
import { usePaged } from "../../lib/usePaged";

// The first is the default.
const FILTERS: Record<DisputeQueueFilter, string> = { open: "Open", resolved: "Decided", withdrawn: "Withdrawn", all: "All" };

/** Disputes waiting for a decision, oldest first (or those in another state), each leading to its page. */
export function AdminDisputesPage() {
  const [status, setStatus] = useQueueStatus(FILTERS);
  const disputes = usePaged(["admin", "disputes", status], (cursor) => listDisputeQueue(status, cursor));

  return (
    <section className="stack" aria-labelledby="disputes-title">
      <QueueHeading id="disputes-title" title="Disputes" filters={FILTERS} status={status} onChange={setStatus} />
      {disputes.isPending ? (
        <Loading label="Loading disputes…" />
      ) : disputes.isError && disputes.items.length === 0 ? (
        <ErrorPanel error={disputes.error} retry={() => disputes.refetch()} />
      ) : disputes.items.length === 0 ? (
        <p className="muted">{status === "open" ? "No dispute is waiting for a decision." : "No disputes."}</p>
      ) : (
        <ul className="list" aria-label="Dispute queue">
          {disputes.items.map((dispute) => (
            <li key={dispute.id} className="card list-item">
              <DisputeItem dispute={dispute} href={`/admin/disputes/${dispute.id}`} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={disputes.hasNextPage} loading={disputes.isFetchingNextPage} error={disputes.isFetchNextPageError ? disputes.error : undefined} onLoad={() => disputes.fetchNextPage()} />
    </section>
  );
}
