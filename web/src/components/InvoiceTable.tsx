import { Link } from "react-router";
import { invoiceDocumentPath } from "../api/invoices";
import type { Invoice } from "../api/types";
import { invoiceSide } from "../lib/invoices";
import { formatDate } from "../lib/labels";
import { formatMoney } from "../lib/money";
import { DocumentButton } from "./DocumentButton";

interface InvoiceTableProps {
  invoices: Invoice[];
  me: string | undefined;
  /** Off on a contract's own page, where every invoice is that contract's. */
  showContract?: boolean;
}

/** Invoices with the viewer's side of each (paid or received), to view or download. */
export function InvoiceTable({ invoices, me, showContract = true }: InvoiceTableProps) {
  return (
    <table className="table invoices">
      <caption>Invoices</caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Date</th>
          {showContract && <th scope="col">Contract</th>}
          <th scope="col">Amount</th>
          <th scope="col">
            <span className="visually-hidden">Documents</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => {
          const side = invoiceSide(invoice, me);
          return (
            <tr key={invoice.id}>
              <th scope="row">{invoice.number}</th>
              <td>{formatDate(invoice.issued_at)}</td>
              {showContract && (
                <td>
                  <Link to={`/contracts/${invoice.contract_id}`}>{invoice.title}</Link>
                </td>
              )}
              <td>
                <span className="muted">{side.label}</span> {formatMoney(side.amount)}
              </td>
              <td>
                <div className="button-row" role="group" aria-label={`Invoice ${invoice.number}`}>
                  <DocumentButton path={invoiceDocumentPath(invoice.id, "html")} mode="view">
                    View
                  </DocumentButton>
                  <DocumentButton path={invoiceDocumentPath(invoice.id, "pdf")} mode="save" saveAs={`${invoice.number}.pdf`}>
                    Download PDF
                  </DocumentButton>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
