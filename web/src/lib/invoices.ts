import type { Invoice, Money } from "../api/types";

/** An invoice from the viewer's side: what the client paid, or what the freelancer was paid. */
export function invoiceSide(invoice: Invoice, userId: string | undefined): { label: string; amount: Money } {
  return invoice.client.id === userId
    ? { label: "You paid", amount: invoice.totals.client_total }
    : { label: "You received", amount: invoice.totals.freelancer_net };
}

/** The invoice issued for the hourly week starting on the Monday `weekStart`, if it is among `invoices`. */
export function weekInvoice(invoices: Invoice[], weekStart: string): Invoice | undefined {
  return invoices.find((invoice) => invoice.kind === "hourly_week" && invoice.period_start === weekStart);
}
