import { Link } from "react-router";
import { listContracts } from "../api/contracts";
import { useSession } from "../auth/session";
import { LoadMore } from "../components/LoadMore";
import { ErrorPanel, Loading } from "../components/Status";
import { StatusBadge } from "../components/StatusBadge";
import { describeContractTerms } from "../lib/contracts";
import { CONTRACT_STATUSES, formatDate } from "../lib/labels";
import { usePaged } from "../lib/usePaged";

/** The caller's contracts, as client or as freelancer. */
export function ContractsPage() {
  const session = useSession();
  const contracts = usePaged(["contracts", "mine"], (cursor) => listContracts({ cursor }));

  return (
    <div className="stack">
      <h1>Contracts</h1>
      {contracts.isPending ? (
        <Loading label="Loading contracts…" />
      ) : !contracts.data ? (
        <ErrorPanel error={contracts.error} retry={() => contracts.refetch()} />
      ) : contracts.items.length === 0 ? (
        <div className="card empty-state">
          <h2>No contracts yet</h2>
          <p className="muted">A contract starts when a client hires a freelancer.</p>
        </div>
      ) : (
        <ul className="list" aria-label="Contracts">
          {contracts.items.map((c) => (
            <li key={c.id} className="card list-item">
              <div className="list-item__main">
                <h2 className="list-item__title">
                  <Link to={`/contracts/${c.id}`}>{c.title}</Link>
                </h2>
                <ul className="meta">
                  <li>
                    <StatusBadge status={c.status} label={CONTRACT_STATUSES[c.status]} />
                  </li>
                  <li>{describeContractTerms(c)}</li>
                  <li>Started {formatDate(c.started_at)}</li>
                  <li>{c.client_id === session?.user.id ? "You hired" : "You were hired"}</li>
                </ul>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={contracts.hasNextPage}
        loading={contracts.isFetchingNextPage}
        error={contracts.isFetchNextPageError ? contracts.error : null}
        onLoad={() => contracts.fetchNextPage()}
      />
    </div>
  );
}
