import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { setSession } from "../api/session";
import type { Job, ProposalWithJob } from "../api/types";
import { categories, fixedJob, freelancerProfile, proposalWithJob } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { JobPage } from "./JobPage";

const job = fixedJob();

function open(userId: string | null, role: "client" | "freelancer" = "freelancer", mine: ProposalWithJob[] = [], shown: Job = job) {
  if (userId) setSession({ accessToken: "a", refreshToken: "r", user: { id: userId, email: "x@example.com", name: "X", role } });
  const api = mockApi({
    [`GET /api/jobs/${job.id}`]: () => json(shown),
    "GET /api/categories": () => json(categories),
    [`GET /api/users/${job.client_id}`]: () => json(freelancerProfile({ id: job.client_id, name: "Cleo Client", role: "client", roles: ["client"], freelancer: null })),
    "GET /api/users/profile": () => json(freelancerProfile({ role, roles: [role] })),
    "GET /api/proposals": () => json({ items: mine, next_cursor: null }),
    [`POST /api/jobs/${job.id}/close`]: () => json({ ...job, status: "closed" }),
    "POST /api/reports": () => json({ id: "r1" }, 201),
  });
  const user = userEvent.setup();
  renderWithProviders(
    <Routes>
      <Route path="/jobs/:id" element={<JobPage />} />
    </Routes>,
    { route: `/jobs/${job.id}` },
  );
  return { ...api, user };
}

describe("JobPage", () => {
  it("shows a freelancer the job and the proposal form", async () => {
    const { calls } = open("freelancer-1");
    expect(await screen.findByRole("heading", { level: 1, name: job.title })).toBeInTheDocument();
    expect(screen.getByText("$500.00")).toBeInTheDocument();
    expect(await screen.findByText("Web Development")).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Cleo Client" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Submit a proposal" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Manage this job" })).not.toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/proposals")?.search).toBe(`?job_id=${job.id}`);
  });

  it("tells a freelancer who already proposed, and links to their proposal instead of the form", async () => {
    const mine = proposalWithJob({ status: "shortlisted" });
    open("freelancer-1", "freelancer", [mine]);
    expect(await screen.findByRole("heading", { name: "You have already proposed" })).toBeInTheDocument();
    expect(screen.getByText("Shortlisted")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "View your proposal" })).toHaveAttribute("href", `/proposals/${mine.id}/edit`);
    expect(screen.getByRole("link", { name: "See my proposals" })).toHaveAttribute("href", "/my/proposals");
    expect(screen.queryByRole("form", { name: "Proposal" })).not.toBeInTheDocument();
  });

  it("links a hired freelancer to their contract", async () => {
    open("freelancer-1", "freelancer", [proposalWithJob({ status: "hired", contract_id: "c-1" })]);
    expect(await screen.findByRole("link", { name: "View contract" })).toHaveAttribute("href", "/contracts/c-1");
    expect(screen.queryByRole("link", { name: "View your proposal" })).not.toBeInTheDocument();
  });

  it("asks a visitor to log in to propose", async () => {
    const { calls } = open(null);
    await screen.findByRole("heading", { level: 1, name: job.title });
    expect(screen.getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
    expect(screen.queryByRole("form", { name: "Proposal" })).not.toBeInTheDocument();
    expect(calls.some((c) => c.path === "/api/proposals")).toBe(false);
  });

  it("lets the owner manage the job instead", async () => {
    const { calls, user } = open(job.client_id, "client");
    expect(await screen.findByRole("heading", { name: "Manage this job" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "View proposals" })).toHaveAttribute("href", `/jobs/${job.id}/proposals`);
    expect(screen.getByRole("link", { name: "Edit job" })).toHaveAttribute("href", `/jobs/${job.id}/edit`);
    expect(screen.queryByRole("heading", { name: "Submit a proposal" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Close job" }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/close"))).toBe(true));
    expect(await screen.findByRole("button", { name: "Reopen job" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Edit job" })).not.toBeInTheDocument();
  });

  it("tells the owner the moderators hid the job, and offers only what they may still do", async () => {
    open(job.client_id, "client", [], { ...job, status: "draft", hidden: true });
    expect(await screen.findByText("Hidden by the moderators.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Edit job" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Close job" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Publish" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Share with friends" })).toBeNull();
  });

  it("tells the owner the moderators closed the job, which only they reopen", async () => {
    open(job.client_id, "client", [], { ...job, status: "closed", closed_by_admin: true });
    expect(await screen.findByText(/Closed by the moderators\./)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Reopen job" })).toBeNull();
  });

  it("lets anyone logged in share an open public job with friends", async () => {
    open("freelancer-1");
    expect(await screen.findByRole("button", { name: "Share with friends" })).toBeInTheDocument();
  });

  it("keeps an invite-only job's sharing to its owner", async () => {
    const inviteOnly = { ...job, visibility: "invite_only" as const };
    open("freelancer-1", "freelancer", [], inviteOnly);
    await screen.findByRole("heading", { name: "Submit a proposal" });
    expect(screen.queryByRole("button", { name: "Share with friends" })).not.toBeInTheDocument();
  });

  it("lets the owner share their invite-only job", async () => {
    open(job.client_id, "client", [], { ...job, visibility: "invite_only" });
    expect(await screen.findByRole("button", { name: "Share with friends" })).toBeInTheDocument();
  });

  it("offers no sharing to visitors", async () => {
    open(null);
    await screen.findByRole("heading", { level: 1, name: job.title });
    expect(screen.queryByRole("button", { name: "Share with friends" })).not.toBeInTheDocument();
  });

  it("offers no sharing of a job that is not open", async () => {
    open("freelancer-1", "freelancer", [], { ...job, status: "closed" });
    await screen.findByRole("heading", { level: 1, name: job.title });
    expect(screen.queryByRole("button", { name: "Share with friends" })).not.toBeInTheDocument();
  });

  it("lets someone logged in report the job, but not its owner or a visitor", async () => {
    const { calls, user } = open("freelancer-1");
    await user.click(await screen.findByRole("button", { name: "Report this job" }));
    const form = screen.getByRole("form", { name: "Report this job" });
    await user.selectOptions(within(form).getByLabelText("Reason"), "Fraud or scam");
    await user.click(within(form).getByRole("button", { name: "Send report" }));
    expect(await screen.findByText(/we received your report/)).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/reports")?.body).toEqual({ subject_kind: "job", subject_id: job.id, reason: "fraud", details: "" });
  });

  it("offers no report to a visitor", async () => {
    open(null);
    await screen.findByRole("heading", { level: 1, name: job.title });
    expect(screen.queryByRole("button", { name: "Report this job" })).not.toBeInTheDocument();
  });
});
