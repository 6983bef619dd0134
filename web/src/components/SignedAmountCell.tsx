import type { Money } from "../api/types";
import { formatMoney } from "../lib/money";

/** A table cell with money into an account ("+$10.00", marked) or out of it ("-$10.00"). */
export function SignedAmountCell({ money }: { money: Money }) {
  const into = money.amount > 0;
  return (
    <td className={`number${into ? " amount-in" : ""}`}>
      {into ? "+" : ""}
      {formatMoney(money)}
    </td>
  );
}
