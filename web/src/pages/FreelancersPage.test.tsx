import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FreelancerCard, OwnJobSummary } from "../api/types";
import { fixedJob, hourlyJob, jobSummary } from "../test/fixtures";
import { CurrentLocation, json, mockApi, renderWithProviders } from "../test/utils";
import { FreelancersPage } from "./FreelancersPage";

const rita: FreelancerCard = {
  id: "01a22408-777d-7138-9d4a-ad571288ce97",
  name: "Rita Rust",
  avatar_url: null,
  avatar_file_id: null,
  location: "Lisbon, Portugal",
  headline: "Rust backend engineer",
  hourly_rate: { amount: 9000, currency: "usd" },
  availability: "part_time",
  experience_level: "expert",
  skills: [{ slug: "rust", name: "Rust" }],
  completed_jobs: 3,
  rating: 4.75,
  rating_count: 4,
  rank_score: 700,
  level: "level_1",
  member_since: "2026-11-28T21:21:04Z",
};

const own = (job = fixedJob()): OwnJobSummary => ({ ...jobSummary(job), hires_wanted: 1, hires_count: 0, proposals: 0, active_proposals: 0 });

function setup(route = "/freelancers", extra: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({ "GET /api/freelancers": () => json({ items: [rita], next_cursor: null }), ...extra });
  const user = userEvent.setup();
  renderWithProviders(
    <>
      <FreelancersPage />
      <CurrentLocation />
    </>,
    { route },
  );
  const searches = () => api.calls.filter((c) => c.path === "/api/freelancers").map((c) => Object.fromEntries(new URLSearchParams(c.search)));
  return { ...api, user, searches };
}

describe("FreelancersPage", () => {
  it("searches with the URL's filters and shows each freelancer's record", async () => {
    const { searches } = setup("/freelancers?q=rust&hourly_rate_max=120.5&availability=part_time&min_rating=4.5");
    const card = await screen.findByRole("article", { name: "Rita Rust" });
    expect(searches()[0]).toEqual({ q: "rust", hourly_rate_max: "12050", availability: "part_time", min_rating: "4.5", sort: "rank", limit: "20" });
    expect(card).toHaveTextContent("$90.00/hr");
    expect(card).toHaveTextContent("★ 4.8 (4 reviews)");
    expect(card).toHaveTextContent("3 jobs completed");
    expect(card).toHaveTextContent("Expert");
    expect(card).toHaveTextContent("Part time");
  });

  it("keeps typed filters in the URL", async () => {
    const { user, searches } = setup();
    await screen.findByRole("article", { name: "Rita Rust" });
    await user.type(screen.getByLabelText("Rate from ($/hr)"), "40");
    await user.type(screen.getByLabelText("Location"), "Lisbon");
    await user.click(screen.getByRole("button", { name: "Apply filters" }));
    expect(screen.getByTestId("location")).toHaveTextContent("/freelancers?hourly_rate_min=40&location=Lisbon");
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ hourly_rate_min: "4000", location: "Lisbon" }));
    await user.selectOptions(screen.getByLabelText("Sort by"), "rate_low");
    expect(screen.getByTestId("location")).toHaveTextContent("sort=rate_low");
  });

  it("invites a freelancer to one of the caller's open jobs", async () => {
    const second = hourlyJob();
    const { calls, user } = setup("/freelancers", {
      "GET /api/jobs/mine": () => json({ items: [own(), own(second)], next_cursor: null }),
      [`POST /api/jobs/${second.id}/invitations`]: () => json({ id: "i1" }, 201),
    });
    const card = await screen.findByRole("article", { name: "Rita Rust" });
    await user.click(within(card).getByRole("button", { name: "Invite to job" }));
    const form = await within(card).findByRole("form", { name: "Invite Rita Rust" });
    expect(new URLSearchParams(calls.find((c) => c.path === "/api/jobs/mine")?.search).get("status")).toBe("open");
    await user.selectOptions(within(form).getByLabelText("Job"), "Maintain our API");
    await user.type(within(form).getByLabelText("Message (optional)"), "Would love your help.");
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));
    expect(await within(card).findByRole("status")).toHaveTextContent("Invited Rita Rust to “Maintain our API”.");
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ freelancer_id: rita.id, message: "Would love your help." });
  });

  it("explains a refused invitation", async () => {
    const { user } = setup("/freelancers", {
      "GET /api/jobs/mine": () => json({ items: [own()], next_cursor: null }),
      [`POST /api/jobs/${fixedJob().id}/invitations`]: () => json({ error: { code: "already_invited", message: "this freelancer is already invited" } }, 409),
    });
    await user.click(await screen.findByRole("button", { name: "Invite to job" }));
    await user.click(await screen.findByRole("button", { name: "Send invitation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This freelancer is already invited");
  });

  it("sends a client without open jobs to post one", async () => {
    const { user } = setup("/freelancers", { "GET /api/jobs/mine": () => json({ items: [], next_cursor: null }) });
    await user.click(await screen.findByRole("button", { name: "Invite to job" }));
    expect(await screen.findByRole("link", { name: "Post a job" })).toHaveAttribute("href", "/jobs/new");
  });
});
