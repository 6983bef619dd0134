import { listDisputes } from "../api/disputes";
import { DisputeItem } from "../components/DisputeItem";
import { LoadMore } from "../components/LoadMore";
import { ErrorPanel, Loading } from "../components/Status";
import { usePaged } from "../lib/usePaged";

/** The disputes the caller is a party of, newest first. */
export function DisputesPage() {
  const disputes = usePaged(["disputes", "mine"], (cursor) => listDisputes({ cursor }));
  return (
    <div className="stack">
      <h1>Disputes</h1>
      {disputes.isPending ? (
        <Loading label="Loading disputes…" />
      ) : !disputes.data ? (
        <ErrorPanel error={disputes.error} retry={() => disputes.refetch()} />
      ) : disputes.items.length === 0 ? (
        <div className="card empty-state">
          <h2>No disputes</h2>
          <p className="muted">If work or money on a contract goes wrong, open a dispute from the milestone or the billed week on the contract's page.</p>
        </div>
      ) : (
        <ul className="list" aria-label="Disputes">
          {disputes.items.map((dispute) => (
            <li key={dispute.id} className="card list-item">
              <DisputeItem dispute={dispute} href={`/disputes/${dispute.id}`} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={disputes.hasNextPage}
        loading={disputes.isFetchingNextPage}
        error={disputes.isFetchNextPageError ? disputes.error : null}
        onLoad={() => disputes.fetchNextPage()}
      />
    </div>
  );
}
