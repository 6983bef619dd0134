import { describe, expect, it } from "vitest";
import { isEmptyChart, moneyByMonth, proposalsByStatus, signupsByDay, totalByCurrency } from "./charts";

const money = (amount: number, currency: "usd" | "eur" = "usd") => ({ amount, currency });

describe("charts", () => {
  it("draws money per month in one series per currency, in cents", () => {
    const months = [
      { month: "2026-10-01", earned: [money(1000)], spent: [] },
      { month: "2026-11-01", earned: [money(250), money(700, "eur")], spent: [] },
    ];
    const chart = moneyByMonth(months, (m) => m.earned, "Earned");
    expect(chart.series.map((s) => s.name)).toEqual(["Earned (USD)", "Earned (EUR)"]);
    expect(chart.points).toEqual([
      { label: "Oct 2026", values: { usd: 1000, eur: 0 } },
      { label: "Nov 2026", values: { usd: 250, eur: 700 } },
    ]);
    expect(chart.series[1].format(700)).toBe("€7.00");
  });

  it("falls back to dollars and counts as empty when no money moved", () => {
    const chart = moneyByMonth([{ month: "2026-11-01", earned: [], spent: [] }], (m) => m.spent, "Spent");
    expect(chart.series.map((s) => s.key)).toEqual(["usd"]);
    expect(isEmptyChart(chart)).toBe(true);
  });

  it("lists proposal statuses in their order, with ones it does not know last", () => {
    const chart = proposalsByStatus({ hired: 1, submitted: 2, archived: 4 });
    expect(chart.points.map((p) => `${p.label}: ${p.values.proposals}`)).toEqual([
      "Submitted: 2",
      "Shortlisted: 0",
      "Declined: 0",
      "Withdrawn: 0",
      "Hired: 1",
      "Closed: 0",
      "archived: 4",
    ]);
  });

  it("stacks sign-ups by role per day", () => {
    const chart = signupsByDay([{ day: "2026-11-29", freelancers: 3, clients: 1 }]);
    expect(chart.points).toEqual([{ label: "Nov 29", values: { freelancers: 3, clients: 1 } }]);
    expect(isEmptyChart(chart)).toBe(false);
  });

  it("adds up months per currency", () => {
    const months = [
      { month: "2026-10-01", earned: [], spent: [money(1000)] },
      { month: "2026-11-01", earned: [], spent: [money(250), money(5, "eur")] },
    ];
    expect(totalByCurrency(months, (m) => m.spent)).toEqual([money(1250), money(5, "eur")]);
  });
});
