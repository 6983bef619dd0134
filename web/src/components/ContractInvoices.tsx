import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { contractInvoicesQuery } from "../pages/moneyQueries";
import { InvoiceTable } from "./InvoiceTable";
import { ErrorPanel } from "./Status";

/** The invoices of one contract, once money has been released on it. */
export function ContractInvoices({ contractId, me }: { contractId: string; me: string | undefined }) {
  const invoices = useQuery(contractInvoicesQuery(contractId));
  if (invoices.isError) return <ErrorPanel error={invoices.error} retry={() => invoices.refetch()} />;
  if (!invoices.data || invoices.data.length === 0) return null;
  return (
    <section className="card" aria-label="Contract invoices">
      <InvoiceTable invoices={invoices.data} me={me} showContract={false} />
      <p>
        <Link to="/invoices">All invoices</Link>
      </p>
    </section>
  );
}
