import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import type { PlatformMetrics } from "../../api/types";
import { lastDays, rangeInstants } from "../../lib/dayRange";
import { openAdmin } from "../../test/adminPages";
import { figureValue, json } from "../../test/utils";

const usd = (amount: number) => ({ amount, currency: "usd" as const });

const metrics: PlatformMetrics = {
  from: "2026-11-01T00:00:00Z",
  to: "2026-12-01T00:00:00Z",
  signups: [
    { day: "2026-11-28", freelancers: 0, clients: 0 },
    { day: "2026-11-29", freelancers: 3, clients: 2 },
  ],
  users_by_role: { freelancers: 40, clients: 25, admins: 1 },
  jobs_posted: 12,
  contracts_started: 4,
  gross_merchandise_volume: [usd(105000)],
  platform_revenue: [usd(15750)],
  escrow_held: [usd(20000)],
  active_sockets: 7,
  disputes: { open: 2, opened: 5, median_seconds_to_resolve: 187_200 },
};

describe("AdminDashboardPage", () => {
  it("shows the last 30 days by default: figures, money and sign-ups by role", async () => {
    const { calls } = openAdmin("/admin/dashboard", { "GET /api/admin/metrics": () => json(metrics) });
    const chart = await screen.findByRole("figure", { name: "Sign-ups by role and day" });
    expect(within(chart).getByRole("row", { name: "Nov 29 3 2" })).toBeInTheDocument();
    expect(chart.querySelectorAll(".recharts-bar-rectangle")).toHaveLength(2);
    expect(figureValue("Figures for the range", "Gross volume")).toHaveTextContent("$1,050.00");
    expect(figureValue("Figures for the range", "Platform revenue")).toHaveTextContent("$157.50");
    expect(figureValue("Figures now", "Held in escrow")).toHaveTextContent("$200.00");
    expect(figureValue("Figures for the range", "Jobs posted")).toHaveTextContent("12");
    expect(figureValue("Figures for the range", "Contracts started")).toHaveTextContent("4");
    expect(figureValue("Figures now", "Connected now")).toHaveTextContent("7");
    expect(figureValue("Figures now", "Freelancers")).toHaveTextContent("40");
    expect(figureValue("Figures now", "Open disputes")).toHaveTextContent("2");
    expect(figureValue("Figures for the range", "Disputes opened")).toHaveTextContent("5");
    expect(figureValue("Figures for the range", "Median time to decide")).toHaveTextContent("2 d 4 h");
    const sent = new URLSearchParams(calls.find((c) => c.path === "/api/admin/metrics")?.search);
    expect(Object.fromEntries(sent)).toEqual(rangeInstants(lastDays(30)));
  });

  it("asks for another range, kept in the address, and checks it first", async () => {
    const { calls, user } = openAdmin("/admin/dashboard", { "GET /api/admin/metrics": () => json({ ...metrics, signups: [], disputes: { open: 0, opened: 0, median_seconds_to_resolve: null } }) });
    expect(await screen.findByText("No one signed up in this range.")).toBeInTheDocument();
    expect(figureValue("Figures for the range", "Median time to decide")).toHaveTextContent("—");
    const form = screen.getByRole("form", { name: "Date range" });
    await user.clear(within(form).getByLabelText("From"));
    await user.type(within(form).getByLabelText("From"), "2026-11-10");
    await user.clear(within(form).getByLabelText("To"));
    await user.type(within(form).getByLabelText("To"), "2026-11-01");
    await user.click(within(form).getByRole("button", { name: "Show" }));
    expect(within(form).getByText("The first day comes before the last.")).toBeInTheDocument();

    await user.clear(within(form).getByLabelText("To"));
    await user.type(within(form).getByLabelText("To"), "2026-11-30");
    await user.click(within(form).getByRole("button", { name: "Show" }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/admin/dashboard?from=2026-11-10&to=2026-11-30"));
    await waitFor(() => expect(calls.at(-1)?.search).toBe(`?from=${encodeURIComponent("2026-11-10T00:00:00Z")}&to=${encodeURIComponent("2026-12-01T00:00:00Z")}`));
    expect(await screen.findByRole("heading", { name: "From Nov 10, 2026 to Nov 30, 2026" })).toBeInTheDocument();
  });

  it("shows the server's refusal of a range", async () => {
    openAdmin("/admin/dashboard?from=2026-11-01&to=2026-11-30", {
      "GET /api/admin/metrics": () => json({ error: { code: "invalid_range", message: "the range is too long" } }, 422),
    });
    expect(await screen.findByText("The range is too long")).toBeInTheDocument();
  });
});
