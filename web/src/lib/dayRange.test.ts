import { describe, expect, it } from "vitest";
import { checkDayRange, lastDays, rangeInstants } from "./dayRange";

describe("day ranges", () => {
  it("are the last 30 days by default, today included", () => {
    expect(lastDays(30, "2026-11-29")).toEqual({ from: "2026-10-31", to: "2026-11-29" });
  });

  it("end at the start of the day after the last, so that day counts", () => {
    expect(rangeInstants({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" });
  });

  it("must run forwards and span at most 366 days", () => {
    expect(checkDayRange({ from: "2026-11-02", to: "2026-11-01" })).toBe("The first day comes before the last.");
    expect(checkDayRange({ from: "", to: "2026-11-01" })).toBe("Pick both days.");
    expect(checkDayRange({ from: "2025-11-28", to: "2026-11-29" })).toBe("Pick at most 366 days.");
    expect(checkDayRange({ from: "2025-11-29", to: "2026-11-29" })).toBeUndefined();
  });
});
