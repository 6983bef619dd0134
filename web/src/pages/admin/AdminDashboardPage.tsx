import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import type { PlatformMetrics } from "../../api/types";
import { Chart } from "../../components/Chart";
import { TextField } from "../../components/Field";
import { FiguresSection } from "../../components/FiguresSection";
import { ErrorPanel, Loading } from "../../components/Status";
import { signupsByDay } from "../../lib/charts";
import { checkDayRange, lastDays, rangeInstants, type DayRange } from "../../lib/dayRange";
import { formatDate, formatSeconds } from "../../lib/labels";
import { formatAmounts } from "../../lib/money";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { platformMetricsQuery } from "../dashboardQueries";

/** The range in the address, or the last 30 days. */
function fromSearch(params: URLSearchParams): DayRange {
  const fallback = lastDays(30);
  return { from: params.get("from") ?? fallback.from, to: params.get("to") ?? fallback.to };
}

function toSearch(range: DayRange): URLSearchParams {
  return new URLSearchParams({ from: range.from, to: range.to });
}

/** The platform's figures over a range of days: who signed up, the money that moved, and what is going on now. */
export function AdminDashboardPage() {
  const { filters, draft, setDraft, apply } = useUrlFilters(fromSearch, toSearch);
  const [rangeError, setRangeError] = useState<string | undefined>();
  // A range typed into the address is checked like one typed into the form.
  const addressProblem = checkDayRange(filters);
  const instants = rangeInstants(filters);
  const metrics = useQuery({ ...platformMetricsQuery(instants.from, instants.to), enabled: !addressProblem });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = checkDayRange(draft);
    setRangeError(problem);
    if (!problem) apply(draft);
  }

  return (
    <section className="stack" aria-labelledby="admin-dashboard-title">
      <h1 id="admin-dashboard-title">Dashboard</h1>
      <form className="card form date-range" aria-label="Date range" onSubmit={onSubmit} noValidate>
        <TextField label="From" type="date" value={draft.from} error={rangeError} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
        <TextField label="To" type="date" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            Show
          </button>
        </div>
      </form>
      {addressProblem ? (
        <p className="form-errors" role="alert">
          {addressProblem}
        </p>
      ) : metrics.isPending ? (
        <Loading label="Loading the figures…" />
      ) : metrics.isError ? (
        <ErrorPanel error={metrics.error} retry={() => metrics.refetch()} />
      ) : (
        <Figures metrics={metrics.data} range={filters} />
      )}
    </section>
  );
}

function Figures({ metrics: m, range }: { metrics: PlatformMetrics; range: DayRange }) {
  const period = `${formatDate(range.from)} to ${formatDate(range.to)}`;
  return (
    <>
      <FiguresSection
        id="period-title"
        title={`From ${period}`}
        figuresLabel="Figures for the range"
        figures={[
          { label: "Gross volume", value: formatAmounts(m.gross_merchandise_volume), note: "Charged to clients to fund work, fees included" },
          { label: "Platform revenue", value: formatAmounts(m.platform_revenue), note: "Fees kept, net of refunded fees" },
          { label: "Jobs posted", value: m.jobs_posted },
          { label: "Contracts started", value: m.contracts_started },
          { label: "Disputes opened", value: m.disputes.opened },
          {
            label: "Median time to decide",
            value: m.disputes.median_seconds_to_resolve == null ? "—" : formatSeconds(m.disputes.median_seconds_to_resolve),
            note: "From opening to an admin's decision, for disputes decided in the range",
          },
        ]}
      >
        <Chart title="Sign-ups by role and day" kind="bar" stacked empty="No one signed up in this range." {...signupsByDay(m.signups)} />
      </FiguresSection>
      <FiguresSection
        id="now-title"
        title="Now"
        figuresLabel="Figures now"
        figures={[
          { label: "Held in escrow", value: formatAmounts(m.escrow_held) },
          { label: "Open disputes", value: m.disputes.open, note: "Waiting for a decision" },
          { label: "Connected now", value: m.active_sockets, note: "Live connections on every server" },
          { label: "Freelancers", value: m.users_by_role.freelancers },
          { label: "Clients", value: m.users_by_role.clients },
          { label: "Admins", value: m.users_by_role.admins },
        ]}
      />
    </>
  );
}
