import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { invoiceDocumentPath } from "../api/invoices";
import type { Contract, HourlyWeek, Invoice } from "../api/types";
import type { PartyRole } from "../lib/contracts";
import { weekInvoice } from "../lib/invoices";
import { formatDateRange } from "../lib/labels";
import { formatMoney } from "../lib/money";
import { describeWeekStatus, formatMinutes } from "../lib/timesheet";
import { billedWeeksQuery } from "../pages/marketQueries";
import { contractInvoicesQuery } from "../pages/moneyQueries";
import { DisputeForm } from "./DisputeForm";
import { DocumentButton } from "./DocumentButton";
import { ErrorPanel, Loading } from "./Status";
import { StatusBadge } from "./StatusBadge";

/** The weeks an hourly contract was billed for: the time, the money, whether it is paid out yet, and each week's invoice. */
export function BilledWeeks({ contract, role }: { contract: Contract; role: PartyRole | null }) {
  const weeks = useQuery(billedWeeksQuery(contract.id));
  // The same list the contract's invoices section shows; each week's invoice is among them.
  const invoices = useQuery(contractInvoicesQuery(contract.id)).data ?? [];
  const [disputing, setDisputing] = useState<HourlyWeek | null>(null);
  return (
    <section className="card" aria-labelledby="billed-weeks-title">
      <h2 id="billed-weeks-title">Billed weeks</h2>
      {weeks.isPending ? (
        <Loading label="Loading the billed weeks…" />
      ) : weeks.isError ? (
        <ErrorPanel error={weeks.error} retry={() => weeks.refetch()} />
      ) : weeks.data.length === 0 ? (
        <p className="muted">
          No week billed yet. On the Monday after a week with logged time, the client is charged and the money is held for review before it is paid out.
        </p>
      ) : (
        <table className="table billed-weeks" aria-labelledby="billed-weeks-title">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col" className="number">
                Time
              </th>
              <th scope="col" className="number">
                Amount
              </th>
              <th scope="col" className="number">
                {role === "freelancer" ? "You receive" : "Freelancer receives"}
              </th>
              <th scope="col">Status</th>
              <th scope="col">Invoice</th>
              {role && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {weeks.data.map((week) => (
              <WeekRow key={week.id} week={week} invoice={weekInvoice(invoices, week.invoice_id)} onDispute={role ? () => setDisputing(week) : undefined} />
            ))}
          </tbody>
        </table>
      )}
      {disputing && (
        <DisputeForm
          label={`Dispute the week of ${formatDateRange(disputing.week_start, disputing.week_end)}`}
          subject={{ hourly_week_id: disputing.id }}
          onCancel={() => setDisputing(null)}
        />
      )}
    </section>
  );
}

/** A party may dispute a week while its money is held for review. */
function WeekRow({ week, invoice, onDispute }: { week: HourlyWeek; invoice: Invoice | undefined; onDispute?: () => void }) {
  return (
    <tr>
      <th scope="row">{formatDateRange(week.week_start, week.week_end)}</th>
      <td className="number">{formatMinutes(week.minutes)}</td>
      <td className="number">{formatMoney(week.amount)}</td>
      <td className="number">{formatMoney(week.freelancer_net)}</td>
      <td>
        <StatusBadge status={week.status} label={describeWeekStatus(week)} />
      </td>
      <td>
        {invoice ? (
          <DocumentButton path={invoiceDocumentPath(invoice.id, "html")} mode="view" className="link-button">
            {invoice.number}
          </DocumentButton>
        ) : (
          "—"
        )}
      </td>
      {onDispute && (
        <td>
          {week.status === "held" && (
            <button type="button" className="link-button" aria-label={`Open a dispute on the week of ${formatDateRange(week.week_start, week.week_end)}`} onClick={onDispute}>
              Open a dispute
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
