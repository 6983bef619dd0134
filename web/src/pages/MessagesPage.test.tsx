import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { setSession } from "../api/session";
import type { Conversation, Message, MessagePage } from "../api/types";
import { RealtimeProvider } from "../realtime/RealtimeProvider";
import { createSocket } from "../realtime/socket";
import { fakeSockets, type FakeSocket } from "../test/fakeSocket";
import { CLIENT_ID, CONVERSATION_ID, FREELANCER_ID, chatMessage, chatSummary, freelancerProfile } from "../test/fixtures";
import { json, mockApi, renderWithProviders, type RecordedCall } from "../test/utils";
import { MessagesPage } from "./MessagesPage";

// The socket is the server's side here; everything above it is the real thing.
vi.mock("../realtime/socket", () => ({ createSocket: vi.fn() }));

type Handler = (call: RecordedCall) => Response | Promise<Response>;

interface Setup {
  route?: string;
  /** The history's first page (newest first); older pages by cursor. */
  pages?: Record<string, MessagePage>;
  read?: Conversation["read"];
  handlers?: Record<string, Handler>;
  prepare?: (socket: FakeSocket) => void;
}

const mine = (seq: number, overrides: Partial<Message> = {}) => chatMessage(seq, { sender_id: CLIENT_ID, ...overrides });
const page = (items: Message[], next_cursor: string | null = null, conversation_id: string | null = CONVERSATION_ID): MessagePage => ({
  conversation_id,
  items,
  next_cursor,
});

/** Opens the messages page as the fixtures' client, talking with Finn Freelancer. */
function open({ route = `/messages/${FREELANCER_ID}`, pages, read, handlers = {}, prepare }: Setup = {}) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: CLIENT_ID, email: "cleo@example.com", name: "Cleo Client", role: "client" } });
  const history = pages ?? { first: page([chatMessage(2), mine(1)]) };
  const sockets = fakeSockets(vi.mocked(createSocket), (socket) => {
    socket.answers.sync = () => ({ messages: [], has_more: false });
    socket.answers["message:read"] = ({ seq }: { seq: number }) => ({ read_seq: seq });
    prepare?.(socket);
  });
  const api = mockApi({
    "GET /api/chats": () => json({ items: [chatSummary({ unread_count: 1 })], next_cursor: null, unread_total: 1 }),
    [`GET /api/chats/${FREELANCER_ID}/messages`]: ({ search }) => json(history[new URLSearchParams(search).get("cursor") ?? "first"]),
    [`GET /api/conversations/${CONVERSATION_ID}`]: () =>
      json({
        id: CONVERSATION_ID,
        members: [CLIENT_ID, FREELANCER_ID],
        last_seq: 2,
        read: read ?? [
          { user_id: CLIENT_ID, read_seq: 1 },
          { user_id: FREELANCER_ID, read_seq: 1 },
        ],
        created_at: "2026-11-28T10:00:00Z",
      }),
    [`GET /api/users/${FREELANCER_ID}`]: () => json(freelancerProfile({ id: FREELANCER_ID, name: "Finn Freelancer" })),
    ...handlers,
  });
  const user = userEvent.setup();
  renderWithProviders(
    <RealtimeProvider>
      <Routes>
        <Route path="/messages" element={<MessagesPage />} />
        <Route path="/messages/:userId" element={<MessagesPage />} />
      </Routes>
    </RealtimeProvider>,
    { route },
  );
  return { ...api, user, socket: () => sockets.at(-1)! };
}

const thread = () => screen.findByRole("list", { name: "Messages with Finn Freelancer" });
/** The message (list item) showing `text`. */
const item = async (text: string) => (await within(await thread()).findByText(text)).closest("li")!;
const box = () => within(screen.getByRole("form", { name: "Write to Finn Freelancer" })).getByRole("textbox", { name: "Message" });
const online = (socket: () => FakeSocket) => waitFor(() => expect(socket().connected).toBe(true));

describe("MessagesPage", () => {
  it("lists the conversations with their last message and unread count", async () => {
    open({
      route: "/messages",
      handlers: {
        "GET /api/chats": () =>
          json({
            items: [
              chatSummary({ unread_count: 2, last_message: chatMessage(4, { body: "Can you start Monday?" }) }),
              chatSummary({
                conversation_id: "c2",
                user: { id: "u-3", name: "Uma Other", avatar_url: null },
                last_message: chatMessage(1, { conversation_id: "c2", sender_id: CLIENT_ID, body: "Thanks!" }),
                unread_count: 0,
              }),
            ],
            next_cursor: null,
            unread_total: 2,
          }),
      },
    });
    const list = await screen.findByRole("list", { name: "Conversations" });
    const links = within(list).getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual([`/messages/${FREELANCER_ID}`, "/messages/u-3"]);
    expect(links[0]).toHaveTextContent("Finn Freelancer");
    expect(links[0]).toHaveTextContent("Can you start Monday?");
    expect(links[0]).toHaveTextContent("2 unread");
    expect(links[1]).toHaveTextContent("You: Thanks!");
    expect(links[1]).not.toHaveTextContent("unread");
    expect(screen.getByRole("heading", { name: "Pick a conversation" })).toBeInTheDocument();
  });

  it("shows the history, then a message pushed live, and marks it read while the page is on screen", async () => {
    const { socket, calls } = open();
    expect(await item("Message 2")).toBeInTheDocument();
    expect(within(await thread()).getByText("Message 1")).toBeInTheDocument();
    await online(socket);
    // Message 2 came from the peer and was unread.
    await waitFor(() => expect(socket().sent("message:read")).toEqual([{ conversation_id: CONVERSATION_ID, seq: 2 }]));
    expect(screen.getByRole("link", { name: /Finn Freelancer/, current: "page" })).toBeInTheDocument();

    const chatsBefore = calls.filter((c) => c.path === "/api/chats").length;
    socket().push("message:new", chatMessage(3, { body: "Are you there?" }));
    expect(await item("Are you there?")).toBeInTheDocument();
    await waitFor(() => expect(socket().sent("message:read")).toContainEqual({ conversation_id: CONVERSATION_ID, seq: 3 }));
    // The list and its unread counts are read again.
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/chats").length).toBeGreaterThan(chatsBefore));
  });

  it("sends with Enter over the socket with a client id, keeps Shift+Enter as a new line, and shows the message pending until the ack", async () => {
    let ack: (answer: unknown) => void = () => {};
    const { socket, user } = open({
      prepare: (s) => {
        s.answers["message:send"] = () => new Promise((resolve) => (ack = resolve));
      },
    });
    await thread();
    await online(socket);
    await user.type(box(), "Hello{Shift>}{Enter}{/Shift}there{Enter}");

    await waitFor(() => expect(socket().sent("message:send")).toHaveLength(1));
    const [sent] = socket().sent("message:send") as { client_id: string }[];
    expect(sent).toEqual({ conversation_id: CONVERSATION_ID, body: "Hello\nthere", client_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(box()).toHaveValue("");
    const pending = await item("Hello there");
    expect(pending).toHaveTextContent("Sending…");

    // The push of one's own message may come before the ack: it is shown once.
    const stored = mine(3, { body: "Hello\nthere", client_id: sent.client_id });
    socket().push("message:new", stored);
    ack({ message: stored });
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Messages with Finn Freelancer" })).queryByText("Sending…")).toBeNull());
    expect(within(await thread()).getAllByText("Hello there")).toHaveLength(1);
  });

  it("shows a send without an ack as failed, and retries it with the same client id", async () => {
    const { socket, user } = open();
    await thread();
    await online(socket);
    await user.type(box(), "Are we on for Friday?");
    await user.click(screen.getByRole("button", { name: "Send" }));

    const failed = await item("Are we on for Friday?");
    expect(within(failed).getByRole("alert")).toHaveTextContent("Not sent: The server did not answer in time. Try again.");
    const [first] = socket().sent("message:send") as { client_id: string }[];
    socket().answers["message:send"] = (payload: { client_id: string }) => ({ message: mine(3, { body: "Are we on for Friday?", client_id: payload.client_id }) });
    await user.click(within(failed).getByRole("button", { name: "Retry" }));

    await waitFor(() => expect(within(screen.getByRole("list", { name: "Messages with Finn Freelancer" })).queryByRole("alert")).toBeNull());
    const [, again] = socket().sent("message:send") as { client_id: string }[];
    expect(again.client_id).toBe(first.client_id);
    expect(within(await thread()).getAllByText("Are we on for Friday?")).toHaveLength(1);
  });

  it("starts a conversation with someone new, and says so when the server does not allow it", async () => {
    const { socket, user } = open({ pages: { first: page([], null, null) } });
    expect(await screen.findByText("No messages yet. Say hello to Finn Freelancer.")).toBeInTheDocument();
    await online(socket);
    socket().answers["message:send"] = () => ({
      error: { code: "chat_not_allowed", message: "you can message friends and people you have a job invitation, proposal or contract with" },
    });
    await user.type(box(), "Hi Finn{Enter}");
    const failed = await item("Hi Finn");
    expect(within(failed).getByRole("alert")).toHaveTextContent("Not sent: You can message friends and people you have a job invitation, proposal or contract with");
    expect(socket().sent("message:send")).toEqual([{ to_user_id: FREELANCER_ID, body: "Hi Finn", client_id: expect.any(String) }]);
    await user.click(within(failed).getByRole("button", { name: "Discard" }));
    expect(within(await thread()).queryByText("Hi Finn")).toBeNull();
  });

  it("sends over HTTP while the socket is down", async () => {
    const { calls, user } = open({
      prepare: (s) => {
        s.autoAccept = false;
      },
      handlers: {
        [`POST /api/conversations/${CONVERSATION_ID}/messages`]: ({ body }) =>
          json(mine(3, { body: "Over HTTP", client_id: (body as { client_id: string }).client_id }), 201),
        [`POST /api/conversations/${CONVERSATION_ID}/read`]: ({ body }) => json({ user_id: CLIENT_ID, read_seq: (body as { seq: number }).seq }),
      },
    });
    await thread();
    await user.type(box(), "Over HTTP{Enter}");
    const message = await item("Over HTTP");
    await waitFor(() => expect(message).not.toHaveTextContent("Sending…"));
    const post = calls.find((c) => c.method === "POST" && c.path.endsWith("/messages"));
    expect(post?.body).toEqual({ body: "Over HTTP", client_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(calls.find((c) => c.path.endsWith("/read"))?.body).toEqual({ seq: 2 });
  });

  it("shows a conversation the peer starts while it is open, and from then on keeps it in sync", async () => {
    const { socket } = open({ pages: { first: page([], null, null) } });
    await screen.findByText("No messages yet. Say hello to Finn Freelancer.");
    await online(socket);
    socket().push("message:new", chatMessage(1, { body: "Hi Cleo, a question about the job." }));
    expect(await item("Hi Cleo, a question about the job.")).toBeInTheDocument();
    await waitFor(() => expect(socket().sent("sync")).toEqual([{ conversation_id: CONVERSATION_ID, after_seq: 1 }]));
  });

  it("catches up after a reconnection from the newest message it has", async () => {
    const { socket } = open();
    await item("Message 2");
    await online(socket);
    await waitFor(() => expect(socket().sent("sync")).toHaveLength(1));
    socket().drop();
    expect(await screen.findByText(/Reconnecting…/)).toBeInTheDocument();
    socket().answers.sync = ({ after_seq }: { after_seq: number }) => ({ messages: after_seq === 2 ? [chatMessage(3, { body: "Sent while you were away" })] : [], has_more: false });
    socket().accept();
    expect(await item("Sent while you were away")).toBeInTheDocument();
    expect(socket().sent("sync").at(-1)).toEqual({ conversation_id: CONVERSATION_ID, after_seq: 2 });
    expect(screen.queryByText(/Reconnecting…/)).toBeNull();
  });

  it("shows the peer typing, and tells the peer while the user types", async () => {
    const { socket, user } = open({ prepare: (s) => (s.answers["message:send"] = () => ({ message: mine(3, { body: "Yes" }) })) });
    await item("Message 2");
    await online(socket);
    socket().push("typing", { conversation_id: CONVERSATION_ID, user_id: FREELANCER_ID, typing: true });
    expect(await screen.findByText("Finn Freelancer is typing…")).toBeInTheDocument();
    socket().push("typing", { conversation_id: CONVERSATION_ID, user_id: FREELANCER_ID, typing: false });
    expect(screen.queryByText("Finn Freelancer is typing…")).toBeNull();

    await user.type(box(), "Yes");
    expect(socket().sent("typing")).toEqual([{ conversation_id: CONVERSATION_ID, typing: true }]);
    await user.keyboard("{Enter}");
    expect(socket().sent("typing")).toEqual([
      { conversation_id: CONVERSATION_ID, typing: true },
      { conversation_id: CONVERSATION_ID, typing: false },
    ]);
  });

  it("puts Seen under the user's last message the peer has read, and moves it when the peer reads on", async () => {
    const { socket } = open({
      pages: { first: page([mine(3, { body: "Second" }), mine(2, { body: "First" }), chatMessage(1)]) },
      read: [
        { user_id: CLIENT_ID, read_seq: 3 },
        { user_id: FREELANCER_ID, read_seq: 2 },
      ],
    });
    await waitFor(async () => expect(await item("First")).toHaveTextContent("Seen"));
    expect(await item("Second")).not.toHaveTextContent("Seen");
    await online(socket);
    socket().push("message:read", { conversation_id: CONVERSATION_ID, user_id: FREELANCER_ID, seq: 3 });
    await waitFor(async () => expect(await item("Second")).toHaveTextContent("Seen"));
    expect(await item("First")).not.toHaveTextContent("Seen");
    // Everything was read already: nothing to mark.
    expect(socket().sent("message:read")).toEqual([]);
  });

  it("edits and deletes the user's own messages; a deleted one reads “Message deleted”", async () => {
    const own = mine(1, { body: "Budget is $500" });
    const { calls, user, socket } = open({
      handlers: {
        [`PATCH /api/messages/${own.id}`]: ({ body }) => json({ ...own, body: (body as { body: string }).body, edited_at: "2026-11-28T11:00:00Z" }),
        [`DELETE /api/messages/${own.id}`]: () => json({ ...own, body: "", deleted_at: "2026-11-28T12:00:00Z" }),
      },
      pages: { first: page([chatMessage(2), own]) },
    });
    expect(within(await item("Message 2")).queryByRole("button", { name: "Edit" })).toBeNull();
    await online(socket);

    await user.click(within(await item("Budget is $500")).getByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit message" });
    const text = within(form).getByRole("textbox", { name: "Message" });
    await user.clear(text);
    await user.type(text, "Budget is $600{Enter}");
    const edited = await item("Budget is $600");
    expect(edited).toHaveTextContent("edited");
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ body: "Budget is $600" });

    await user.click(within(edited).getByRole("button", { name: "Delete" }));
    await user.click(within(screen.getByRole("group", { name: "Delete message" })).getByRole("button", { name: "Delete" }));
    const tombstone = await item("Message deleted");
    expect(within(tombstone).queryByRole("button", { name: "Edit" })).toBeNull();
    expect(within(await thread()).queryByText("Budget is $600")).toBeNull();

    // The peer's deletion arrives as a push.
    socket().push("message:updated", chatMessage(2, { body: "", deleted_at: "2026-11-28T12:05:00Z" }));
    await waitFor(async () => expect(within(await thread()).getAllByText("Message deleted")).toHaveLength(2));
  });

  it("reports a received message, and offers no report of one's own", async () => {
    const { calls, user } = open({ handlers: { "POST /api/reports": () => json({ id: "r1" }, 201) } });
    expect(within(await item("Message 1")).queryByRole("button", { name: /^Report/ })).toBeNull();
    const received = await item("Message 2");
    await user.click(within(received).getByRole("button", { name: "Report message from Finn Freelancer" }));
    const form = within(received).getByRole("form", { name: "Report message from Finn Freelancer" });
    await user.selectOptions(within(form).getByLabelText("Reason"), "Harassment");
    await user.type(within(form).getByLabelText("Details (optional)"), "Insults");
    await user.click(within(form).getByRole("button", { name: "Send report" }));
    expect(await within(received).findByText(/we received your report/)).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/reports")?.body).toEqual({
      subject_kind: "message",
      subject_id: chatMessage(2).id,
      reason: "harassment",
      details: "Insults",
    });
  });

  it("loads older messages on demand", async () => {
    const { user } = open({ pages: { first: page([chatMessage(4), chatMessage(3)], "c2"), c2: page([chatMessage(2), chatMessage(1)]) } });
    await item("Message 4");
    expect(within(await thread()).queryByText("Message 1")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Load older messages" }));
    await item("Message 1");
    const texts = within(await thread())
      .getAllByText(/^Message \d$/)
      .map((p) => p.textContent);
    expect(texts).toEqual(["Message 1", "Message 2", "Message 3", "Message 4"]);
    expect(screen.queryByRole("button", { name: "Load older messages" })).toBeNull();
  });

  it("uploads picked files and sends their ids; received files open with the session's token", async () => {
    const { user, socket, calls } = open({
      pages: { first: page([chatMessage(1, { body: "", attachments: ["f-9"] })]) },
      handlers: {
        "POST /api/files": () =>
          json({ id: "f-1", content_type: "application/pdf", created_at: "2026-11-28T10:00:00Z", purpose: "attachment", size_bytes: 8, url: "/api/files/f-1" }, 201),
      },
      prepare: (s) => (s.answers["message:send"] = (payload: { client_id: string }) => ({ message: mine(2, { body: "", attachments: ["f-1"], client_id: payload.client_id }) })),
    });
    expect(await within(await thread()).findByRole("button", { name: "Attachment 1" })).toBeInTheDocument();
    await online(socket);

    await user.upload(screen.getByLabelText("Attach files"), new File(["%PDF-1.7"], "brief.pdf", { type: "application/pdf" }));
    expect(await within(screen.getByRole("list", { name: "Attached files" })).findByText("brief.pdf")).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/files")?.method).toBe("POST");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(socket().sent("message:send")).toEqual([{ conversation_id: CONVERSATION_ID, body: "", attachments: ["f-1"], client_id: expect.any(String) }]));
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Messages with Finn Freelancer" })).getAllByRole("button", { name: "Attachment 1" })).toHaveLength(2));
  });
});
