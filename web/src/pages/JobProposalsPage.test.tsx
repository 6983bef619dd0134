import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { setSession } from "../api/session";
import { fixedJob, receivedProposal, suggestedFreelancer } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { JobProposalsPage } from "./JobProposalsPage";

const job = fixedJob({ hires_count: 1 });

describe("JobProposalsPage", () => {
  it("shows each proposal's sender and contract from the list alone", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: job.client_id, email: "c@example.com", name: "Cleo", role: "client" } });
    const hired = receivedProposal({ status: "hired", contract_id: "c-1" });
    const other = receivedProposal({
      id: "01a223f6-2b25-7411-bfbd-000000000002",
      freelancer_id: "u-2",
      freelancer: { id: "u-2", name: "Gail Other", avatar_url: "/api/files/f-1", location: null },
    });
    const { calls } = mockApi({
      [`GET /api/jobs/${job.id}`]: () => json(job),
      [`GET /api/jobs/${job.id}/proposals`]: () => json({ items: [hired, other], next_cursor: null }),
      [`GET /api/jobs/${job.id}/suggested-freelancers`]: () => json({ items: [suggestedFreelancer({ freelancer: { id: "u-3", name: "Hal Helper", avatar_url: null } })] }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/jobs/:id/proposals" element={<JobProposalsPage />} />
      </Routes>,
      { route: `/jobs/${job.id}/proposals` },
    );

    const finn = await screen.findByRole("article", { name: "Finn Freelancer" });
    expect(finn).toHaveTextContent("Lisbon, Portugal");
    expect(screen.getByRole("link", { name: "View contract" })).toHaveAttribute("href", "/contracts/c-1");
    expect(screen.getByRole("img", { name: "Gail Other's avatar" })).toHaveAttribute("src", "/api/files/f-1");
    expect(screen.getByRole("link", { name: "Message Finn Freelancer" })).toHaveAttribute("href", `/messages/${hired.freelancer.id}`);
    expect(screen.getByRole("link", { name: "Message Gail Other" })).toHaveAttribute("href", "/messages/u-2");
    const suggested = screen.getByRole("region", { name: "Suggested freelancers" });
    expect(await within(suggested).findByRole("listitem", { name: "Hal Helper" })).toHaveTextContent("86% match");
    expect(calls.map((c) => c.path).sort()).toEqual([`/api/jobs/${job.id}`, `/api/jobs/${job.id}/proposals`, `/api/jobs/${job.id}/suggested-freelancers`]);
  });

  it("suggests no one for a job that is no longer open", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: job.client_id, email: "c@example.com", name: "Cleo", role: "client" } });
    const { calls } = mockApi({
      [`GET /api/jobs/${job.id}`]: () => json({ ...job, status: "filled" }),
      [`GET /api/jobs/${job.id}/proposals`]: () => json({ items: [], next_cursor: null }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/jobs/:id/proposals" element={<JobProposalsPage />} />
      </Routes>,
      { route: `/jobs/${job.id}/proposals` },
    );
    expect(await screen.findByRole("heading", { name: "No proposals yet" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Suggested freelancers" })).toBeNull();
    expect(calls.some((c) => c.path.endsWith("/suggested-freelancers"))).toBe(false);
  });
});
