import { describe, expect, it } from "vitest";
import { clientCharge, decimalAmount } from "./checkout";

describe("clientCharge", () => {
  it("adds the 5% client fee to the amount", () => {
    expect(clientCharge({ amount: 20000, currency: "usd" }, 500)).toEqual({ amount: 21000, currency: "usd" });
    expect(clientCharge({ amount: 4200, currency: "eur" }, 500)).toEqual({ amount: 4410, currency: "eur" });
  });

  it("rounds the fee half up to the cent, like the server", () => {
    expect(clientCharge({ amount: 10, currency: "usd" }, 500).amount).toBe(11); // fee 0.5 cent -> 1
    expect(clientCharge({ amount: 9, currency: "usd" }, 500).amount).toBe(9); // fee 0.45 cent -> 0
    expect(clientCharge({ amount: 12345, currency: "usd" }, 500).amount).toBe(12962); // fee 617.25 -> 617
    expect(clientCharge({ amount: 12350, currency: "usd" }, 500).amount).toBe(12968); // fee 617.5 -> 618
    expect(clientCharge({ amount: 1005, currency: "usd" }, 1_000).amount).toBe(1106); // 10%: fee 100.5 -> 101
  });

  it("stays exact for large amounts", () => {
    expect(clientCharge({ amount: 99_999_999_999, currency: "usd" }, 500).amount).toBe(104_999_999_999); // fee 4,999,999,999.95 -> 5,000,000,000
  });
});

describe("decimalAmount", () => {
  it("writes cents with two decimals", () => {
    expect(decimalAmount(21000)).toBe("210.00");
    expect(decimalAmount(12962)).toBe("129.62");
    expect(decimalAmount(5)).toBe("0.05");
    expect(decimalAmount(0)).toBe("0.00");
  });
});
