import { describe, expect, it } from "vitest";
import { amountIn, balanceCurrencies, lastTwelveMonths, parseWithdrawal } from "./balance";

const usd = (amount: number) => ({ amount, currency: "usd" as const });

describe("parseWithdrawal", () => {
  it("turns what was typed into cents without floating point", () => {
    expect(parseWithdrawal("12.34", usd(10_000))).toEqual({ ok: true, amount: usd(1234) });
    expect(parseWithdrawal("$1,000.10", usd(100_010))).toEqual({ ok: true, amount: usd(100_010) });
    expect(parseWithdrawal("5", usd(500))).toEqual({ ok: true, amount: usd(500) });
  });

  it("refuses less than 5.00, more than is available, and what is not an amount", () => {
    expect(parseWithdrawal("4.99", usd(10_000))).toEqual({ ok: false, error: "The least you can withdraw is $5.00." });
    expect(parseWithdrawal("100.01", usd(10_000))).toEqual({ ok: false, error: "You have $100.00 available." });
    expect(parseWithdrawal("", usd(10_000))).toEqual({ ok: false, error: "Enter the amount to withdraw." });
    expect(parseWithdrawal("1.234", usd(10_000))).toEqual({ ok: false, error: "Use at most two decimal places." });
  });
});

describe("balanceCurrencies", () => {
  it("lists each currency held once, US dollars when there is nothing", () => {
    expect(balanceCurrencies({ available: [usd(5)], pending: [usd(1), { amount: 3, currency: "eur" }] })).toEqual(["usd", "eur"]);
    expect(balanceCurrencies({ available: [], pending: [] })).toEqual(["usd"]);
    expect(amountIn([], "gbp")).toEqual({ amount: 0, currency: "gbp" });
  });
});

describe("lastTwelveMonths", () => {
  it("spans this month and the eleven before it, across a year's turn", () => {
    expect(lastTwelveMonths(new Date("2026-03-15T12:00:00Z"))).toEqual({ from: "2025-04-01", to: "2026-03-01" });
    expect(lastTwelveMonths(new Date("2026-12-31T23:59:59Z"))).toEqual({ from: "2026-01-01", to: "2026-12-01" });
  });
});
