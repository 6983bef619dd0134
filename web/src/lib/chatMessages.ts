import type { InfiniteData } from "@tanstack/react-query";
import type { ChatSummary, Message, MessagePage } from "../api/types";

/** A conversation's history as loaded: pages of messages, newest first. */
export type History = InfiniteData<MessagePage>;

/**
 * Of two copies of one message, the later: a deletion is final, and a later
 * edit wins over an earlier one.
 */
export function newerCopy(held: Message, incoming: Message): Message {
  if (held.deleted_at && !incoming.deleted_at) return held;
  if (!incoming.deleted_at && held.edited_at && (!incoming.edited_at || Date.parse(incoming.edited_at) < Date.parse(held.edited_at))) return held;
  return incoming;
}

/**
 * The history with `message` in it: a copy already held is replaced by the
 * newer of the two, and a new one joins the newest page (in `seq` order),
 * which also learns the conversation's id.
 */
export function mergeMessage(history: History, message: Message): History {
  let found = false;
  const pages = history.pages.map((page) => {
    const at = page.items.findIndex((item) => item.id === message.id);
    if (at < 0) return page;
    found = true;
    const items = [...page.items];
    items[at] = newerCopy(items[at], message);
    return { ...page, items };
  });
  if (found) return { ...history, pages };
  const [first, ...rest] = pages;
  if (!first) return history;
  const items = [message, ...first.items].sort((a, b) => b.seq - a.seq);
  return { ...history, pages: [{ ...first, conversation_id: message.conversation_id, items }, ...rest] };
}

/** Every message held, once each, oldest first. */
export function flattenHistory(history: History | undefined): Message[] {
  if (!history) return [];
  const byId = new Map<string, Message>();
  for (const page of history.pages) {
    for (const item of page.items) {
      const held = byId.get(item.id);
      byId.set(item.id, held ? newerCopy(held, item) : item);
    }
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The newest `seq` held, 0 for none. */
export function lastSeq(history: History | undefined): number {
  let max = 0;
  for (const page of history?.pages ?? []) for (const item of page.items) max = Math.max(max, item.seq);
  return max;
}

/** "2 attachments", "1 attachment". */
export function countAttachments(count: number): string {
  return `${count} attachment${count === 1 ? "" : "s"}`;
}

/** One line about a conversation's last message, as the list shows it. */
export function describeLastMessage(chat: ChatSummary, me: string | undefined): string {
  const message = chat.last_message;
  if (!message) return "No messages yet";
  const who = message.sender_id === me ? "You: " : "";
  if (message.deleted_at) return `${who}Message deleted`;
  const text = message.body.replace(/\s+/g, " ").trim();
  if (text) return `${who}${text}`;
  return `${who}${countAttachments(message.attachments.length)}`;
}

/** A random id for a message being sent, so a re-send of it is stored once. */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The `seq` of the user's newest message that the peer has read, if any: where "Seen" goes. */
export function seenAt(messages: Message[], me: string | undefined, peerReadSeq: number): number | null {
  let seen: number | null = null;
  for (const message of messages) {
    if (message.sender_id === me && message.seq <= peerReadSeq) seen = message.seq;
  }
  return seen;
}

const TIME = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });
const DAY_AND_TIME = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

/** "3:04 PM" today, "Nov 27, 3:04 PM" before, in the browser's time zone. */
export function formatMessageTime(timestamp: string, now: Date = new Date()): string {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return timestamp;
  return at.toDateString() === now.toDateString() ? TIME.format(at) : DAY_AND_TIME.format(at);
}
