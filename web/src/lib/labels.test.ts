import { describe, expect, it } from "vitest";
import { formatSeconds } from "./labels";

describe("formatSeconds", () => {
  it("writes a span of time in its two largest units", () => {
    expect(formatSeconds(2 * 86_400 + 4 * 3_600 + 59)).toBe("2 d 4 h");
    expect(formatSeconds(3 * 86_400)).toBe("3 d");
    expect(formatSeconds(3 * 3_600 + 5 * 60)).toBe("3 h 5 min");
    expect(formatSeconds(7_200)).toBe("2 h");
    expect(formatSeconds(12 * 60 + 30)).toBe("12 min");
    expect(formatSeconds(20)).toBe("under 1 min");
  });
});
