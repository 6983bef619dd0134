import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { setSession } from "../api/session";
import { CLIENT_ID, dispute, DISPUTE_ID } from "../test/fixtures";
import { disputeContext } from "../test/disputePage";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { DisputesPage } from "./DisputesPage";

function open(items: ReturnType<typeof dispute>[]) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: CLIENT_ID, email: "x@example.com", name: "X", role: "client" } });
  mockApi({ ...disputeContext(), "GET /api/disputes": () => json({ items, next_cursor: null }) });
  renderWithProviders(<DisputesPage />);
}

describe("DisputesPage", () => {
  it("lists the caller's disputes with what they are about and where they stand", async () => {
    open([dispute(), dispute({ id: "d2", milestone_id: null, hourly_week_id: "w1", status: "resolved", amount: { amount: 8000, currency: "usd" } })]);
    const list = await screen.findByRole("list", { name: "Disputes" });
    const first = await within(list).findByRole("link", { name: "Dispute over “Design”" });
    expect(first).toHaveAttribute("href", `/disputes/${DISPUTE_ID}`);
    const item = first.closest("li")!;
    expect(within(item).getByText("$200.00 held")).toBeInTheDocument();
    expect(within(item).getByText("Response due Dec 6, 2099, 10:00 AM UTC")).toBeInTheDocument();
    const week = within(list).getByRole("link", { name: "Dispute over An hourly week" }).closest("li")!;
    expect(within(week).getByText("Decided")).toBeInTheDocument();
    expect(within(week).queryByText(/Response due/)).toBeNull();
  });

  it("says how to open one when there are none", async () => {
    open([]);
    expect(await screen.findByRole("heading", { name: "No disputes" })).toBeInTheDocument();
  });
});
