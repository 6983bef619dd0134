import { api, unwrap } from "./client";
import type { Invoice, Paged } from "./types";

/** The caller's invoices, as client or freelancer, newest first; `contract_id` keeps one contract's. */
export function listInvoices(query: { cursor?: string; limit?: number; contract_id?: string } = {}): Promise<Paged<Invoice>> {
  return unwrap(api.GET("/api/invoices", { params: { query } }));
}

/** Where an invoice is served as a printable page or a PDF (the bearer token is needed). */
export function invoiceDocumentPath(id: string, format: "html" | "pdf"): string {
  return `/api/invoices/${encodeURIComponent(id)}?format=${format}`;
}
