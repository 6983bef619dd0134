import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Job, ReceivedProposal } from "../api/types";
import { fixedJob, hourlyJob, receivedProposal as proposal } from "../test/fixtures";
import { CurrentLocation, json, mockApi, renderWithProviders } from "../test/utils";
import { ProposalReview } from "./ProposalReview";

const contract = { id: "c-1", job_id: fixedJob().id, proposal_id: proposal().id, milestones: [] };

function setup(job: Job, bid: ReceivedProposal, extra: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi(extra);
  const user = userEvent.setup();
  renderWithProviders(
    <>
      <ProposalReview job={job} proposal={bid} />
      <CurrentLocation />
    </>,
  );
  return { ...api, user };
}

describe("ProposalReview", () => {
  it("shows who sent the proposal without looking them up", () => {
    const { calls } = setup(fixedJob(), proposal());
    const card = screen.getByRole("article", { name: "Finn Freelancer" });
    expect(screen.getByRole("link", { name: "Finn Freelancer" })).toHaveAttribute("href", `/users/${proposal().freelancer.id}`);
    expect(card).toHaveTextContent("Lisbon, Portugal");
    expect(card).toHaveTextContent("FF"); // initials, as there is no avatar
    expect(screen.queryByRole("link", { name: "View contract" })).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it("links a hired proposal to its contract", () => {
    setup(fixedJob(), proposal({ status: "hired", contract_id: "c-1" }));
    expect(screen.getByRole("link", { name: "View contract" })).toHaveAttribute("href", "/contracts/c-1");
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("hires on an hourly job with a weekly limit, then shows the contract", async () => {
    const job = hourlyJob();
    const bid = proposal({ job_id: job.id, amount: { amount: 5000, currency: "usd" }, answers: [] });
    const { calls, user } = setup(job, bid, { [`PUT /api/jobs/${job.id}/hire`]: () => json(contract, 201) });
    expect(screen.getByText("$50.00/hr")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Hire" }));
    const limit = screen.getByLabelText("Weekly limit (hours)");
    expect(limit).toHaveValue("20"); // the job's expected hours
    await user.clear(limit);
    await user.type(limit, "90");
    await user.click(screen.getByRole("button", { name: "Confirm hire" }));
    expect(limit).toHaveAccessibleDescription(expect.stringContaining("Enter whole hours from 1 to 80."));
    expect(calls.some((c) => c.method === "PUT")).toBe(false);

    await user.clear(limit);
    await user.type(limit, "10");
    await user.click(screen.getByRole("button", { name: "Confirm hire" }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/contracts/c-1"));
    expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ proposal_id: bid.id, weekly_limit_hours: 10 });
  });

  it("hires on a fixed-price job without a weekly limit", async () => {
    const { calls, user } = setup(fixedJob(), proposal(), { [`PUT /api/jobs/${fixedJob().id}/hire`]: () => json(contract, 201) });
    await user.click(await screen.findByRole("button", { name: "Hire" }));
    expect(screen.queryByLabelText("Weekly limit (hours)")).not.toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Hire Finn Freelancer" })).toHaveTextContent("Hire Finn Freelancer for $400.00?");
    await user.click(screen.getByRole("button", { name: "Confirm hire" }));
    await waitFor(() => expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ proposal_id: proposal().id, weekly_limit_hours: null }));
  });

  it("shortlists, and declines with a reason", async () => {
    const bid = proposal();
    const { calls, user } = setup(fixedJob(), bid, {
      [`POST /api/proposals/${bid.id}/shortlist`]: () => json({ ...bid, status: "shortlisted" }),
      [`POST /api/proposals/${bid.id}/decline`]: () => json({ ...bid, status: "declined" }),
    });
    await user.click(await screen.findByRole("button", { name: "Shortlist" }));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith("/shortlist"))?.body).toEqual({ shortlisted: true }));

    await user.click(screen.getByRole("button", { name: "Decline" }));
    await user.type(screen.getByLabelText("Reason (optional)"), "  We went with a local team.  ");
    await user.click(screen.getByRole("button", { name: "Decline proposal" }));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith("/decline"))?.body).toEqual({ reason: "We went with a local team." }));
  });

  it("offers to take a shortlisted proposal off the list", async () => {
    const bid = proposal({ status: "shortlisted" });
    const { calls, user } = setup(fixedJob(), bid, { [`POST /api/proposals/${bid.id}/shortlist`]: () => json({ ...bid, status: "submitted" }) });
    await user.click(await screen.findByRole("button", { name: "Remove from shortlist" }));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith("/shortlist"))?.body).toEqual({ shortlisted: false }));
  });

  it("shows a conflict from the server", async () => {
    const bid = proposal();
    const { user } = setup(fixedJob(), bid, {
      [`PUT /api/jobs/${fixedJob().id}/hire`]: () => json({ error: { code: "job_not_open", message: "the job is not open for hiring" } }, 409),
    });
    await user.click(await screen.findByRole("button", { name: "Hire" }));
    await user.click(screen.getByRole("button", { name: "Confirm hire" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The job is not open for hiring");
  });

  it("offers no actions on a proposal that is out of the running", async () => {
    setup(fixedJob(), proposal({ status: "withdrawn" }));
    await screen.findByRole("link", { name: "Finn Freelancer" });
    expect(screen.getByText("Withdrawn")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
