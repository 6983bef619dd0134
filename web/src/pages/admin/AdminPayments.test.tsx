import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import type { LedgerEntry, Milestone, Payout } from "../../api/types";
import { openAdmin } from "../../test/adminPages";
import { CLIENT_ID, FREELANCER_ID } from "../../test/fixtures";
import { json } from "../../test/utils";

const CONTRACT_ID = "01a22400-7777-7000-8000-0000000000c7";
const MILESTONE_ID = "01a22400-8888-7000-8000-0000000000e8";
const NIL = "00000000-0000-0000-0000-000000000000";
const usd = (amount: number) => ({ amount, currency: "usd" as const });

const funding: LedgerEntry = {
  id: "01a22400-6666-7000-8000-0000000000f1",
  kind: "fund",
  contract_id: CONTRACT_ID,
  milestone_id: MILESTONE_ID,
  user_id: CLIENT_ID,
  created_at: "2026-11-28T15:05:00Z",
  postings: [
    { account_kind: "provider_clearing", account_id: NIL, amount: usd(-21000) },
    { account_kind: "escrow", account_id: CONTRACT_ID, amount: usd(20000) },
    { account_kind: "platform_revenue", account_id: NIL, amount: usd(1000) },
  ],
};

const refunded: Milestone = { id: MILESTONE_ID, position: 0, title: "Design", amount: usd(20000), status: "refunded" };

const payout: Payout = {
  id: "01a22400-9999-7000-8000-0000000000b1",
  user_id: FREELANCER_ID,
  amount: usd(5000),
  status: "paid",
  provider: "sandbox",
  destination: "acct_123",
  reference: "po_1",
  created_at: "2026-11-29T09:00:00Z",
};

describe("admin payments", () => {
  it("list the ledger's transactions with their postings, filtered in the address", async () => {
    const { calls, user } = openAdmin("/admin/payments", {
      "GET /api/admin/payments/transactions": () => json({ items: [funding], next_cursor: null }),
    });
    const entry = await screen.findByRole("article", { name: "Milestone funded, Nov 28, 2026, 3:05 PM UTC" });
    expect(within(screen.getByRole("navigation", { name: "Admin" })).getByRole("link", { name: "Payments" })).toHaveAttribute("href", "/admin/payments");
    expect(within(entry).getAllByRole("link", { name: `Contract ${CONTRACT_ID.slice(-8)}` })[0]).toHaveAttribute("href", `/contracts/${CONTRACT_ID}`);
    expect(within(entry).getByText(`Milestone ${MILESTONE_ID.slice(-8)}`, { exact: false })).toBeInTheDocument();
    expect(within(entry).getByRole("row", { name: "Payment provider -$210.00" })).toBeInTheDocument();
    expect(within(entry).getByRole("row", { name: `Escrow Contract ${CONTRACT_ID.slice(-8)} +$200.00` })).toBeInTheDocument();
    expect(within(entry).getByRole("row", { name: "Platform revenue +$10.00" })).toBeInTheDocument();

    // Pasted, as an id is copied from elsewhere.
    await user.click(screen.getByLabelText("Contract id"));
    await user.paste(CONTRACT_ID);
    await user.type(screen.getByLabelText("From (UTC)"), "2026-11-01");
    await user.type(screen.getByLabelText("To (UTC)"), "2026-11-30");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await user.selectOptions(screen.getByLabelText("Movement"), "Refund");
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(`/admin/payments?contract=${CONTRACT_ID}&kind=refund&from=2026-11-01&to=2026-11-30`));
    const sent = new URLSearchParams(calls.filter((c) => c.path === "/api/admin/payments/transactions").at(-1)?.search);
    expect(Object.fromEntries(sent)).toEqual({ contract: CONTRACT_ID, kind: "refund", from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" });
  });

  it("refund the milestone a transaction funded, with a reason, confirmed, with one key across retries", async () => {
    let attempts = 0;
    const { calls, user } = openAdmin("/admin/payments", {
      "GET /api/admin/payments/transactions": () => json({ items: [funding], next_cursor: null }),
      "POST /api/admin/payments/refunds": () => {
        attempts += 1;
        return attempts === 1 ? json({ error: { code: "provider_unavailable", message: "the payment provider did not answer" } }, 503) : json(refunded);
      },
    });
    const entry = await screen.findByRole("article", { name: /Milestone funded/ });
    await user.click(within(entry).getByRole("button", { name: "Refund this milestone" }));
    const form = screen.getByRole("form", { name: "Refund a milestone" });
    expect(within(form).getByLabelText("Milestone id")).toHaveValue(MILESTONE_ID);
    await user.click(within(form).getByRole("button", { name: "Continue" }));
    expect(within(form).getByText("Say why; it goes in the audit log.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Reason"), "The freelancer left the platform");
    await user.click(within(form).getByRole("button", { name: "Continue" }));

    const panel = screen.getByRole("group", { name: "Confirm the refund" });
    expect(panel).toHaveTextContent(`Refund milestone ${MILESTONE_ID.slice(-8)} to the client`);
    await user.click(within(panel).getByRole("button", { name: "Refund to the client" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The payment provider did not answer");
    await user.click(within(panel).getByRole("button", { name: "Refund to the client" }));

    expect(await screen.findByText("“Design” ($200.00) is refunded to the client.")).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Confirm the refund" })).toBeNull();
    const posts = calls.filter((c) => c.path === "/api/admin/payments/refunds");
    expect(posts.map((c) => c.body)).toEqual(Array(2).fill({ milestone_id: MILESTONE_ID, reason: "The freelancer left the platform" }));
    const keys = posts.map((c) => c.headers.get("Idempotency-Key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("refund a milestone by its id, and show the server's refusal in the confirmation", async () => {
    const { user } = openAdmin("/admin/payments", {
      "GET /api/admin/payments/transactions": () => json({ items: [], next_cursor: null }),
      "POST /api/admin/payments/refunds": () => json({ error: { code: "milestone_disputed", message: "the milestone is disputed; decide it through its dispute" } }, 409),
    });
    expect(await screen.findByText("No transactions match.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Refund a milestone" }));
    const form = screen.getByRole("form", { name: "Refund a milestone" });
    await user.type(within(form).getByLabelText("Milestone id"), "m-1");
    await user.type(within(form).getByLabelText("Reason"), "Asked by the client");
    await user.click(within(form).getByRole("button", { name: "Continue" }));
    expect(within(form).getByText("Enter the milestone's id, as the ledger shows it.")).toBeInTheDocument();
    await user.clear(within(form).getByLabelText("Milestone id"));
    await user.paste(MILESTONE_ID);
    await user.click(within(form).getByRole("button", { name: "Continue" }));

    const panel = screen.getByRole("group", { name: "Confirm the refund" });
    await user.click(within(panel).getByRole("button", { name: "Refund to the client" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The milestone is disputed; decide it through its dispute");
    await user.click(within(panel).getByRole("button", { name: "Change it" }));
    expect(screen.getByLabelText("Reason")).toHaveValue("Asked by the client");
  });

  it("list every payout, with the status filter in the address", async () => {
    const { calls, user } = openAdmin("/admin/payments/payouts", {
      "GET /api/admin/payments/payouts": ({ search }) => json({ items: search.includes("failed") ? [] : [payout], next_cursor: null }),
    });
    const row = (await screen.findByRole("link", { name: `User ${FREELANCER_ID.slice(-8)}` })).closest("tr")!;
    expect(row).toHaveTextContent("$50.00");
    expect(within(row).getByText("Paid out")).toBeInTheDocument();
    expect(row).toHaveTextContent("acct_123");
    expect(screen.getByRole("link", { name: "Ledger transactions" })).toHaveAttribute("href", "/admin/payments");
    await user.selectOptions(screen.getByLabelText("Show"), "Returned");
    expect(await screen.findByText("No payouts.")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/admin/payments/payouts?status=failed");
    expect(calls.filter((c) => c.path === "/api/admin/payments/payouts").map((c) => c.search)).toEqual(["", "?status=failed"]);
  });
});
