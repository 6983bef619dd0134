import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { listLedger } from "../../api/admin";
import type { Milestone, Movement } from "../../api/types";
import { Options, SelectField, TextField } from "../../components/Field";
import { FilterForm } from "../../components/FilterForm";
import { LedgerEntryCard } from "../../components/LedgerEntryCard";
import { LoadMore } from "../../components/LoadMore";
import { PaymentsTabs } from "../../components/PaymentsTabs";
import { RefundMilestone } from "../../components/RefundMilestone";
import { ErrorPanel, Loading } from "../../components/Status";
import { dayEnd, dayStart } from "../../lib/dayRange";
import { MOVEMENTS } from "../../lib/labels";
import { formatMoney } from "../../lib/money";
import { usePaged } from "../../lib/usePaged";
import { useUrlFilters } from "../../lib/useUrlFilters";

interface LedgerFilters {
  user: string;
  contract: string;
  kind: Movement | "";
  /** Calendar days (UTC), both included. */
  from: string;
  to: string;
}

function fromSearch(params: URLSearchParams): LedgerFilters {
  const kind = params.get("kind") ?? "";
  return {
    user: params.get("user") ?? "",
    contract: params.get("contract") ?? "",
    kind: Object.hasOwn(MOVEMENTS, kind) ? (kind as Movement) : "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
}

function toSearch(filters: LedgerFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["user", "contract", "kind", "from", "to"] as const) {
    if (filters[key].trim()) params.set(key, filters[key].trim());
  }
  return params;
}

/** The filters as the API takes them: days become instants, the last day included. */
function ledgerQuery(filters: LedgerFilters) {
  return {
    user: filters.user || undefined,
    contract: filters.contract || undefined,
    kind: filters.kind || undefined,
    from: filters.from ? dayStart(filters.from) : undefined,
    to: filters.to ? dayEnd(filters.to) : undefined,
  };
}

/** The ledger's transactions with their postings, filtered in the address; a milestone's escrow refunded from here. */
export function AdminTransactionsPage() {
  const queryClient = useQueryClient();
  const { filters, draft, setDraft, apply } = useUrlFilters(fromSearch, toSearch);
  const query = ledgerQuery(filters);
  const entries = usePaged(["admin", "payments", "transactions", query], (cursor) => listLedger({ ...query, cursor }));
  // `undefined` while closed; "" to enter a milestone, or the one a funding named.
  const [refunding, setRefunding] = useState<string | undefined>();
  const [refunded, setRefunded] = useState<Milestone | null>(null);
  const set = (key: keyof LedgerFilters, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function startRefund(milestoneId: string) {
    setRefunded(null);
    setRefunding(milestoneId);
  }

  return (
    <section className="stack" aria-labelledby="ledger-title">
      <PaymentsTabs />
      <div className="page-heading">
        <h1 id="ledger-title">Ledger transactions</h1>
        {refunding === undefined && (
          <button type="button" className="button button--secondary" onClick={() => startRefund("")}>
            Refund a milestone
          </button>
        )}
      </div>
      {refunded && (
        <p className="notice" role="status">
          “{refunded.title}” ({formatMoney(refunded.amount)}) is refunded to the client.
        </p>
      )}
      {refunding !== undefined && (
        <RefundMilestone
          key={refunding}
          milestoneId={refunding}
          onRefunded={(milestone) => {
            setRefunded(milestone);
            void queryClient.invalidateQueries({ queryKey: ["admin"] });
          }}
          onClose={() => setRefunding(undefined)}
        />
      )}
      <FilterForm label="Transactions" onApply={() => apply(draft)}>
        <TextField label="User id" value={draft.user} onChange={(e) => set("user", e.target.value)} />
        <TextField label="Contract id" value={draft.contract} onChange={(e) => set("contract", e.target.value)} />
        <SelectField label="Movement" value={draft.kind} onChange={(e) => apply({ ...draft, kind: e.target.value as Movement | "" })}>
          <option value="">Any movement</option>
          <Options labels={MOVEMENTS} />
        </SelectField>
        <TextField label="From (UTC)" type="date" value={draft.from} onChange={(e) => set("from", e.target.value)} />
        <TextField label="To (UTC)" type="date" value={draft.to} onChange={(e) => set("to", e.target.value)} />
      </FilterForm>
      {entries.isPending ? (
        <Loading label="Loading transactions…" />
      ) : entries.isError && entries.items.length === 0 ? (
        <ErrorPanel error={entries.error} retry={() => entries.refetch()} />
      ) : entries.items.length === 0 ? (
        <p className="muted">No transactions match.</p>
      ) : (
        <ul className="stack report-list" aria-label="Transactions found">
          {entries.items.map((entry) => (
            <li key={entry.id}>
              <LedgerEntryCard entry={entry} onRefund={startRefund} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={entries.hasNextPage} loading={entries.isFetchingNextPage} error={entries.isFetchNextPageError ? entries.error : undefined} onLoad={() => entries.fetchNextPage()} />
    </section>
  );
}
