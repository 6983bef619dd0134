import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Transaction } from "../api/types";
import { lastTwelveMonths } from "../lib/balance";
import { json, mockApi, renderWithProviders, type RecordedCall } from "../test/utils";
import { BalancePage } from "./BalancePage";

type Handler = (call: RecordedCall) => Response | Promise<Response>;

const usd = (amount: number) => ({ amount, currency: "usd" as const });

function transaction(id: string, overrides: Partial<Transaction> = {}): Transaction {
  return { id, movement: "release", account: "available", amount: usd(18000), contract_id: "c1", created_at: "2026-11-29T10:00:00Z", ...overrides };
}

function open(handlers: Record<string, Handler> = {}) {
  const api = mockApi({
    "GET /api/balance": () => json({ available: [usd(12345)], pending: [usd(5000)] }),
    "GET /api/balance/monthly": () =>
      json([
        { month: "2026-10-01", earned: [], spent: [] },
        { month: "2026-11-01", earned: [usd(18000)], spent: [usd(21000)] },
      ]),
    "GET /api/balance/transactions": ({ search }) =>
      new URLSearchParams(search).get("cursor") === "c2"
        ? json({ items: [transaction("t2", { movement: "withdraw", amount: usd(-500) })], next_cursor: null })
        : json({ items: [transaction("t1")], next_cursor: "c2" }),
    "GET /api/balance/withdrawals": () =>
      json({ items: [{ id: "w1", amount: usd(500), status: "paid", provider: "sandbox", destination: "finn@example.com", reference: "po_1", created_at: "2026-11-29T11:00:00Z" }], next_cursor: null }),
    ...handlers,
  });
  const user = userEvent.setup();
  renderWithProviders(<BalancePage />);
  return { ...api, user };
}

describe("BalancePage", () => {
  it("shows the balance, the last 12 months and the money history, page by page", async () => {
    const { calls, user } = open();
    const figures = await screen.findByRole("region", { name: "Your balance" });
    expect(within(figures).getByText("Available").nextElementSibling).toHaveTextContent("$123.45");
    expect(within(figures).getByText("Pending").nextElementSibling).toHaveTextContent("$50.00");

    const months = await screen.findByRole("table", { name: "Last 12 months" });
    expect(within(months).getByRole("row", { name: "Nov 2026 $180.00 $210.00" })).toBeInTheDocument();
    expect(within(months).getByRole("row", { name: "Oct 2026 — —" })).toBeInTheDocument();
    const { from, to } = lastTwelveMonths();
    expect(new URLSearchParams(calls.find((c) => c.path === "/api/balance/monthly")?.search)).toEqual(new URLSearchParams({ from, to }));

    const history = screen.getByRole("region", { name: "Transactions" });
    expect(await within(history).findByText("+$180.00")).toBeInTheDocument();
    await user.click(within(history).getByRole("button", { name: "Load more" }));
    expect(await within(history).findByText("-$5.00")).toBeInTheDocument();
    expect(within(history).getByText("Withdrawal")).toBeInTheDocument();
    expect(within(history).queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();

    const withdrawals = await screen.findByRole("table", { name: "Withdrawals" });
    expect(within(withdrawals).getByText("finn@example.com")).toBeInTheDocument();
    expect(within(withdrawals).getByText("Paid out")).toBeInTheDocument();
  });

  it("checks a withdrawal before sending it, in cents and with an idempotency key", async () => {
    const { calls, user } = open({
      "POST /api/balance/withdrawals": ({ body }) =>
        json({ id: "w2", amount: (body as { amount: unknown }).amount, status: "paid", provider: "sandbox", destination: null, reference: "po_2", created_at: "2026-11-29T12:00:00Z" }),
    });
    const form = await screen.findByRole("form", { name: "Withdraw" });
    const amount = within(form).getByLabelText("Amount (USD)");
    expect(amount).toHaveAccessibleDescription("$123.45 available; at least $5.00.");

    await user.type(amount, "4.99");
    await user.click(within(form).getByRole("button", { name: "Withdraw" }));
    expect(amount).toHaveAccessibleDescription(/The least you can withdraw is \$5\.00\./);
    await user.clear(amount);
    await user.type(amount, "123.46");
    await user.click(within(form).getByRole("button", { name: "Withdraw" }));
    expect(amount).toHaveAccessibleDescription(/You have \$123\.45 available\./);
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.clear(amount);
    await user.type(amount, "50.10");
    await user.click(within(form).getByRole("button", { name: "Withdraw" }));
    expect(await within(form).findByRole("status")).toHaveTextContent("$50.10 is on its way to your payout destination.");
    const post = calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({ amount: usd(5010) });
    expect(post?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/balance").length).toBe(2));
  });

  it("shows the server's field error next to the amount, and retries under the same key", async () => {
    const { calls, user } = open({
      "POST /api/balance/withdrawals": () =>
        json({ error: { code: "validation_failed", message: "validation failed", fields: { amount: "must be at most your available $100.00" } } }, 422),
    });
    const form = await screen.findByRole("form", { name: "Withdraw" });
    const amount = within(form).getByLabelText("Amount (USD)");
    await user.type(amount, "120");
    await user.click(within(form).getByRole("button", { name: "Withdraw" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
    expect(amount).toHaveAccessibleDescription(/Must be at most your available \$100\.00/);
    expect(amount).toHaveAttribute("aria-invalid", "true");

    await user.click(within(form).getByRole("button", { name: "Withdraw" }));
    await user.clear(amount);
    await user.type(amount, "90");
    await user.click(within(form).getByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(calls.filter((c) => c.method === "POST").length).toBe(3));
    const [first, retry, changed] = calls.filter((c) => c.method === "POST").map((c) => c.headers.get("Idempotency-Key"));
    expect(retry).toBe(first);
    expect(changed).not.toBe(first);
  });

  it("saves the payout destination, showing what the server refuses", async () => {
    let attempts = 0;
    const { calls, user } = open({
      "PUT /api/balance/payout-destination": () => {
        attempts += 1;
        return attempts === 1
          ? json({ error: { code: "validation_failed", message: "validation failed", fields: { destination: "is not a paypal payout destination" } } }, 422)
          : new Response(null, { status: 204 });
      },
    });
    const form = await screen.findByRole("form", { name: "Payout destination" });
    const destination = within(form).getByLabelText("Payout destination");
    await user.type(destination, "finn");
    await user.click(within(form).getByRole("button", { name: "Save destination" }));
    expect(await within(form).findByText("Is not a paypal payout destination")).toBeInTheDocument();

    await user.type(destination, "@example.com");
    await user.click(within(form).getByRole("button", { name: "Save destination" }));
    expect(await within(form).findByRole("status")).toHaveTextContent("Your payout destination is saved.");
    expect(calls.filter((c) => c.method === "PUT").map((c) => c.body)).toEqual([{ destination: "finn" }, { destination: "finn@example.com" }]);
  });
});
