import { useState, type FormEvent } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { searchJobs } from "../api/jobs";
import { ApiError } from "../api/errors";
import type { ExperienceLevel, FacetCount, PaymentType, SkillTag } from "../api/types";
import { BoardSearch } from "../components/BoardSearch";
import { Options, SelectField, TextField } from "../components/Field";
import { FormErrors, serverFieldErrors } from "../components/FormErrors";
import { JobCard } from "../components/JobCard";
import { LoadMore } from "../components/LoadMore";
import { SkillPicker } from "../components/SkillPicker";
import { ErrorPanel, Loading } from "../components/Status";
import {
  EMPTY_FILTERS,
  POSTED_WITHIN,
  SORTS,
  boardQuery,
  effectiveSort,
  filtersFromSearch,
  filtersToSearch,
  type BoardFilters,
  type JobSort,
} from "../lib/jobFilters";
import { EXPERIENCE_LEVELS, PAYMENT_TYPES } from "../lib/labels";
import { useUrlFilters } from "../lib/useUrlFilters";
import { categoriesQuery, categoryNames } from "./marketQueries";

const PAGE_SIZE = 20;

/** The job board: search, filters and sort live in the URL so a search can be shared. */
export function JobBoardPage() {
  const { filters, draft, setDraft, apply } = useUrlFilters(filtersFromSearch, filtersToSearch);
  const [skillNames, setSkillNames] = useState<Record<string, string>>({});

  const { query, errors: filterErrors } = boardQuery(filters);
  const board = useInfiniteQuery({
    queryKey: ["jobs", "board", query],
    queryFn: ({ pageParam }) => searchJobs({ ...query, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const categories = useQuery(categoriesQuery());
  const names = categoryNames(categories.data);

  const jobs = board.data?.pages.flatMap((page) => page.items) ?? [];
  const facets = board.data?.pages[0]?.facets;
  const serverErrors = board.error instanceof ApiError && board.error.isValidation ? board.error : null;
  const errors: Record<string, string | undefined> = { ...filterErrors, ...serverFieldErrors(serverErrors) };

  const knownSkills = { ...skillNames };
  for (const job of jobs) for (const skill of job.skills) knownSkills[skill.slug] ??= skill.name;
  const chosenSkills: SkillTag[] = draft.skills.map((slug) => ({ slug, name: knownSkills[slug] ?? slug }));

  const set = <K extends keyof BoardFilters>(key: K, value: BoardFilters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  /** Choices (not typing) take effect at once, with whatever else was typed. */
  const choose = <K extends keyof BoardFilters>(key: K, value: BoardFilters[K]) => apply({ ...draft, [key]: value });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  const sort = effectiveSort(filters);
  const categoryFacets = withSelected(facets?.categories ?? [], filters.category);
  const paymentFacets = new Map((facets?.payment_types ?? []).map((f) => [f.value, f.count]));
  const filtered = filtersToSearch({ ...filters, q: "", sort: "" }).size > 0;

  return (
    <div className="board">
      <h1>Find work</h1>
      <BoardSearch name="Jobs" label="Search jobs" placeholder="Search by keywords, e.g. landing page" value={draft.q} onChange={(q) => set("q", q)} onSubmit={onSubmit} />

      <div className="board-layout">
        <form className="card board-filters form" aria-label="Filters" onSubmit={onSubmit} noValidate>
          <h2>Filters</h2>
          <fieldset className="choice-list">
            <legend>Category</legend>
            <Choice name="category" label="Any category" checked={!filters.category} onChange={() => choose("category", "")} />
            {categoryFacets.map((facet) => (
              <Choice
                key={facet.value}
                name="category"
                label={names.get(facet.value) ?? facet.value}
                count={facet.count}
                checked={filters.category === facet.value}
                onChange={() => choose("category", facet.value)}
              />
            ))}
          </fieldset>
          <fieldset className="choice-list">
            <legend>Payment type</legend>
            <Choice name="payment_type" label="Any" checked={!filters.payment_type} onChange={() => choose("payment_type", "")} />
            {(Object.keys(PAYMENT_TYPES) as PaymentType[]).map((type) => (
              <Choice
                key={type}
                name="payment_type"
                label={PAYMENT_TYPES[type]}
                count={facets ? (paymentFacets.get(type) ?? 0) : undefined}
                checked={filters.payment_type === type}
                onChange={() => choose("payment_type", type)}
              />
            ))}
          </fieldset>
          {draft.payment_type !== "hourly" && (
            <div className="grid-2">
              <TextField label="Budget from ($)" inputMode="decimal" value={draft.budget_min} error={errors.budget_min} onChange={(e) => set("budget_min", e.target.value)} />
              <TextField label="Budget to ($)" inputMode="decimal" value={draft.budget_max} error={errors.budget_max} onChange={(e) => set("budget_max", e.target.value)} />
            </div>
          )}
          {draft.payment_type !== "fixed" && (
            <div className="grid-2">
              <TextField
                label="Hourly from ($)"
                inputMode="decimal"
                value={draft.hourly_rate_min}
                error={errors.hourly_rate_min}
                onChange={(e) => set("hourly_rate_min", e.target.value)}
              />
              <TextField
                label="Hourly to ($)"
                inputMode="decimal"
                value={draft.hourly_rate_max}
                error={errors.hourly_rate_max}
                onChange={(e) => set("hourly_rate_max", e.target.value)}
              />
            </div>
          )}
          <SelectField
            label="Experience level"
            value={filters.experience_level}
            error={errors.experience_level}
            onChange={(e) => choose("experience_level", e.target.value as ExperienceLevel | "")}
          >
            <option value="">Any level</option>
            <Options labels={EXPERIENCE_LEVELS} />
          </SelectField>
          <SkillPicker
            value={chosenSkills}
            error={errors.skills}
            onChange={(skills) => {
              setSkillNames((known) => ({ ...known, ...Object.fromEntries(skills.map((s) => [s.slug, s.name])) }));
              choose(
                "skills",
                skills.map((s) => s.slug),
              );
            }}
          />
          <SelectField label="Posted" value={filters.posted_within_days} error={errors.posted_within_days} onChange={(e) => choose("posted_within_days", e.target.value)}>
            <option value="">Any time</option>
            <Options labels={POSTED_WITHIN} />
          </SelectField>
          <TextField label="Due before" type="date" value={draft.deadline_before} error={errors.deadline_before} onChange={(e) => set("deadline_before", e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="button button--primary button--small">
              Apply filters
            </button>
            {filtered && (
              <button type="button" className="button button--ghost button--small" onClick={() => apply({ ...EMPTY_FILTERS, q: filters.q, sort: filters.sort })}>
                Clear filters
              </button>
            )}
          </div>
        </form>

        <section className="board-results" aria-label="Jobs found">
          <div className="board-results__bar">
            <p className="muted" role="status">
              {board.isSuccess ? describeCount(jobs.length, board.hasNextPage) : "\u00a0"}
            </p>
            <label className="inline-select">
              Sort by{" "}
              <select value={sort} onChange={(e) => choose("sort", e.target.value as JobSort)}>
                {Object.entries(SORTS).map(([value, label]) => (
                  <option key={value} value={value} disabled={value === "relevance" && !filters.q}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {serverErrors ? (
            <FormErrors error={serverErrors} shown={Object.keys(draft)} />
          ) : board.isPending ? (
            <Loading label="Finding jobs…" />
          ) : !board.data ? (
            <ErrorPanel error={board.error} retry={() => board.refetch()} />
          ) : jobs.length === 0 ? (
            <div className="card empty-state">
              <h2>No jobs match</h2>
              <p className="muted">Try fewer words or filters.</p>
            </div>
          ) : (
            <>
              <div className="stack">
                {jobs.map((job) => (
                  <JobCard key={job.id} job={job} categoryName={names.get(job.category)} />
                ))}
              </div>
              <LoadMore
                hasMore={board.hasNextPage}
                loading={board.isFetchingNextPage}
                error={board.isFetchNextPageError ? board.error : null}
                onLoad={() => board.fetchNextPage()}
                label="Load more jobs"
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function describeCount(count: number, more: boolean): string {
  if (count === 0) return "No jobs found";
  return `${count}${more ? "+" : ""} job${count === 1 && !more ? "" : "s"} found`;
}

/** The facet list, with the chosen value kept even when no job has it any more. */
function withSelected(facets: FacetCount[], selected: string): FacetCount[] {
  if (!selected || facets.some((f) => f.value === selected)) return facets;
  return [...facets, { value: selected, count: 0 }];
}

interface ChoiceProps {
  name: string;
  label: string;
  count?: number;
  checked: boolean;
  onChange: () => void;
}

function Choice({ name, label, count, checked, onChange }: ChoiceProps) {
  return (
    <label className="choice">
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      <span>{label}</span>
      {count !== undefined && (
        <span className="choice__count" aria-label={`${count} job${count === 1 ? "" : "s"}`}>
          {count}
        </span>
      )}
    </label>
  );
}
