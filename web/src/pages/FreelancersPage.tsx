import { useState, type FormEvent } from "react";
import { searchFreelancers } from "../api/freelancers";
import { ApiError } from "../api/errors";
import type { Availability, ExperienceLevel, FreelancerLevel, SkillTag } from "../api/types";
import { BoardSearch } from "../components/BoardSearch";
import { Options, SelectField, TextField } from "../components/Field";
import { FormErrors, serverFieldErrors } from "../components/FormErrors";
import { FreelancerResult } from "../components/FreelancerResult";
import { LoadMore } from "../components/LoadMore";
import { SkillPicker } from "../components/SkillPicker";
import { ErrorPanel, Loading } from "../components/Status";
import {
  EMPTY_FREELANCER_FILTERS,
  FREELANCER_SORTS,
  MIN_RATINGS,
  SKILLS_MATCH,
  freelancerFiltersFromSearch,
  freelancerFiltersToSearch,
  freelancerQuery,
  type FreelancerFilters,
  type FreelancerSort,
  type SkillsMatch,
} from "../lib/freelancerFilters";
import { AVAILABILITY, EXPERIENCE_LEVELS, FREELANCER_LEVELS } from "../lib/labels";
import { usePaged } from "../lib/usePaged";
import { useUrlFilters } from "../lib/useUrlFilters";

const PAGE_SIZE = 20;

/** Clients search for freelancers and invite them to their jobs. Filters live in the URL. */
export function FreelancersPage() {
  const { filters, draft, setDraft, apply } = useUrlFilters(freelancerFiltersFromSearch, freelancerFiltersToSearch);
  const [skillNames, setSkillNames] = useState<Record<string, string>>({});

  const { query, errors: filterErrors } = freelancerQuery(filters);
  const results = usePaged(["freelancers", query], (cursor) => searchFreelancers({ ...query, limit: PAGE_SIZE, cursor }));
  const serverErrors = results.error instanceof ApiError && results.error.isValidation ? results.error : null;
  const errors: Record<string, string | undefined> = { ...filterErrors, ...serverFieldErrors(serverErrors) };

  const knownSkills = { ...skillNames };
  for (const card of results.items) for (const skill of card.skills) knownSkills[skill.slug] ??= skill.name;
  const chosenSkills: SkillTag[] = draft.skills.map((slug) => ({ slug, name: knownSkills[slug] ?? slug }));

  const set = <K extends keyof FreelancerFilters>(key: K, value: FreelancerFilters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const choose = <K extends keyof FreelancerFilters>(key: K, value: FreelancerFilters[K]) => apply({ ...draft, [key]: value });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }
  const filtered = freelancerFiltersToSearch({ ...filters, q: "", sort: "rank" }).size > 0;

  return (
    <div className="board">
      <h1>Find talent</h1>
      <BoardSearch name="Freelancers" label="Search freelancers" placeholder="Search by name, headline or bio, e.g. Rust" value={draft.q} onChange={(q) => set("q", q)} onSubmit={onSubmit} />

      <div className="board-layout">
        <form className="card board-filters form" aria-label="Filters" onSubmit={onSubmit} noValidate>
          <h2>Filters</h2>
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
          {filters.skills.length > 1 && (
            <SelectField label="Has" value={filters.skills_match} error={errors.skills_match} onChange={(e) => choose("skills_match", e.target.value as SkillsMatch)}>
              <Options labels={SKILLS_MATCH} />
            </SelectField>
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
          <div className="grid-2">
            <TextField label="Rate from ($/hr)" inputMode="decimal" value={draft.hourly_rate_min} error={errors.hourly_rate_min} onChange={(e) => set("hourly_rate_min", e.target.value)} />
            <TextField label="Rate to ($/hr)" inputMode="decimal" value={draft.hourly_rate_max} error={errors.hourly_rate_max} onChange={(e) => set("hourly_rate_max", e.target.value)} />
          </div>
          <TextField label="Location" placeholder="e.g. Lisbon" value={draft.location} error={errors.location} onChange={(e) => set("location", e.target.value)} />
          <SelectField
            label="Availability"
            value={filters.availability}
            error={errors.availability}
            onChange={(e) => choose("availability", e.target.value as Availability | "")}
          >
            <option value="">Any</option>
            <Options labels={AVAILABILITY} />
          </SelectField>
          <SelectField label="Level" value={filters.level} error={errors.level} onChange={(e) => choose("level", e.target.value as FreelancerLevel | "")}>
            <option value="">Any level</option>
            <Options labels={FREELANCER_LEVELS} />
          </SelectField>
          <SelectField label="Rating" value={filters.min_rating} error={errors.min_rating} onChange={(e) => choose("min_rating", e.target.value)}>
            <option value="">Any rating</option>
            <Options labels={MIN_RATINGS} />
          </SelectField>
          <TextField
            label="Jobs completed, at least"
            inputMode="numeric"
            value={draft.min_completed_jobs}
            error={errors.min_completed_jobs}
            onChange={(e) => set("min_completed_jobs", e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary button--small">
              Apply filters
            </button>
            {filtered && (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => apply({ ...EMPTY_FREELANCER_FILTERS, q: filters.q, sort: filters.sort })}
              >
                Clear filters
              </button>
            )}
          </div>
        </form>

        <section className="board-results" aria-label="Freelancers found">
          <div className="board-results__bar">
            <p className="muted" role="status">
              {results.isSuccess ? describeCount(results.items.length, results.hasNextPage) : "\u00a0"}
            </p>
            <label className="inline-select">
              Sort by{" "}
              <select value={filters.sort} onChange={(e) => choose("sort", e.target.value as FreelancerSort)}>
                <Options labels={FREELANCER_SORTS} />
              </select>
            </label>
          </div>
          {serverErrors ? (
            <FormErrors error={serverErrors} shown={Object.keys(draft)} />
          ) : results.isPending ? (
            <Loading label="Finding freelancers…" />
          ) : !results.data ? (
            <ErrorPanel error={results.error} retry={() => results.refetch()} />
          ) : results.items.length === 0 ? (
            <div className="card empty-state">
              <h2>No freelancers match</h2>
              <p className="muted">Try fewer words or filters.</p>
            </div>
          ) : (
            <div className="stack">
              {results.items.map((card) => (
                <FreelancerResult key={card.id} freelancer={card} />
              ))}
            </div>
          )}
          <LoadMore
            hasMore={results.hasNextPage}
            loading={results.isFetchingNextPage}
            error={results.isFetchNextPageError ? results.error : null}
            onLoad={() => results.fetchNextPage()}
            label="Load more freelancers"
          />
        </section>
      </div>
    </div>
  );
}

function describeCount(count: number, more: boolean): string {
  if (count === 0) return "No freelancers found";
  return `${count}${more ? "+" : ""} freelancer${count === 1 && !more ? "" : "s"} found`;
}
