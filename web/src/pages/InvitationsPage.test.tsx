import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fixedJob, jobSummary, proposal } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { InvitationsPage } from "./InvitationsPage";

const job = fixedJob();
const invitation = {
  id: "i1",
  job_id: job.id,
  freelancer_id: proposal().freelancer_id,
  message: "Your portfolio looks right for this.",
  status: "pending",
  created_at: "2026-11-28T21:00:00Z",
  job: jobSummary(job),
};

describe("InvitationsPage", () => {
  it("accepts an invitation with a proposal that answers the job's questions", async () => {
    const { calls } = mockApi({
      "GET /api/invitations": () => json({ items: [invitation], next_cursor: null }),
      [`GET /api/jobs/${job.id}`]: () => json(job),
      "POST /api/invitations/i1/accept": () => json(proposal(), 201),
    });
    const user = userEvent.setup();
    renderWithProviders(<InvitationsPage />);
    const item = await screen.findByRole("listitem", { name: job.title });
    expect(item).toHaveTextContent("Your portfolio looks right for this.");
    expect(new URLSearchParams(calls[0].search).get("status")).toBe("pending");

    await user.click(within(item).getByRole("button", { name: "Accept and propose" }));
    await user.type(await within(item).findByLabelText("Your bid for the whole job (USD)"), "450");
    await user.type(within(item).getByLabelText("Cover letter"), "Happy to help with this landing page.");
    await user.type(within(item).getByLabelText("Which similar pages have you built?"), "Several.");
    await user.click(within(item).getByRole("button", { name: "Accept and send proposal" }));

    await waitFor(() => expect(calls.some((c) => c.path === "/api/invitations/i1/accept")).toBe(true));
    expect(calls.find((c) => c.path === "/api/invitations/i1/accept")?.body).toMatchObject({
      amount: { amount: 45000, currency: "usd" },
      answers: ["Several."],
    });
  });

  it("declines an invitation", async () => {
    const { calls } = mockApi({
      "GET /api/invitations": () => json({ items: [invitation], next_cursor: null }),
      "POST /api/invitations/i1/decline": () => json({ ...invitation, status: "declined" }),
    });
    const user = userEvent.setup();
    renderWithProviders(<InvitationsPage />);
    await user.click(await screen.findByRole("button", { name: "Decline" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST" && c.path === "/api/invitations/i1/decline")).toBe(true));
  });
});
