import { Route, Routes } from "react-router";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import type { DisputeWithTimeline } from "../api/types";
import { DisputePage } from "../pages/DisputePage";
import { CLIENT_ID, contractDetail, FREELANCER_ID, freelancerProfile } from "./fixtures";
import { json, mockApi, renderWithProviders, type RecordedCall } from "./utils";

type Handler = (call: RecordedCall) => Response | Promise<Response>;

/** The parties' names and the disputed contract, as every dispute page reads them. */
export function disputeContext(): Record<string, Handler> {
  const contract = contractDetail();
  return {
    [`GET /api/contracts/${contract.id}`]: () => json(contract),
    [`GET /api/users/${CLIENT_ID}`]: () => json(freelancerProfile({ id: CLIENT_ID, name: "Cleo Client", role: "client", roles: ["client"], freelancer: null })),
    [`GET /api/users/${FREELANCER_ID}`]: () => json(freelancerProfile({ id: FREELANCER_ID, name: "Finn Freelancer" })),
  };
}

/** Opens a dispute's page as `userId`; `state.dispute` is what the next read of it returns. */
export function openDispute(userId: string, dispute: DisputeWithTimeline, handlers: Record<string, Handler> = {}) {
  const role = userId === CLIENT_ID ? "client" : "freelancer";
  setSession({ accessToken: "a", refreshToken: "r", user: { id: userId, email: "x@example.com", name: "X", role } });
  const state = { dispute };
  const api = mockApi({ ...disputeContext(), [`GET /api/disputes/${dispute.id}`]: () => json(state.dispute), ...handlers });
  const user = userEvent.setup();
  renderWithProviders(
    <Routes>
      <Route path="/disputes/:id" element={<DisputePage />} />
    </Routes>,
    { route: `/disputes/${dispute.id}` },
  );
  return { ...api, state, user };
}
