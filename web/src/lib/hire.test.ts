import { describe, expect, it } from "vitest";
import { parseWeeklyLimit } from "./hire";
import { formatAgo } from "./labels";

describe("parseWeeklyLimit", () => {
  it("takes whole hours from 1 to 80", () => {
    expect(parseWeeklyLimit(" 20 ")).toEqual({ ok: true, hours: 20 });
    expect(parseWeeklyLimit("80")).toEqual({ ok: true, hours: 80 });
    for (const bad of ["0", "81", "", "12.5", "ten", "-3"]) expect(parseWeeklyLimit(bad).ok).toBe(false);
  });
});

describe("formatAgo", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  it("reads like speech", () => {
    expect(formatAgo("2026-11-28T11:59:40Z", now)).toBe("just now");
    expect(formatAgo("2026-11-28T11:59:00Z", now)).toBe("1 minute ago");
    expect(formatAgo("2026-11-28T09:00:00Z", now)).toBe("3 hours ago");
    expect(formatAgo("2026-11-25T12:00:00Z", now)).toBe("3 days ago");
    expect(formatAgo("2026-09-01T12:00:00Z", now)).toBe("Sep 1, 2026");
  });
});
