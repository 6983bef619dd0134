import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { setSession } from "../api/session";
import { categories, fixedJob, freelancerProfile } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { JobPage } from "./JobPage";

const job = fixedJob();

function open(userId: string | null, role: "client" | "freelancer" = "freelancer") {
  if (userId) setSession({ accessToken: "a", refreshToken: "r", user: { id: userId, email: "x@example.com", name: "X", role } });
  const api = mockApi({
    [`GET /api/jobs/${job.id}`]: () => json(job),
    "GET /api/categories": () => json(categories),
    [`GET /api/users/${job.client_id}`]: () => json(freelancerProfile({ id: job.client_id, name: "Cleo Client", role: "client", roles: ["client"], freelancer: null })),
    "GET /api/users/profile": () => json(freelancerProfile({ role, roles: [role] })),
    [`POST /api/jobs/${job.id}/close`]: () => json({ ...job, status: "closed" }),
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
    open("freelancer-1");
    expect(await screen.findByRole("heading", { level: 1, name: job.title })).toBeInTheDocument();
    expect(screen.getByText("$500.00")).toBeInTheDocument();
    expect(await screen.findByText("Web Development")).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Cleo Client" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Submit a proposal" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Manage this job" })).not.toBeInTheDocument();
  });

  it("asks a visitor to log in to propose", async () => {
    open(null);
    await screen.findByRole("heading", { level: 1, name: job.title });
    expect(screen.getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
    expect(screen.queryByRole("form", { name: "Proposal" })).not.toBeInTheDocument();
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
});
