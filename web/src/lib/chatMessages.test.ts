import { describe, expect, it } from "vitest";
import { CLIENT_ID, CONVERSATION_ID, FREELANCER_ID, chatMessage, chatSummary } from "../test/fixtures";
import { describeLastMessage, flattenHistory, lastSeq, mergeMessage, newClientId, seenAt, type History } from "./chatMessages";

/** Two pages, newest first: 5 and 4, then 3 and 2. */
function history(): History {
  return {
    pages: [
      { conversation_id: CONVERSATION_ID, items: [chatMessage(5), chatMessage(4)], next_cursor: "c" },
      { conversation_id: CONVERSATION_ID, items: [chatMessage(3), chatMessage(2)], next_cursor: null },
    ],
    pageParams: [undefined, "c"],
  };
}

const seqs = (h: History) => flattenHistory(h).map((m) => m.seq);

describe("chat messages", () => {
  it("flattens pages oldest first", () => {
    expect(seqs(history())).toEqual([2, 3, 4, 5]);
    expect(lastSeq(history())).toBe(5);
    expect(lastSeq(undefined)).toBe(0);
  });

  it("adds a new message to the newest page, in order, once", () => {
    const merged = mergeMessage(mergeMessage(history(), chatMessage(7)), chatMessage(6));
    expect(seqs(merged)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(merged.pages[0].items.map((m) => m.seq)).toEqual([7, 6, 5, 4]);
    expect(seqs(mergeMessage(merged, chatMessage(7)))).toEqual([2, 3, 4, 5, 6, 7]);
    expect(merged.pages[1].next_cursor).toBeNull();
  });

  it("replaces a held copy with an edit or a deletion, and never undoes one", () => {
    const edited = chatMessage(3, { body: "Fixed", edited_at: "2026-11-28T11:00:00Z" });
    const deleted = chatMessage(3, { body: "", deleted_at: "2026-11-28T12:00:00Z" });
    let h = mergeMessage(history(), edited);
    expect(flattenHistory(h)[1].body).toBe("Fixed");
    h = mergeMessage(h, chatMessage(3)); // an older copy, from a late sync
    expect(flattenHistory(h)[1].body).toBe("Fixed");
    h = mergeMessage(h, deleted);
    expect(flattenHistory(h)[1].deleted_at).toBe(deleted.deleted_at);
    h = mergeMessage(h, edited);
    expect(flattenHistory(h)[1].deleted_at).toBe(deleted.deleted_at);
  });

  it("learns the conversation from the first message", () => {
    const empty: History = { pages: [{ conversation_id: null, items: [], next_cursor: null }], pageParams: [undefined] };
    const merged = mergeMessage(empty, chatMessage(1));
    expect(merged.pages[0].conversation_id).toBe(CONVERSATION_ID);
  });

  it("puts Seen under the newest of my messages the peer has read", () => {
    const messages = [
      chatMessage(1, { sender_id: CLIENT_ID }),
      chatMessage(2, { sender_id: FREELANCER_ID }),
      chatMessage(3, { sender_id: CLIENT_ID }),
      chatMessage(4, { sender_id: CLIENT_ID }),
    ];
    expect(seenAt(messages, CLIENT_ID, 0)).toBeNull();
    expect(seenAt(messages, CLIENT_ID, 2)).toBe(1);
    expect(seenAt(messages, CLIENT_ID, 3)).toBe(3);
    expect(seenAt(messages, CLIENT_ID, 9)).toBe(4);
  });

  it("describes the last message of a conversation", () => {
    expect(describeLastMessage(chatSummary({ last_message: chatMessage(2, { body: "See you\n  tomorrow" }) }), CLIENT_ID)).toBe("See you tomorrow");
    expect(describeLastMessage(chatSummary({ last_message: chatMessage(2, { sender_id: CLIENT_ID }) }), CLIENT_ID)).toBe("You: Message 2");
    expect(describeLastMessage(chatSummary({ last_message: chatMessage(2, { body: "", deleted_at: "2026-11-28T12:00:00Z" }) }), CLIENT_ID)).toBe(
      "Message deleted",
    );
    expect(describeLastMessage(chatSummary({ last_message: chatMessage(2, { body: "", attachments: ["f1", "f2"] }) }), CLIENT_ID)).toBe("2 attachments");
    expect(describeLastMessage(chatSummary({ last_message: null }), CLIENT_ID)).toBe("No messages yet");
  });

  it("makes client ids the server takes: printable, at most 64 characters, different each time", () => {
    const id = newClientId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(newClientId()).not.toBe(id);
  });
});
