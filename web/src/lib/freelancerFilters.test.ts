import { describe, expect, it } from "vitest";
import { EMPTY_FREELANCER_FILTERS, freelancerFiltersFromSearch, freelancerFiltersToSearch, freelancerQuery } from "./freelancerFilters";

const read = (search: string) => freelancerFiltersFromSearch(new URLSearchParams(search));

describe("freelancer search filters", () => {
  it("round-trips through the query string, leaving defaults out", () => {
    const filters = read("q=rust&skills=rust,go&skills_match=any&experience_level=expert&hourly_rate_min=50&location=Lisbon&availability=part_time&min_rating=4.5&min_completed_jobs=3&level=top_rated&sort=rate_low");
    expect(filters).toEqual({
      q: "rust",
      skills: ["rust", "go"],
      skills_match: "any",
      experience_level: "expert",
      hourly_rate_min: "50",
      hourly_rate_max: "",
      location: "Lisbon",
      availability: "part_time",
      min_rating: "4.5",
      min_completed_jobs: "3",
      level: "top_rated",
      sort: "rate_low",
    });
    expect(read(freelancerFiltersToSearch(filters).toString())).toEqual(filters);
    expect(freelancerFiltersToSearch(EMPTY_FREELANCER_FILTERS).toString()).toBe("");
    expect(freelancerFiltersToSearch({ ...EMPTY_FREELANCER_FILTERS, skills: ["rust"], skills_match: "any" }).toString()).toBe("skills=rust");
  });

  it("drops what cannot be meant", () => {
    expect(read("skills_match=some&availability=never&min_rating=2&sort=best&min_completed_jobs=-1&experience_level=guru&level=legend")).toEqual(EMPTY_FREELANCER_FILTERS);
  });

  it("builds the API query with rates in cents", () => {
    const { query, errors } = freelancerQuery({
      ...EMPTY_FREELANCER_FILTERS,
      skills: ["rust", "go"],
      hourly_rate_min: "45.50",
      hourly_rate_max: "$120",
      min_rating: "4",
      min_completed_jobs: "2",
      level: "level_2",
    });
    expect(errors).toEqual({});
    expect(query).toEqual({ sort: "rank", skills: "rust,go", skills_match: "all", hourly_rate_min: 4550, hourly_rate_max: 12000, min_rating: 4, min_completed_jobs: 2, level: "level_2" });
  });

  it("reports filters it cannot read", () => {
    const { query, errors } = freelancerQuery({ ...EMPTY_FREELANCER_FILTERS, hourly_rate_min: "100", hourly_rate_max: "50", min_completed_jobs: "a few" });
    expect(errors).toEqual({ hourly_rate_max: "The maximum must not be below the minimum.", min_completed_jobs: "Enter a whole number." });
    expect(query).toEqual({ sort: "rank", hourly_rate_min: 10000 });
  });
});
