import { useParams } from "react-router";
import { useSession } from "../auth/session";
import { ChatView } from "../components/ChatView";
import { ConversationList } from "../components/ConversationList";

/** Conversations on the left, the open one on the right (alone on a narrow screen). */
export function MessagesPage() {
  const { userId } = useParams();
  const me = useSession()?.user.id;

  return (
    <div className={`messages-layout${userId ? " has-chat" : ""}`}>
      <section className="card messages-layout__list" aria-labelledby="messages-title">
        <h1 id="messages-title">Messages</h1>
        <ConversationList selected={userId} />
      </section>
      <div className="card messages-layout__chat">
        {!userId ? (
          <div className="empty-state">
            <h2>Pick a conversation</h2>
            <p className="muted">Or start one with the “Message” button on a proposal, a contract or a profile.</p>
          </div>
        ) : userId === me ? (
          <div className="empty-state">
            <h2>That is you</h2>
            <p className="muted">Pick someone else to write to.</p>
          </div>
        ) : (
          <ChatView key={userId} peerId={userId} />
        )}
      </div>
    </div>
  );
}
