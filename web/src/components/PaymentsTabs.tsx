import { NavLink } from "react-router";

/** The two views of the admins' payments: the ledger and the payouts. */
export function PaymentsTabs() {
  return (
    <nav aria-label="Payments">
      <ul className="nav">
        <li>
          <NavLink to="/admin/payments" end>
            Ledger transactions
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/payments/payouts">Payouts</NavLink>
        </li>
      </ul>
    </nav>
  );
}
