import { getConversation, listChats } from "../api/chats";

/** The caller's conversations, page by page (`usePaged`). */
export const chatListKey = ["chats", "list"] as const;

/** Just the unread total over all conversations, for the header's badge. */
export const unreadMessagesQuery = () => ({
  queryKey: ["chats", "unread"] as const,
  queryFn: () => listChats({ limit: 1 }),
});

/** The history with one user, newest first, page by page (a `History`). */
export const messagesKey = (userId: string) => ["messages", userId] as const;

/** A conversation with both members' read marks. */
export const conversationQuery = (id: string) => ({
  queryKey: ["conversations", id] as const,
  queryFn: () => getConversation(id),
});
