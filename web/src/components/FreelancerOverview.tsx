import { Link } from "react-router";
import type { FreelancerDashboard } from "../api/types";
import { moneyByMonth, proposalsByStatus, viewsByDay } from "../lib/charts";
import { FREELANCER_LEVELS } from "../lib/labels";
import { formatAmounts } from "../lib/money";
import { Chart } from "./Chart";
import { FiguresSection } from "./FiguresSection";

/** How the caller does as a freelancer: work, money, reach and proposals. */
export function FreelancerOverview({ figures: f }: { figures: FreelancerDashboard }) {
  return (
    <FiguresSection
      id="freelancer-overview-title"
      title="As a freelancer"
      figuresLabel="Your figures as a freelancer"
      figures={[
        { label: "Active contracts", value: f.active_contracts },
        {
          label: "Job success",
          value: f.job_success_score === null || f.job_success_score === undefined ? "—" : `${f.job_success_score}%`,
          note: "Completed contracts out of all ended ones",
        },
        { label: "Level", value: f.level ? FREELANCER_LEVELS[f.level] : "—" },
        { label: "Available", value: formatAmounts(f.balance.available) },
        { label: "Pending", value: formatAmounts(f.balance.pending) },
      ]}
    >
      <Chart
        title="Earnings by month"
        kind="bar"
        empty="No earnings in the last 12 months yet. Released milestones and paid weeks show up here."
        {...moneyByMonth(f.earnings_by_month, (month) => month.earned, "Earned")}
      />
      <Chart title="Profile views by day" kind="line" empty="No one viewed your profile in the last 30 days." {...viewsByDay(f.profile_views)} />
      <Chart title="Proposals by status" kind="bar" empty="You have not sent a proposal yet." {...proposalsByStatus(f.proposals_by_status)} />
      <p>
        <Link to="/my/proposals">My proposals</Link> · <Link to="/jobs">Find work</Link>
      </p>
    </FiguresSection>
  );
}
