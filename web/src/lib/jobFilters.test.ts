import { describe, expect, it } from "vitest";
import { boardQuery, EMPTY_FILTERS, effectiveSort, filtersFromSearch, filtersToSearch, type BoardFilters } from "./jobFilters";

const read = (search: string) => filtersFromSearch(new URLSearchParams(search));

describe("job board filters and the query string", () => {
  it("reads every filter from the URL", () => {
    expect(
      read(
        "q=landing+page&category=web-development&payment_type=fixed&budget_min=100&budget_max=1%2C500.50&experience_level=expert&skills=react,rust&posted_within_days=7&deadline_before=2027-01-31&sort=budget",
      ),
    ).toEqual({
      ...EMPTY_FILTERS,
      q: "landing page",
      category: "web-development",
      payment_type: "fixed",
      budget_min: "100",
      budget_max: "1,500.50",
      experience_level: "expert",
      skills: ["react", "rust"],
      posted_within_days: "7",
      deadline_before: "2027-01-31",
      sort: "budget",
    });
  });

  it("drops values that cannot be meant", () => {
    expect(read("payment_type=barter&experience_level=guru&sort=random&posted_within_days=0&deadline_before=soon&skills=,,")).toEqual(EMPTY_FILTERS);
    expect(read("posted_within_days=1.5").posted_within_days).toBe("");
    expect(read("skills=react,react").skills).toEqual(["react"]);
  });

  it("writes only what is set, and round-trips", () => {
    const filters: BoardFilters = { ...EMPTY_FILTERS, q: " logo ", payment_type: "hourly", hourly_rate_min: "25", skills: ["figma", "illustrator"] };
    const search = filtersToSearch(filters);
    expect(search.toString()).toBe("q=logo&payment_type=hourly&hourly_rate_min=25&skills=figma%2Cillustrator");
    expect(read(search.toString())).toEqual({ ...filters, q: "logo" });
    expect(filtersToSearch(EMPTY_FILTERS).toString()).toBe("");
  });

  it("leaves the default sort out of the URL", () => {
    expect(filtersToSearch({ ...EMPTY_FILTERS, sort: "newest" }).toString()).toBe("");
    expect(filtersToSearch({ ...EMPTY_FILTERS, q: "logo", sort: "relevance" }).toString()).toBe("q=logo");
    expect(filtersToSearch({ ...EMPTY_FILTERS, q: "logo", sort: "newest" }).toString()).toBe("q=logo&sort=newest");
  });

  it("sorts by relevance only when there are words to match", () => {
    expect(effectiveSort(EMPTY_FILTERS)).toBe("newest");
    expect(effectiveSort({ ...EMPTY_FILTERS, q: "logo" })).toBe("relevance");
    expect(effectiveSort({ ...EMPTY_FILTERS, sort: "relevance" })).toBe("newest");
    expect(effectiveSort({ ...EMPTY_FILTERS, sort: "deadline" })).toBe("deadline");
  });
});

describe("boardQuery", () => {
  it("sends amounts typed in dollars as integer cents", () => {
    const { query, errors } = boardQuery({
      ...EMPTY_FILTERS,
      budget_min: "$1,000",
      budget_max: "2500.5",
      hourly_rate_min: "0.29",
      hourly_rate_max: "85.50",
    });
    expect(errors).toEqual({});
    expect(query).toMatchObject({ budget_min: 100000, budget_max: 250050, hourly_rate_min: 29, hourly_rate_max: 8550 });
  });

  it("joins skills with commas and passes the rest through", () => {
    const { query } = boardQuery({
      ...EMPTY_FILTERS,
      q: " rust api ",
      category: "web-development",
      payment_type: "fixed",
      experience_level: "entry",
      skills: ["rust", "postgresql"],
      posted_within_days: "3",
      deadline_before: "2027-02-01",
    });
    expect(query).toEqual({
      q: "rust api",
      category: "web-development",
      payment_type: "fixed",
      experience_level: "entry",
      skills: "rust,postgresql",
      posted_within_days: 3,
      deadline_before: "2027-02-01",
      sort: "relevance",
    });
  });

  it("reports unreadable amounts and leaves them out", () => {
    const { query, errors } = boardQuery({ ...EMPTY_FILTERS, budget_min: "ten", hourly_rate_max: "1.234" });
    expect(errors).toEqual({ budget_min: "Enter an amount like 45 or 45.50.", hourly_rate_max: "Use at most two decimal places." });
    expect(query).not.toHaveProperty("budget_min");
    expect(query).not.toHaveProperty("hourly_rate_max");
  });

  it("reports a range whose maximum is below its minimum", () => {
    const { query, errors } = boardQuery({ ...EMPTY_FILTERS, budget_min: "500", budget_max: "100" });
    expect(errors).toEqual({ budget_max: "The maximum must not be below the minimum." });
    expect(query.budget_min).toBe(50000);
    expect(query).not.toHaveProperty("budget_max");
  });

  it("never asks for relevance without words", () => {
    expect(boardQuery({ ...EMPTY_FILTERS, sort: "relevance" }).query.sort).toBe("newest");
  });
});
