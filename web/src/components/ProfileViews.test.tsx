import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { setSession } from "../api/session";
import type { ProfileViewSeries } from "../api/types";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { ProfileViews, describeViews } from "./ProfileViews";

const series = (views: number[]): ProfileViewSeries => ({
  items: views.map((n, i) => ({ day: `2026-12-${String(i + 1).padStart(2, "0")}`, views: n })),
  total: views.reduce((a, b) => a + b, 0),
});

describe("ProfileViews", () => {
  it("tells the owner how many looked, and on which day most did", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "freelancer" } });
    const { calls } = mockApi({ "GET /api/users/profile/views": () => json(series([0, 2, 5, 1])) });
    renderWithProviders(<ProfileViews />);
    expect(await screen.findByText("8 views of your profile in the last 4 days; most on Dec 3, 2026 (5).")).toBeInTheDocument();
    expect(calls[0].search).toBe("");
  });

  it("says so when no one looked", () => {
    expect(describeViews(series([0, 0, 0]))).toBe("No one viewed your profile in the last 3 days.");
    expect(describeViews(series([0, 1]))).toBe("1 view of your profile in the last 2 days; most on Dec 2, 2026 (1).");
  });
});
