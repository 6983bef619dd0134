import { Link } from "react-router";
import { listAuditLog, type AuditQuery } from "../../api/admin";
import { TextField } from "../../components/Field";
import { FilterForm } from "../../components/FilterForm";
import { LoadMore } from "../../components/LoadMore";
import { ErrorPanel, Loading } from "../../components/Status";
import { dayEnd, dayStart } from "../../lib/dayRange";
import { formatDateTime } from "../../lib/labels";
import { usePaged } from "../../lib/usePaged";
import { useUrlFilters } from "../../lib/useUrlFilters";

const KEYS = ["actor_id", "action", "subject_id", "from", "to"] as const;
type AuditFilters = Record<(typeof KEYS)[number], string>;

function fromSearch(params: URLSearchParams): AuditFilters {
  const filters = {} as AuditFilters;
  for (const key of KEYS) filters[key] = params.get(key)?.trim() ?? "";
  return filters;
}

function toSearch(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
  return params;
}

/** The API query: days become the instants that start them (`to` the day after, so the day counts). */
function auditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  if (filters.actor_id) query.actor_id = filters.actor_id;
  if (filters.action) query.action = filters.action;
  if (filters.subject_id) query.subject_id = filters.subject_id;
  if (filters.from) query.from = dayStart(filters.from);
  if (filters.to) query.to = dayEnd(filters.to);
  return query;
}

/** What admins did, newest first, filtered by who, what, on whom and when. */
export function AdminAuditLogPage() {
  const { filters, draft, setDraft, apply } = useUrlFilters(fromSearch, toSearch);
  const query = auditQuery(filters);
  const log = usePaged(["admin", "audit-log", query], (cursor) => listAuditLog({ ...query, cursor }));
  const set = (key: keyof AuditFilters, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <section className="stack" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <FilterForm label="Audit log" submitLabel="Filter" onApply={() => apply(draft)}>
        <TextField label="Action" placeholder="e.g. user.ban" value={draft.action} onChange={(e) => set("action", e.target.value)} />
        <TextField label="Actor (user id)" value={draft.actor_id} onChange={(e) => set("actor_id", e.target.value)} />
        <TextField label="Subject (id)" value={draft.subject_id} onChange={(e) => set("subject_id", e.target.value)} />
        <TextField label="From" type="date" value={draft.from} onChange={(e) => set("from", e.target.value)} />
        <TextField label="To" type="date" value={draft.to} onChange={(e) => set("to", e.target.value)} />
      </FilterForm>
      {log.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : log.isError && log.items.length === 0 ? (
        <ErrorPanel error={log.error} retry={() => log.refetch()} />
      ) : log.items.length === 0 ? (
        <p className="muted">Nothing logged matches.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">By</th>
              <th scope="col">Subject</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.created_at)}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  <Link to={`/admin/users/${entry.actor_id}`}>{entry.actor_id.slice(-8)}</Link>
                </td>
                <td>
                  {entry.subject_kind}
                  {entry.subject_id && (
                    <>
                      {" "}
                      {entry.subject_kind === "user" ? <Link to={`/admin/users/${entry.subject_id}`}>{entry.subject_id.slice(-8)}</Link> : entry.subject_id.slice(-8)}
                    </>
                  )}
                </td>
                <td>{entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore hasMore={log.hasNextPage} loading={log.isFetchingNextPage} error={log.isFetchNextPageError ? log.error : undefined} onLoad={() => log.fetchNextPage()} />
    </section>
  );
}
