import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { CLIENT_ID, dispute, DISPUTE_ID, FREELANCER_ID } from "../test/fixtures";
import { openDispute } from "../test/disputePage";
import { json } from "../test/utils";

const path = `/api/disputes/${DISPUTE_ID}`;
const open = dispute();

describe("DisputePage", () => {
  it("shows the other party what is disputed, the deadline and the evidence, and takes their response once", async () => {
    const { calls, state, user } = openDispute(FREELANCER_ID, open, {
      [`POST ${path}/respond`]: ({ body }) => {
        const { message } = body as { message: string };
        state.dispute = {
          ...open,
          responded_at: "2026-11-30T09:00:00Z",
          timeline: [...open.timeline, { id: "e2", author_id: FREELANCER_ID, kind: "response", body: message, file_ids: [], created_at: "2026-11-30T09:00:00Z" }],
        };
        return json(state.dispute);
      },
    });
    expect(await screen.findByRole("heading", { name: "Dispute over “Design”" })).toBeInTheDocument();
    expect(screen.getByText("Open")).toBeInTheDocument();
    expect(screen.getByText("The work is not good enough")).toBeInTheDocument();
    expect(await screen.findByText("You have until Dec 6, 2099, 10:00 AM UTC to respond.")).toBeInTheDocument();
    const timeline = screen.getByRole("list", { name: "Dispute timeline" });
    expect(await within(timeline).findByText("Cleo Client opened the dispute")).toBeInTheDocument();
    expect(within(timeline).getByText("The mockups ignore the brand guide.")).toBeInTheDocument();
    expect(within(timeline).getByRole("button", { name: "Download attachment 1" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Withdraw dispute" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Respond" }));
    const form = screen.getByRole("form", { name: "Respond to the dispute" });
    await user.click(within(form).getByRole("button", { name: "Send response" }));
    expect(within(form).getByText("Write a message.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Your response"), "They follow the guide we agreed on.");
    await user.click(within(form).getByRole("button", { name: "Send response" }));

    expect(await within(timeline).findByText("You responded")).toBeInTheDocument();
    expect(screen.getByText(/^You responded on Nov 30, 2026/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Respond" })).toBeNull();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ message: "They follow the guide we agreed on.", evidence_file_ids: [] });
  });

  it("lets the opener write on it and withdraw it after confirming", async () => {
    const { calls, state, user } = openDispute(CLIENT_ID, open, {
      [`POST ${path}/messages`]: ({ body }) => {
        const entry = { id: "e3", author_id: CLIENT_ID, kind: "message" as const, body: (body as { body: string }).body, file_ids: [], created_at: "2026-11-30T09:00:00Z" };
        state.dispute = { ...state.dispute, timeline: [...state.dispute.timeline, entry] };
        return json(entry, 201);
      },
      [`POST ${path}/withdraw`]: () => {
        state.dispute = { ...state.dispute, status: "withdrawn", closed_at: "2026-11-30T10:00:00Z" };
        return json(state.dispute);
      },
    });
    expect(await screen.findByText("Finn Freelancer has until Dec 6, 2099, 10:00 AM UTC to respond.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Respond" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Write a message" }));
    await user.type(screen.getByLabelText("Message"), "Here is the brand guide.");
    await user.click(screen.getByRole("button", { name: "Send message" }));
    expect(await screen.findByText("Here is the brand guide.")).toBeInTheDocument();
    expect(screen.getByText("You wrote")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Withdraw dispute" }));
    const panel = screen.getByRole("group", { name: "Withdraw the dispute" });
    await user.click(within(panel).getByRole("button", { name: "Withdraw dispute" }));
    expect(await screen.findByText("Withdrawn")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Write a message" })).toBeNull();
    expect(calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual([`${path}/messages`, `${path}/withdraw`]);
  });

  it("shows the decision once an admin has made it", async () => {
    openDispute(FREELANCER_ID, {
      ...open,
      status: "resolved",
      responded_at: "2026-11-30T09:00:00Z",
      closed_at: "2026-12-01T09:00:00Z",
      resolution: { outcome: "split", client_amount: { amount: 12000, currency: "usd" }, freelancer_amount: { amount: 8000, currency: "usd" }, due_date: null, note: "Half the screens were done.", resolved_by: "admin" },
    });
    const decision = await screen.findByRole("region", { name: "Decision" });
    expect(decision).toHaveTextContent("Of the $200.00 held, $120.00 goes back to the client and $80.00 is paid to the freelancer, less the service fee.");
    expect(decision).toHaveTextContent("Half the screens were done.");
    expect(screen.getByText("Decided")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Write a message" })).toBeNull();
  });

  it("is not found for anyone else", async () => {
    openDispute(FREELANCER_ID, open, { [`GET ${path}`]: () => json({ error: { code: "dispute_not_found", message: "not found" } }, 404) });
    expect(await screen.findByRole("heading", { name: "Dispute not found" })).toBeInTheDocument();
  });
});
