import type { MonthFigures } from "../api/types";
import { formatMonth } from "../lib/labels";
import { formatAmounts } from "../lib/money";

/** Earned (as a freelancer, after fees) and spent (as a client, fees included) per month, newest first. */
export function MonthlyTable({ months }: { months: MonthFigures[] }) {
  return (
    <table className="table">
      <caption>Last 12 months</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="number">
            Earned
          </th>
          <th scope="col" className="number">
            Spent
          </th>
        </tr>
      </thead>
      <tbody>
        {[...months].reverse().map((m) => (
          <tr key={m.month}>
            <th scope="row">{formatMonth(m.month)}</th>
            <td className="number">{formatAmounts(m.earned)}</td>
            <td className="number">{formatAmounts(m.spent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
