import { searchJobs } from "../../api/admin";
import type { JobStatus } from "../../api/types";
import { AdminJobCard } from "../../components/AdminJobCard";
import { Options, SelectField, TextField } from "../../components/Field";
import { FilterForm } from "../../components/FilterForm";
import { LoadMore } from "../../components/LoadMore";
import { ErrorPanel, Loading } from "../../components/Status";
import { JOB_STATUSES } from "../../lib/labels";
import { usePaged } from "../../lib/usePaged";
import { useUrlFilters } from "../../lib/useUrlFilters";

const HIDDEN = { "": "Hidden or not", true: "Hidden only", false: "Not hidden" } as const;
type HiddenFilter = keyof typeof HIDDEN;

interface JobFilters {
  q: string;
  status: JobStatus | "";
  hidden: HiddenFilter;
}

function fromSearch(params: URLSearchParams): JobFilters {
  const status = params.get("status") ?? "";
  const hidden = params.get("hidden") ?? "";
  return {
    q: params.get("q") ?? "",
    status: Object.hasOwn(JOB_STATUSES, status) ? (status as JobStatus) : "",
    hidden: Object.hasOwn(HIDDEN, hidden) ? (hidden as HiddenFilter) : "",
  };
}

function toSearch(filters: JobFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.status) params.set("status", filters.status);
  if (filters.hidden) params.set("hidden", filters.hidden);
  return params;
}

/** Every job, drafts and hidden ones included, searched by title or owner; each hidden, closed or restored with a reason. */
export function AdminJobsPage() {
  const { filters, draft, setDraft, apply } = useUrlFilters(fromSearch, toSearch);
  const query = { q: filters.q || undefined, status: filters.status || undefined, hidden: filters.hidden ? filters.hidden === "true" : undefined };
  const jobs = usePaged(["admin", "jobs", query], (cursor) => searchJobs({ ...query, cursor }));

  return (
    <section className="stack" aria-labelledby="admin-jobs-title">
      <h1 id="admin-jobs-title">Jobs</h1>
      <FilterForm label="Jobs" onApply={() => apply(draft)}>
        <TextField label="Title, owner's name or e-mail" type="search" value={draft.q} onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} />
        <SelectField label="Status" value={draft.status} onChange={(e) => apply({ ...draft, status: e.target.value as JobStatus | "" })}>
          <option value="">Any status</option>
          <Options labels={JOB_STATUSES} />
        </SelectField>
        <SelectField label="Hidden" value={draft.hidden} onChange={(e) => apply({ ...draft, hidden: e.target.value as HiddenFilter })}>
          <Options labels={HIDDEN} />
        </SelectField>
      </FilterForm>
      {jobs.isPending ? (
        <Loading label="Loading jobs…" />
      ) : jobs.isError && jobs.items.length === 0 ? (
        <ErrorPanel error={jobs.error} retry={() => jobs.refetch()} />
      ) : jobs.items.length === 0 ? (
        <p className="muted">No jobs match.</p>
      ) : (
        <ul className="stack report-list" aria-label="Jobs found">
          {jobs.items.map((job) => (
            <li key={job.id}>
              <AdminJobCard job={job} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={jobs.hasNextPage} loading={jobs.isFetchingNextPage} error={jobs.isFetchNextPageError ? jobs.error : undefined} onLoad={() => jobs.fetchNextPage()} />
    </section>
  );
}
