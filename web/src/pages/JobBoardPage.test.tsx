import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { categories, fixedJob, hourlyJob, jobSummary } from "../test/fixtures";
import { CurrentLocation, json, mockApi, renderWithProviders } from "../test/utils";
import { JobBoardPage } from "./JobBoardPage";

const facets = {
  categories: [
    { value: "web-development", count: 3 },
    { value: "design-creative", count: 1 },
  ],
  payment_types: [
    { value: "fixed", count: 2 },
    { value: "hourly", count: 2 },
  ],
};

function board(route: string, pages: Record<string, unknown> = {}) {
  const api = mockApi({
    "GET /api/categories": () => json(categories),
    "GET /api/jobs": ({ search }) => {
      const cursor = new URLSearchParams(search).get("cursor") ?? "";
      return json(pages[cursor] ?? { items: [jobSummary(fixedJob())], next_cursor: null, facets });
    },
  });
  const user = userEvent.setup();
  renderWithProviders(
    <>
      <JobBoardPage />
      <CurrentLocation />
    </>,
    { route },
  );
  const searches = () => api.calls.filter((c) => c.path === "/api/jobs").map((c) => Object.fromEntries(new URLSearchParams(c.search)));
  return { ...api, user, searches };
}

const location = () => screen.getByTestId("location").textContent;

describe("JobBoardPage", () => {
  it("searches with the filters in the URL, amounts in cents", async () => {
    const { searches } = board("/jobs?q=landing&budget_min=100&budget_max=2500.50&skills=react,css&posted_within_days=7&category=web-development");
    expect(await screen.findByRole("link", { name: "Build a landing page" })).toHaveAttribute("href", `/jobs/${fixedJob().id}`);
    expect(searches()[0]).toEqual({
      q: "landing",
      category: "web-development",
      budget_min: "10000",
      budget_max: "250050",
      skills: "react,css",
      posted_within_days: "7",
      sort: "relevance",
      limit: "20",
    });
    // The inputs show what the URL holds.
    expect(screen.getByRole("searchbox", { name: "Search jobs" })).toHaveValue("landing");
    expect(screen.getByLabelText("Budget to ($)")).toHaveValue("2500.50");
    expect(screen.getByRole("radio", { name: /Web Development/ })).toBeChecked();
  });

  it("shows facet counts next to the category and payment type choices", async () => {
    board("/jobs");
    await screen.findByRole("link", { name: "Build a landing page" });
    const category = screen.getByRole("group", { name: "Category" });
    await within(category).findByText("Web Development");
    expect(within(category).getByRole("radio", { name: /Web Development/ }).closest("label")).toHaveTextContent("Web Development3");
    expect(within(category).getByRole("radio", { name: /Design & Creative/ }).closest("label")).toHaveTextContent("Design & Creative1");
    const payment = screen.getByRole("group", { name: "Payment type" });
    expect(within(payment).getByRole("radio", { name: /Hourly/ }).closest("label")).toHaveTextContent("Hourly2");
  });

  it("puts choices and typed filters into the URL", async () => {
    const { user, searches } = board("/jobs");
    await screen.findByRole("link", { name: "Build a landing page" });

    await user.click(screen.getByRole("radio", { name: /Hourly/ }));
    expect(location()).toBe("/jobs?payment_type=hourly");
    // Budget filters are for fixed-price jobs only.
    expect(screen.queryByLabelText("Budget from ($)")).not.toBeInTheDocument();

    await user.type(screen.getByLabelText("Hourly from ($)"), "25.5");
    await user.type(screen.getByRole("searchbox", { name: "Search jobs" }), "rust api");
    await user.click(screen.getByRole("button", { name: "Search" }));
    expect(location()).toBe("/jobs?q=rust+api&payment_type=hourly&hourly_rate_min=25.5");
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ q: "rust api", payment_type: "hourly", hourly_rate_min: "2550", sort: "relevance" }));

    await user.selectOptions(screen.getByLabelText("Sort by"), "budget");
    expect(location()).toContain("sort=budget");

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(location()).toBe("/jobs?q=rust+api&sort=budget");
  });

  it("explains a filter it cannot read, next to the filter", async () => {
    const { searches } = board("/jobs?budget_min=lots&budget_max=50");
    await screen.findByRole("link", { name: "Build a landing page" });
    expect(screen.getByLabelText("Budget from ($)")).toHaveAccessibleDescription("Enter an amount like 45 or 45.50.");
    expect(searches()[0]).toEqual({ budget_max: "5000", sort: "newest", limit: "20" });
  });

  it("loads more with the cursor", async () => {
    const { user, searches } = board("/jobs", {
      "": { items: [jobSummary(fixedJob())], next_cursor: "page-2", facets },
      "page-2": { items: [jobSummary(hourlyJob())], next_cursor: null, facets },
    });
    await screen.findByRole("link", { name: "Build a landing page" });
    expect(screen.getByText("1+ jobs found")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Load more jobs" }));
    expect(await screen.findByRole("link", { name: "Maintain our API" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Build a landing page" })).toBeInTheDocument();
    expect(searches()[1]).toMatchObject({ cursor: "page-2" });
    expect(screen.queryByRole("button", { name: "Load more jobs" })).not.toBeInTheDocument();
    expect(screen.getByText("2 jobs found")).toBeInTheDocument();
  });

  it("shows the server's messages for a refused search", async () => {
    mockApi({
      "GET /api/categories": () => json(categories),
      "GET /api/jobs": () =>
        json({ error: { code: "validation_failed", message: "validation failed", fields: { posted_within_days: "must be between 1 and 365" } } }, 422),
    });
    renderWithProviders(<JobBoardPage />, { route: "/jobs?posted_within_days=30" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
    expect(screen.getByLabelText("Posted")).toHaveAccessibleDescription("Must be between 1 and 365");
  });
});
