import { Link } from "react-router";
import { listSharedWithMe } from "../api/sharing";
import { describePay } from "../lib/jobs";
import { JOB_STATUSES, formatAgo } from "../lib/labels";
import { usePaged } from "../lib/usePaged";
import { LoadMore } from "./LoadMore";
import { ErrorPanel, Loading } from "./Status";
import { StatusBadge } from "./StatusBadge";

/** Jobs friends shared with the caller, newest first. */
export function SharedJobs() {
  const shares = usePaged(["shares", "received"], (cursor) => listSharedWithMe({ cursor }));

  return (
    <section className="card" aria-labelledby="shared-heading">
      <h2 id="shared-heading">Shared with me</h2>
      {shares.isPending ? (
        <Loading label="Loading shared jobs…" />
      ) : !shares.data ? (
        <ErrorPanel error={shares.error} retry={() => shares.refetch()} />
      ) : shares.items.length === 0 ? (
        <p className="muted">Jobs your friends share with you will show up here.</p>
      ) : (
        <ul className="people" aria-label="Jobs shared with me">
          {shares.items.map((share) => (
            <li key={share.id} className="person" aria-label={share.job.title}>
              <Link to={`/jobs/${share.job.id}`} className="person__name">
                {share.job.title}
              </Link>
              <ul className="meta">
                {share.job.status !== "open" && (
                  <li>
                    <StatusBadge status={share.job.status} label={JOB_STATUSES[share.job.status]} />
                  </li>
                )}
                <li>{describePay(share.job)}</li>
                <li>
                  Shared by <Link to={`/users/${share.from.id}`}>{share.from.name}</Link>
                </li>
                <li>{formatAgo(share.created_at)}</li>
              </ul>
              {share.note && <blockquote className="person__note prose">{share.note}</blockquote>}
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={shares.hasNextPage}
        loading={shares.isFetchingNextPage}
        error={shares.isFetchNextPageError ? shares.error : null}
        onLoad={() => shares.fetchNextPage()}
      />
    </section>
  );
}
