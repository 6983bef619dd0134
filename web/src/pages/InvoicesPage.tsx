import { listInvoices } from "../api/invoices";
import { useSession } from "../auth/session";
import { InvoiceTable } from "../components/InvoiceTable";
import { LoadMore } from "../components/LoadMore";
import { ErrorPanel, Loading } from "../components/Status";
import { usePaged } from "../lib/usePaged";

/** The caller's invoices, as client and as freelancer. */
export function InvoicesPage() {
  const session = useSession();
  const invoices = usePaged(["invoices", "mine"], (cursor) => listInvoices({ cursor }));

  return (
    <div className="stack">
      <h1>Invoices</h1>
      {invoices.isPending ? (
        <Loading label="Loading invoices…" />
      ) : !invoices.data ? (
        <ErrorPanel error={invoices.error} retry={() => invoices.refetch()} />
      ) : invoices.items.length === 0 ? (
        <div className="card empty-state">
          <h2>No invoices yet</h2>
          <p className="muted">An invoice is issued each time a milestone’s payment is released.</p>
        </div>
      ) : (
        <div className="card">
          <InvoiceTable invoices={invoices.items} me={session?.user.id} />
        </div>
      )}
      <LoadMore
        hasMore={invoices.hasNextPage}
        loading={invoices.isFetchingNextPage}
        error={invoices.isFetchNextPageError ? invoices.error : null}
        onLoad={() => invoices.fetchNextPage()}
      />
    </div>
  );
}
