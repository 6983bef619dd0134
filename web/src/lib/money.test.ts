import { describe, expect, it } from "vitest";
import { centsToInput, formatAmounts, formatHourlyRate, formatMoney, parseAmountToCents, parseHourlyRate } from "./money";

describe("formatAmounts", () => {
  it("lists amounts in several currencies, and a dash for none", () => {
    expect(formatAmounts([{ amount: 1200, currency: "usd" }, { amount: 500, currency: "eur" }])).toBe("$12.00, €5.00");
    expect(formatAmounts([])).toBe("—");
  });

  it("shows money going out with a minus sign", () => {
    expect(formatAmounts([{ amount: -2100, currency: "usd" }])).toBe("-$21.00");
  });
});

describe("formatMoney", () => {
  it("formats integer cents with two decimals", () => {
    expect(formatMoney({ amount: 8550, currency: "usd" })).toBe("$85.50");
    expect(formatMoney({ amount: 150000, currency: "usd" })).toBe("$1,500.00");
    expect(formatMoney({ amount: 1, currency: "usd" })).toBe("$0.01");
    expect(formatMoney({ amount: 0, currency: "usd" })).toBe("$0.00");
  });

  it("keeps every cent of awkward amounts", () => {
    expect(formatMoney({ amount: 29, currency: "usd" })).toBe("$0.29");
    expect(formatMoney({ amount: 1005, currency: "usd" })).toBe("$10.05");
    expect(formatMoney({ amount: 99_999_999_999, currency: "usd" })).toBe("$999,999,999.99");
  });

  it("uses the currency's symbol", () => {
    expect(formatMoney({ amount: 4200, currency: "eur" })).toBe("€42.00");
    expect(formatMoney({ amount: 4200, currency: "gbp" })).toBe("£42.00");
  });

  it("formats an hourly rate", () => {
    expect(formatHourlyRate({ amount: 8550, currency: "usd" })).toBe("$85.50/hr");
  });
});

describe("parseAmountToCents", () => {
  it.each([
    ["85", 8500],
    ["85.5", 8550],
    ["85.50", 8550],
    ["0.29", 29],
    ["1.1", 110],
    ["  42 ", 4200],
    ["$42", 4200],
    ["$ 42.10", 4210],
    ["1,234.56", 123456],
    ["12,345", 1234500],
    ["85.", 8500],
    [".5", 50],
    ["0", 0],
  ])("parses %j as %i cents", (input, cents) => {
    expect(parseAmountToCents(input)).toEqual({ ok: true, cents });
  });

  it("reads blank as no amount", () => {
    expect(parseAmountToCents("")).toEqual({ ok: true, cents: null });
    expect(parseAmountToCents("   ")).toEqual({ ok: true, cents: null });
  });

  it.each(["abc", "12abc", "1e3", "1.2.3", "12,34", "--5", "NaN", "Infinity", "0x10"])("rejects %j", (input) => {
    expect(parseAmountToCents(input).ok).toBe(false);
  });

  it("explains what is wrong", () => {
    expect(parseAmountToCents("-5")).toEqual({ ok: false, error: "Enter an amount greater than zero." });
    expect(parseAmountToCents("1.234")).toEqual({ ok: false, error: "Use at most two decimal places." });
    expect(parseAmountToCents("ten")).toEqual({ ok: false, error: "Enter an amount like 45 or 45.50." });
  });

  it("never produces fractional cents", () => {
    for (let cents = 0; cents < 1000; cents++) {
      const text = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
      expect(parseAmountToCents(text)).toEqual({ ok: true, cents });
    }
  });
});

describe("parseHourlyRate", () => {
  it("applies the server's bounds", () => {
    expect(parseHourlyRate("0")).toEqual({ ok: false, error: "Enter a rate greater than zero." });
    expect(parseHourlyRate("10000")).toEqual({ ok: true, cents: 1_000_000 });
    expect(parseHourlyRate("10000.01")).toEqual({ ok: false, error: "The highest rate is 10,000.00 an hour." });
    expect(parseHourlyRate("")).toEqual({ ok: true, cents: null });
  });
});

describe("centsToInput", () => {
  it("round-trips with the parser", () => {
    for (const cents of [1, 29, 50, 100, 8550, 123456, 1_000_000]) {
      expect(parseAmountToCents(centsToInput(cents))).toEqual({ ok: true, cents });
    }
  });

  it("drops .00 and keeps two digits otherwise", () => {
    expect(centsToInput(8500)).toBe("85");
    expect(centsToInput(8550)).toBe("85.50");
    expect(centsToInput(5)).toBe("0.05");
    expect(centsToInput(null)).toBe("");
    expect(centsToInput(undefined)).toBe("");
  });
});
