import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import type { Checkout } from "../api/types";
import { forgetScripts } from "../lib/loadScript";
import type { PaypalActions, PaypalButtonsOptions } from "../lib/paypal";
import { forgetStripe, type StripeCardChange, type StripeCardElement } from "../lib/stripe";
import { CLIENT_ID, contractDetail } from "../test/fixtures";
import { json, mockApi, renderWithProviders, type RecordedCall } from "../test/utils";
import { FundPanel } from "./FundPanel";

const contract = contractDetail();
const [design] = contract.milestones;
const paymentPath = `/api/contracts/${contract.id}/payment`;

type Handler = (call: RecordedCall) => Response | Promise<Response>;

function open(checkout: Checkout, pay: Handler) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: CLIENT_ID, email: "c@example.com", name: "Cleo", role: "client" } });
  const api = mockApi({ "GET /api/payments/checkout": () => json(checkout), [`POST ${paymentPath}`]: pay });
  const onDone = vi.fn();
  renderWithProviders(<FundPanel contract={contract} milestone={design} otherParty="Finn Freelancer" onDone={onDone} onDismiss={() => {}} />);
  const payments = () => api.calls.filter((c) => c.method === "POST" && c.path === paymentPath);
  const sources = () => payments().map((c) => (c.body as { payment_source?: string }).payment_source);
  return { ...api, payments, sources, onDone, user: userEvent.setup() };
}

/** The panel, once it knows how the server takes money. */
async function fundPanel() {
  await waitFor(() => expect(screen.queryByText("Loading the ways to pay…")).not.toBeInTheDocument());
  return screen.getByRole("group", { name: "Fund Design" });
}

/** The browser running a script the page added: the test installs what it defines, then it "loads". */
async function loadScriptAs(src: string | RegExp, install: () => void) {
  const script = await waitFor(() => {
    const found = [...document.head.querySelectorAll("script")].find((s) => (typeof src === "string" ? s.src === src : src.test(s.src)));
    if (!found) throw new Error(`no script ${src}`);
    return found;
  });
  install();
  act(() => {
    script.dispatchEvent(new Event("load"));
  });
  return script;
}

/** Stripe.js as far as the fund panel uses it; `ids` are the payment methods it hands out, in turn. */
function fakeStripe(ids: string[]) {
  const changes: ((event: StripeCardChange) => void)[] = [];
  const element: StripeCardElement = {
    mount: vi.fn(),
    on: vi.fn((event: string, handler: (event: StripeCardChange) => void) => {
      if (event === "change") changes.push(handler);
    }) as StripeCardElement["on"],
    destroy: vi.fn(),
  };
  const createPaymentMethod = vi.fn(async () => {
    const id = ids.shift();
    return id ? { paymentMethod: { id } } : { error: { type: "validation_error", message: "Your card number is incomplete." } };
  });
  const Stripe = vi.fn((_key: string) => ({ elements: () => ({ create: () => element }), createPaymentMethod }));
  const edit = (change: StripeCardChange) => act(() => changes.forEach((handler) => handler(change)));
  return { Stripe, element, createPaymentMethod, edit };
}

const stripeCheckout: Checkout = { provider: "stripe", stripe_publishable_key: "pk_test_123", paypal_client_id: null, client_fee_bps: 500 };
const paypalCheckout: Checkout = { provider: "paypal", stripe_publishable_key: null, paypal_client_id: "paypal-client", client_fee_bps: 500 };

describe("FundPanel", () => {
  afterEach(() => {
    forgetScripts();
    forgetStripe();
    delete window.Stripe;
    delete window.paypal_usd;
  });

  it("loads Stripe.js, mounts a card and funds with the payment method Stripe makes of it", async () => {
    const stripe = fakeStripe(["pm_card_1"]);
    const { payments, onDone, user } = open(stripeCheckout, () => json({ ...design, status: "funded" }));
    const panel = await fundPanel();
    expect(await within(panel).findByRole("group", { name: "Card" })).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Fund $200.00" })).toBeDisabled();

    await loadScriptAs("https://js.stripe.com/v3/", () => {
      window.Stripe = stripe.Stripe;
    });
    await waitFor(() => expect(within(panel).getByRole("button", { name: "Fund $200.00" })).toBeEnabled());
    expect(stripe.Stripe).toHaveBeenCalledWith("pk_test_123");
    expect(stripe.element.mount).toHaveBeenCalledWith(expect.any(HTMLDivElement));
    expect(panel).toContainElement(vi.mocked(stripe.element.mount).mock.calls[0][0]);

    await user.click(within(panel).getByRole("button", { name: "Fund $200.00" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(stripe.createPaymentMethod).toHaveBeenCalledWith({ type: "card", card: stripe.element });
    expect(payments().map((c) => c.body)).toEqual([{ milestone_id: design.id, action: "fund", payment_source: "pm_card_1" }]);
    expect(payments()[0].headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows a declined card in the panel, and funds with the corrected card under the same key", async () => {
    const stripe = fakeStripe(["pm_declined", "pm_card_2"]);
    let attempts = 0;
    const { payments, onDone, user } = open(stripeCheckout, () => {
      attempts += 1;
      if (attempts === 1) return json({ error: { code: "payment_declined", message: "the payment provider declined: Your card was declined." } }, 402);
      return json({ ...design, status: "funded" });
    });
    const panel = await fundPanel();
    await loadScriptAs("https://js.stripe.com/v3/", () => {
      window.Stripe = stripe.Stripe;
    });
    const fund = await within(panel).findByRole("button", { name: "Fund $200.00" });
    await waitFor(() => expect(fund).toBeEnabled());

    await user.click(fund);
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The payment provider declined: Your card was declined.");
    expect(onDone).not.toHaveBeenCalled();

    stripe.edit({ complete: true, empty: false });
    await user.click(fund);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(payments().map((c) => c.body)).toEqual([
      { milestone_id: design.id, action: "fund", payment_source: "pm_declined" },
      { milestone_id: design.id, action: "fund", payment_source: "pm_card_2" },
    ]);
    const [first, second] = payments().map((c) => c.headers.get("Idempotency-Key"));
    expect(second).toBe(first);
  });

  it("retries with the same payment method after the provider was down, and shows what is wrong with the card", async () => {
    const stripe = fakeStripe(["pm_card_1"]);
    let attempts = 0;
    const { sources, onDone, user } = open(stripeCheckout, () => {
      attempts += 1;
      if (attempts === 1) return json({ error: { code: "service_unavailable", message: "the payment provider is unavailable: stripe could not be reached" } }, 503);
      return json({ ...design, status: "funded" });
    });
    const panel = await fundPanel();
    await loadScriptAs("https://js.stripe.com/v3/", () => {
      window.Stripe = stripe.Stripe;
    });
    const fund = await within(panel).findByRole("button", { name: "Fund $200.00" });
    await waitFor(() => expect(fund).toBeEnabled());
    stripe.edit({ complete: false, empty: false, error: { type: "validation_error", message: "Your card number is invalid." } });
    expect(within(panel).getByText("Your card number is invalid.")).toBeInTheDocument();
    stripe.edit({ complete: true, empty: false });
    expect(within(panel).queryByText("Your card number is invalid.")).not.toBeInTheDocument();

    await user.click(fund);
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The payment provider is unavailable: stripe could not be reached");
    await user.click(fund);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    // One payment method for both tries: a retry after a lost answer replays, it never charges twice.
    expect(stripe.createPaymentMethod).toHaveBeenCalledTimes(1);
    expect(sources()).toEqual(["pm_card_1", "pm_card_1"]);
  });

  it("says why Stripe would not take the card, without asking the server", async () => {
    const stripe = fakeStripe([]);
    const { payments, user } = open(stripeCheckout, () => json({ ...design, status: "funded" }));
    const panel = await fundPanel();
    await loadScriptAs("https://js.stripe.com/v3/", () => {
      window.Stripe = stripe.Stripe;
    });
    const fund = await within(panel).findByRole("button", { name: "Fund $200.00" });
    await waitFor(() => expect(fund).toBeEnabled());
    await user.click(fund);
    expect(await within(panel).findByRole("alert")).toHaveTextContent("Your card number is incomplete.");
    expect(payments()).toHaveLength(0);
  });

  it("says so when Stripe.js cannot be loaded, and loads it again on request", async () => {
    open(stripeCheckout, () => json({ ...design, status: "funded" }));
    const panel = await fundPanel();
    const script = await waitFor(() => {
      const found = document.head.querySelector<HTMLScriptElement>('script[src="https://js.stripe.com/v3/"]');
      if (!found) throw new Error("no script yet");
      return found;
    });
    act(() => {
      script.dispatchEvent(new Event("error"));
    });
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The card form could not be loaded.");
    expect(document.head.querySelector("script")).toBeNull();

    const stripe = fakeStripe(["pm_card_1"]);
    await userEvent.click(within(panel).getByRole("button", { name: "Load the card form again" }));
    await loadScriptAs("https://js.stripe.com/v3/", () => {
      window.Stripe = stripe.Stripe;
    });
    await waitFor(() => expect(within(panel).getByRole("button", { name: "Fund $200.00" })).toBeEnabled());
  });

  it("renders PayPal's buttons, orders the milestone plus the client fee, and funds with the approved order", async () => {
    let options: PaypalButtonsOptions | undefined;
    const render = vi.fn(async (_container: HTMLElement) => {});
    const Buttons = vi.fn((given: PaypalButtonsOptions) => {
      options = given;
      return { render, close: vi.fn(async () => {}) };
    });
    const { payments, onDone } = open(paypalCheckout, () => json({ ...design, status: "funded" }));
    const panel = await fundPanel();
    expect(panel).toHaveTextContent("PayPal asks you to approve $210.00: the milestone and the 5% marketplace fee.");

    const script = await loadScriptAs(/^https:\/\/www\.paypal\.com\/sdk\/js\?/, () => {
      window.paypal_usd = { Buttons };
    });
    const url = new URL(script.src);
    expect(Object.fromEntries(url.searchParams)).toEqual({ "client-id": "paypal-client", currency: "USD", intent: "capture" });
    expect(script.dataset.namespace).toBe("paypal_usd");
    await waitFor(() => expect(render).toHaveBeenCalled());
    expect(panel).toContainElement(render.mock.calls[0][0]);

    const create = vi.fn(async () => "ORDER-1");
    const actions: PaypalActions = { order: { create } };
    await expect(options!.createOrder({}, actions)).resolves.toBe("ORDER-1");
    expect(create).toHaveBeenCalledWith({ purchase_units: [{ amount: { value: "210.00", currency_code: "USD" } }] });
    expect(payments()).toHaveLength(0);
    act(() => options!.onError?.(new Error("Window closed before the order was approved")));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("PayPal could not take the payment. Nothing was charged; try again.");

    await act(async () => {
      await options!.onApprove({ orderID: "ORDER-1" });
    });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(within(panel).queryByRole("alert")).not.toBeInTheDocument();
    expect(payments().map((c) => c.body)).toEqual([{ milestone_id: design.id, action: "fund", payment_source: "ORDER-1" }]);
    expect(payments()[0].headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows a refused PayPal payment, and funds with a newly approved order under the same key", async () => {
    let options: PaypalButtonsOptions | undefined;
    const Buttons = vi.fn((given: PaypalButtonsOptions) => {
      options = given;
      return { render: vi.fn(async () => {}), close: vi.fn(async () => {}) };
    });
    let attempts = 0;
    const { payments, sources, onDone } = open(paypalCheckout, () => {
      attempts += 1;
      if (attempts === 1) return json({ error: { code: "payment_declined", message: "the payment provider declined: payment not completed: DECLINED" } }, 402);
      return json({ ...design, status: "funded" });
    });
    const panel = await fundPanel();
    await loadScriptAs(/^https:\/\/www\.paypal\.com\/sdk\/js\?/, () => {
      window.paypal_usd = { Buttons };
    });
    await waitFor(() => expect(options).toBeDefined());

    await act(async () => {
      await options!.onApprove({ orderID: "ORDER-1" });
    });
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The payment provider declined: payment not completed: DECLINED");
    // The refused order is spent: no retry of it is offered, PayPal's buttons are.
    expect(within(panel).queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();

    await act(async () => {
      await options!.onApprove({ orderID: "ORDER-2" });
    });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sources()).toEqual(["ORDER-1", "ORDER-2"]);
    const [first, second] = payments().map((c) => c.headers.get("Idempotency-Key"));
    expect(second).toBe(first);
  });

  it("offers to capture an approved PayPal order again when the provider was down", async () => {
    let options: PaypalButtonsOptions | undefined;
    const Buttons = vi.fn((given: PaypalButtonsOptions) => {
      options = given;
      return { render: vi.fn(async () => {}), close: vi.fn(async () => {}) };
    });
    let attempts = 0;
    const { sources, onDone, user } = open(paypalCheckout, () => {
      attempts += 1;
      if (attempts === 1) return json({ error: { code: "service_unavailable", message: "the payment provider is unavailable: paypal answered 500" } }, 503);
      return json({ ...design, status: "funded" });
    });
    const panel = await fundPanel();
    await loadScriptAs(/^https:\/\/www\.paypal\.com\/sdk\/js\?/, () => {
      window.paypal_usd = { Buttons };
    });
    await waitFor(() => expect(options).toBeDefined());
    await act(async () => {
      await options!.onApprove({ orderID: "ORDER-1" });
    });
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The payment provider is unavailable: paypal answered 500");

    await user.click(within(panel).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sources()).toEqual(["ORDER-1", "ORDER-1"]);
  });

  it("says so when the server has no keys for its provider", async () => {
    open({ provider: "stripe", stripe_publishable_key: null, paypal_client_id: null, client_fee_bps: 500 }, () => json({}));
    const panel = await fundPanel();
    expect(await within(panel).findByRole("alert")).toHaveTextContent("Funding is not available right now");
    expect(within(panel).queryByRole("button", { name: /^Fund/ })).not.toBeInTheDocument();
    expect(document.head.querySelector("script")).toBeNull();
  });
});
