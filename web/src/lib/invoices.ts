import type { Invoice, Money } from "../api/types";

/** An invoice from the viewer's side: what the client paid, or what the freelancer was paid. */
export function invoiceSide(invoice: Invoice, userId: string | undefined): { label: string; amount: Money } {
  return invoice.client.id === userId
    ? { label: "You paid", amount: invoice.totals.client_total }
    : { label: "You received", amount: invoice.totals.freelancer_net };
}

/** The invoice a billed week names, if it is among `invoices`. */
export function weekInvoice(invoices: Invoice[], invoiceId: string | null | undefined): Invoice | undefined {
  return invoiceId ? invoices.find((invoice) => invoice.id === invoiceId) : undefined;
}
