import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { setSession } from "../api/session";
import type { ClientDashboard, FreelancerDashboard } from "../api/types";
import { CLIENT_ID, contractDetail, FREELANCER_ID } from "../test/fixtures";
import { figureValue, json, mockApi, renderWithProviders } from "../test/utils";
import { DashboardPage } from "./DashboardPage";

const usd = (amount: number) => ({ amount, currency: "usd" as const });

const freelancer: FreelancerDashboard = {
  active_contracts: 2,
  proposals_by_status: { submitted: 3, hired: 1 },
  earnings_by_month: [
    { month: "2026-10-01", earned: [], spent: [] },
    { month: "2026-11-01", earned: [usd(18000)], spent: [] },
  ],
  balance: { available: [usd(12345)], pending: [usd(5000)] },
  profile_views: [
    { day: "2026-11-28", views: 0 },
    { day: "2026-11-29", views: 4 },
  ],
  job_success_score: 92,
  level: "rising",
};

const client: ClientDashboard = {
  open_jobs: [{ id: "01a223f6-1045-77a7-b4b5-dc1afaa26f2e", title: "Build a landing page", proposals: 5 }],
  // More jobs are open than the list carries.
  open_jobs_total: 24,
  active_contracts: 1,
  spending_by_month: [{ month: "2026-11-01", earned: [], spent: [usd(21000)] }],
  freelancers_hired: 3,
};

function open(view: { freelancer?: FreelancerDashboard | null; client?: ClientDashboard | null }, userId = FREELANCER_ID) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: userId, email: "x@example.com", name: "X", role: "freelancer" } });
  mockApi({
    "GET /api/dashboard": () => json({ freelancer: null, client: null, ...view }),
    "GET /api/contracts": () => json({ items: [contractDetail(), contractDetail({ id: "c2", title: "Old work", status: "completed" })], next_cursor: null }),
  });
  renderWithProviders(<DashboardPage />);
}

describe("DashboardPage", () => {
  it("shows a freelancer their figures and charts, with the data behind each chart", async () => {
    open({ freelancer });
    const list = "Your figures as a freelancer";
    await screen.findByLabelText(list);
    expect(figureValue(list, "Active contracts")).toHaveTextContent("2");
    expect(figureValue(list, "Job success")).toHaveTextContent("92%");
    expect(figureValue(list, "Level")).toHaveTextContent("Rising talent");
    expect(figureValue(list, "Available")).toHaveTextContent("$123.45");

    const earnings = screen.getByRole("figure", { name: "Earnings by month" });
    // October earned nothing, so only November has a bar.
    expect(earnings.querySelectorAll(".recharts-bar-rectangle")).toHaveLength(1);
    expect(within(earnings).getByRole("row", { name: "Nov 2026 $180.00" })).toBeInTheDocument();
    const views = screen.getByRole("figure", { name: "Profile views by day" });
    expect(views.querySelector(".recharts-line")).not.toBeNull();
    expect(within(views).getByRole("row", { name: "Nov 29 4" })).toBeInTheDocument();
    const proposals = screen.getByRole("figure", { name: "Proposals by status" });
    expect(within(proposals).getByRole("row", { name: "Submitted 3" })).toBeInTheDocument();
    expect(within(proposals).getByRole("row", { name: "Hired 1" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "As a client" })).toBeNull();
  });

  it("says so instead of drawing an empty chart", async () => {
    open({ freelancer: { ...freelancer, earnings_by_month: [{ month: "2026-11-01", earned: [], spent: [] }], profile_views: [], proposals_by_status: {}, job_success_score: null } });
    const earnings = await screen.findByRole("figure", { name: "Earnings by month" });
    expect(within(earnings).getByText(/No earnings in the last 12 months yet/)).toBeInTheDocument();
    expect(earnings.querySelector("svg")).toBeNull();
    expect(within(screen.getByRole("figure", { name: "Profile views by day" })).getByText("No one viewed your profile in the last 30 days.")).toBeInTheDocument();
    expect(within(screen.getByRole("figure", { name: "Proposals by status" })).getByText("You have not sent a proposal yet.")).toBeInTheDocument();
    expect(figureValue("Your figures as a freelancer", "Job success")).toHaveTextContent("—");
  });

  it("shows a client their open jobs with proposal counts, spending and active contracts", async () => {
    open({ client }, CLIENT_ID);
    const list = "Your figures as a client";
    await screen.findByLabelText(list);
    expect(figureValue(list, "Open jobs")).toHaveTextContent("24");
    expect(figureValue(list, "Freelancers hired")).toHaveTextContent("3");
    expect(figureValue(list, "Spent in 12 months")).toHaveTextContent("$210.00");
    const spending = screen.getByRole("figure", { name: "Spending by month" });
    expect(within(spending).getByRole("row", { name: "Nov 2026 $210.00" })).toBeInTheDocument();
    const jobs = screen.getByRole("table", { name: "Open jobs" });
    expect(within(jobs).getByRole("link", { name: "5 proposals for Build a landing page" })).toHaveAttribute(
      "href",
      "/jobs/01a223f6-1045-77a7-b4b5-dc1afaa26f2e/proposals",
    );
    const contracts = await screen.findByRole("table", { name: "Active contracts" });
    expect(within(contracts).getByRole("link", { name: "Build a landing page" })).toHaveAttribute("href", `/contracts/${contractDetail().id}`);
    expect(within(contracts).queryByText("Old work")).toBeNull();
    expect(within(contracts).getByText("Client")).toBeInTheDocument();
  });

  it("shows both sides to a user who hires and works", async () => {
    open({ freelancer, client });
    expect(await screen.findByRole("heading", { name: "As a freelancer" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "As a client" })).toBeInTheDocument();
  });
});
