import { ErrorPanel } from "./Status";

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  error?: unknown;
  onLoad: () => void;
  label?: string;
}

/** The button under a paged list, and the error if the next page failed. */
export function LoadMore({ hasMore, loading, error, onLoad, label = "Load more" }: LoadMoreProps) {
  return (
    <>
      {hasMore && (
        <div className="load-more">
          <button type="button" className="button button--secondary" disabled={loading} onClick={onLoad}>
            {loading ? "Loading…" : label}
          </button>
        </div>
      )}
      {Boolean(error) && <ErrorPanel error={error} retry={onLoad} />}
    </>
  );
}
