import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import type { DisputeWithTimeline } from "../../api/types";
import { openAdmin } from "../../test/adminPages";
import { disputeContext } from "../../test/disputePage";
import { dispute, DISPUTE_ID } from "../../test/fixtures";
import { json } from "../../test/utils";

const resolvePath = `/api/admin/disputes/${DISPUTE_ID}/resolve`;

/** Opens one dispute as an admin; `state.dispute` is what the next read returns. */
function openDecision(resolve: (body: unknown, attempt: number) => Response, initial: DisputeWithTimeline = dispute()) {
  const state = { dispute: initial, attempts: 0 };
  const api = openAdmin(`/admin/disputes/${DISPUTE_ID}`, {
    ...disputeContext(),
    [`GET /api/disputes/${DISPUTE_ID}`]: () => json(state.dispute),
    [`POST ${resolvePath}`]: ({ body }) => {
      state.attempts += 1;
      return resolve(body, state.attempts);
    },
  });
  return { ...api, state };
}

describe("admin disputes", () => {
  it("queue the open disputes first, with the others a filter away", async () => {
    const { calls, user } = openAdmin("/admin/disputes", {
      ...disputeContext(),
      "GET /api/admin/disputes": ({ search }) =>
        json({ items: new URLSearchParams(search).get("status") === "open" ? [dispute()] : [], next_cursor: null }),
    });
    const queue = await screen.findByRole("list", { name: "Dispute queue" });
    expect(await within(queue).findByRole("link", { name: "Dispute over “Design”" })).toHaveAttribute("href", `/admin/disputes/${DISPUTE_ID}`);
    await user.selectOptions(screen.getByLabelText("Show"), "Decided");
    expect(await screen.findByText("No disputes.")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/admin/disputes?status=resolved");
    expect(calls.filter((c) => c.path === "/api/admin/disputes").map((c) => c.search)).toEqual(["?status=open", "?status=resolved"]);
  });

  it("split the money only in parts that add up to what is held, confirmed, with one key across retries", async () => {
    const { calls, state, user } = openDecision((body, attempt) => {
      if (attempt === 1) return json({ error: { code: "validation_failed", message: "validation failed", fields: { client_amount: "the parts must add up to the $200.00 held" } } }, 422);
      const resolution = { ...(body as object), due_date: null, resolved_by: "admin" } as DisputeWithTimeline["resolution"];
      state.dispute = { ...state.dispute, status: "resolved", resolution, closed_at: "2026-12-01T10:00:00Z" };
      return json(state.dispute);
    });
    const form = await screen.findByRole("form", { name: "Decide the dispute" });
    expect(within(form).getByText("Where the $200.00 held goes")).toBeInTheDocument();
    await user.click(within(form).getByLabelText("Split between them"));
    await user.type(within(form).getByLabelText("To the client (USD)"), "120");
    await user.type(within(form).getByLabelText("To the freelancer (USD)"), "70");
    await user.click(within(form).getByRole("button", { name: "Review decision" }));
    expect(within(form).getByText("The two parts must add up to the $200.00 held; they come to $190.00.")).toBeInTheDocument();
    expect(within(form).getByText("Say why; both parties read it.")).toBeInTheDocument();

    await user.clear(within(form).getByLabelText("To the freelancer (USD)"));
    await user.type(within(form).getByLabelText("To the freelancer (USD)"), "80");
    await user.type(within(form).getByLabelText("Note to both parties"), "Half the screens were done.");
    await user.click(within(form).getByRole("button", { name: "Review decision" }));

    const panel = screen.getByRole("group", { name: "Confirm the decision" });
    expect(panel).toHaveTextContent("Of the $200.00 held, $120.00 goes back to the client and $80.00 is paid to the freelancer");
    await user.click(within(panel).getByRole("button", { name: "Decide dispute" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("Client amount: the parts must add up to the $200.00 held");
    await user.click(within(panel).getByRole("button", { name: "Decide dispute" }));

    expect(await screen.findByRole("region", { name: "Decision" })).toHaveTextContent("Half the screens were done.");
    expect(screen.queryByRole("form", { name: "Decide the dispute" })).toBeNull();
    const posts = calls.filter((c) => c.path === resolvePath);
    expect(posts.map((c) => c.body)).toEqual(
      Array(2).fill({ outcome: "split", note: "Half the screens were done.", client_amount: { amount: 12000, currency: "usd" }, freelancer_amount: { amount: 8000, currency: "usd" } }),
    );
    const keys = posts.map((c) => c.headers.get("Idempotency-Key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("send a milestone back for rework by a later day, or refund it", async () => {
    const { calls, user } = openDecision(() => json(dispute()));
    const form = await screen.findByRole("form", { name: "Decide the dispute" });
    await user.click(within(form).getByLabelText("Send the milestone back for rework"));
    await user.type(within(form).getByLabelText("Note to both parties"), "Redo it to the guide.");
    await user.click(within(form).getByRole("button", { name: "Review decision" }));
    expect(within(form).getByText("Pick the new due date.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("New due date"), "2099-01-31");
    await user.click(within(form).getByRole("button", { name: "Review decision" }));
    const panel = screen.getByRole("group", { name: "Confirm the decision" });
    expect(panel).toHaveTextContent("due Jan 31, 2099; the $200.00 stays in escrow");
    await user.click(within(panel).getByRole("button", { name: "Change it" }));

    await user.click(screen.getByLabelText("Refund the client"));
    await user.click(screen.getByRole("button", { name: "Review decision" }));
    await user.click(within(screen.getByRole("group", { name: "Confirm the decision" })).getByRole("button", { name: "Decide dispute" }));
    await waitFor(() => expect(calls.filter((c) => c.path === resolvePath)).toHaveLength(1));
    expect(calls.find((c) => c.path === resolvePath)?.body).toEqual({ outcome: "refund", note: "Redo it to the guide." });
  });

  it("offer no rework for an hourly week", async () => {
    openDecision(() => json(dispute()), dispute({ milestone_id: null, hourly_week_id: "w1" }));
    const form = await screen.findByRole("form", { name: "Decide the dispute" });
    expect(within(form).getByLabelText("Pay the freelancer")).toBeInTheDocument();
    expect(within(form).queryByLabelText("Send the milestone back for rework")).toBeNull();
  });
});
