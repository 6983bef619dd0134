import { io, type Socket } from "socket.io-client";
import type { ErrorBody, Message, Notification } from "../api/types";

/** A read receipt: `user_id` has read the conversation up to `seq`. */
export interface ReadEvent {
  conversation_id: string;
  user_id: string;
  seq: number;
}

export interface TypingEvent {
  conversation_id: string;
  user_id: string;
  typing: boolean;
}

/** What the server pushes. */
export interface ServerEvents {
  "message:new": (message: Message) => void;
  /** An edit, or a deletion (the message comes back as a tombstone). */
  "message:updated": (message: Message) => void;
  "message:read": (event: ReadEvent) => void;
  typing: (event: TypingEvent) => void;
  "notification:new": (notification: Notification) => void;
}

/** An ack: the answer, or the server's error in its usual shape. */
export type Ack<T> = T | ErrorBody;

export interface SendPayload {
  conversation_id?: string;
  to_user_id?: string;
  body: string;
  attachments?: string[];
  client_id?: string;
}

/** What the client asks, each answered through the ack. */
export interface ClientEvents {
  "message:send": (payload: SendPayload, ack: (answer: Ack<{ message: Message }>) => void) => void;
  sync: (
    payload: { conversation_id: string; after_seq: number; limit?: number },
    ack: (answer: Ack<{ messages: Message[]; has_more: boolean }>) => void,
  ) => void;
  "message:read": (payload: { conversation_id: string; seq: number }, ack: (answer: Ack<{ read_seq: number }>) => void) => void;
  typing: (payload: { conversation_id: string; typing: boolean }) => void;
}

export type ChatSocket = Socket<ServerEvents, ClientEvents>;

/**
 * A socket to the server on the page's own origin (`/socket.io/`), not yet
 * connected. `token` is asked on every attempt, so a reconnection carries
 * the latest access token.
 */
export function createSocket(token: () => string): ChatSocket {
  return io({ autoConnect: false, auth: (send) => send({ token: token() }) });
}
