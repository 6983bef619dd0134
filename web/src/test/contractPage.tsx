import { Route, Routes } from "react-router";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import type { ContractDetail, Invoice } from "../api/types";
import { ContractPage } from "../pages/ContractPage";
import { CLIENT_ID, FREELANCER_ID, freelancerProfile } from "./fixtures";
import { json, mockApi, renderWithProviders, type RecordedCall } from "./utils";

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

/** Opens the contract as `userId`; `state.contract` is what the next read of it returns. */
export function open(userId: string, contract: ContractDetail, handlers: Record<string, Handler> = {}, invoices: Invoice[] = []) {
  const role = userId === CLIENT_ID ? "client" : "freelancer";
  setSession({ accessToken: "a", refreshToken: "r", user: { id: userId, email: "x@example.com", name: "X", role } });
  const state = { contract };
  const api = mockApi({
    [`GET /api/contracts/${contract.id}`]: () => json(state.contract),
    [`GET /api/users/${CLIENT_ID}`]: () => json(freelancerProfile({ id: CLIENT_ID, name: "Cleo Client", role: "client", roles: ["client"], freelancer: null })),
    [`GET /api/users/${FREELANCER_ID}`]: () => json(freelancerProfile({ id: FREELANCER_ID, name: "Finn Freelancer" })),
    "GET /api/payments/checkout": () => json({ provider: "sandbox", stripe_publishable_key: null, paypal_client_id: null }),
    "GET /api/invoices": ({ search }) =>
      json({ items: invoices.filter((i) => i.contract_id === new URLSearchParams(search).get("contract_id")), next_cursor: null }),
    ...handlers,
  });
  const user = userEvent.setup();
  renderWithProviders(
    <Routes>
      <Route path="/contracts/:id" element={<ContractPage />} />
    </Routes>,
    { route: `/contracts/${contract.id}` },
  );
  return { ...api, state, user };
}
