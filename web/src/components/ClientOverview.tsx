import { Link } from "react-router";
import type { ClientDashboard } from "../api/types";
import { moneyByMonth, totalByCurrency } from "../lib/charts";
import { formatAmounts } from "../lib/money";
import { Chart } from "./Chart";
import { FiguresSection } from "./FiguresSection";

/** How the caller does as a client: open jobs and their proposals, hires and spending. */
export function ClientOverview({ figures: c }: { figures: ClientDashboard }) {
  const spending = (month: ClientDashboard["spending_by_month"][number]) => month.spent;
  return (
    <FiguresSection
      id="client-overview-title"
      title="As a client"
      figuresLabel="Your figures as a client"
      figures={[
        { label: "Open jobs", value: c.open_jobs_total },
        { label: "Active contracts", value: c.active_contracts },
        { label: "Freelancers hired", value: c.freelancers_hired },
        { label: "Spent in 12 months", value: formatAmounts(totalByCurrency(c.spending_by_month, spending)) },
      ]}
    >
      <Chart title="Spending by month" kind="bar" empty="Nothing spent in the last 12 months yet. Funded milestones show up here." {...moneyByMonth(c.spending_by_month, spending, "Spent")} />
      <OpenJobs jobs={c.open_jobs} />
    </FiguresSection>
  );
}

function OpenJobs({ jobs }: { jobs: ClientDashboard["open_jobs"] }) {
  if (jobs.length === 0) {
    return (
      <p className="muted">
        No open jobs. <Link to="/jobs/new">Post a job</Link> to receive proposals.
      </p>
    );
  }
  return (
    <table className="table">
      <caption>Open jobs</caption>
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col" className="number">
            Proposals
          </th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <th scope="row">
              <Link to={`/jobs/${job.id}`}>{job.title}</Link>
            </th>
            <td className="number">
              <Link to={`/jobs/${job.id}/proposals`} aria-label={`${job.proposals} proposals for ${job.title}`}>
                {job.proposals}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
