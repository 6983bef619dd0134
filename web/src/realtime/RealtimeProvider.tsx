import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { refreshAccessToken } from "../api/client";
import { getSession } from "../api/session";
import { useSession } from "../auth/session";
import { queriesChangedBy } from "../lib/notifications";
import { applyMessages, applyReadMark, refetchUnstartedHistories, refreshChats } from "./chatCache";
import { Realtime, type RealtimeStatus } from "./realtime";
import { createSocket, type ServerEvents } from "./socket";

const RealtimeContext = createContext<Realtime | null>(null);

/**
 * Opens the session's socket while someone is logged in, and keeps the
 * cached messages, read marks, conversation list and notifications in step
 * with what it pushes.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const userId = useSession()?.user.id ?? null;
  const queryClient = useQueryClient();
  const [realtime, setRealtime] = useState<Realtime | null>(null);

  useEffect(() => {
    if (!userId) return;
    const live = new Realtime({
      createSocket,
      getToken: () => getSession()?.accessToken ?? null,
      refresh: refreshAccessToken,
    });
    const unsubscribe = [
      live.on("message:new", (message) => {
        const from = message.sender_id === userId ? undefined : message.sender_id;
        if (!applyMessages(queryClient, [message], from) && message.sender_id === userId) void refetchUnstartedHistories(queryClient);
        void refreshChats(queryClient);
      }),
      live.on("message:updated", (message) => {
        applyMessages(queryClient, [message]);
        void queryClient.invalidateQueries({ queryKey: ["chats", "list"] });
      }),
      live.on("message:read", (event) => {
        applyReadMark(queryClient, event);
        // Read in this tab or another: the unread counts went down.
        if (event.user_id === userId) void refreshChats(queryClient);
      }),
      live.on("notification:new", (notification) => {
        void queryClient.invalidateQueries({ queryKey: ["notifications"] });
        // A friend request, a recommendation or a shared job shows on open lists too.
        for (const queryKey of queriesChangedBy(notification.kind)) void queryClient.invalidateQueries({ queryKey });
      }),
      // Whatever was pushed while away: counts, lists, notifications.
      live.onReconnect(() => {
        void refreshChats(queryClient);
        void queryClient.invalidateQueries({ queryKey: ["notifications"] });
        for (const queryKey of [["friends"], ["recommendations"], ["shares"]]) void queryClient.invalidateQueries({ queryKey });
      }),
    ];
    live.start();
    setRealtime(live);
    return () => {
      for (const off of unsubscribe) off();
      live.stop();
      setRealtime(null);
    };
  }, [userId, queryClient]);

  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

/** The session's live connection, or null when logged out (or outside the provider). */
export function useRealtime(): Realtime | null {
  return useContext(RealtimeContext);
}

const noSubscription = () => () => {};

/** Whether the live connection is up; "offline" without one. */
export function useRealtimeStatus(): RealtimeStatus {
  const realtime = useRealtime();
  return useSyncExternalStore(
    realtime?.subscribeStatus ?? noSubscription,
    realtime?.getStatus ?? (() => "offline" as const),
    () => "offline" as const,
  );
}

/** Listens to a pushed event while mounted; `handler` may change between renders. */
export function useRealtimeEvent<E extends keyof ServerEvents>(event: E, handler: ServerEvents[E]) {
  const realtime = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!realtime) return;
    const forward = ((...args: Parameters<ServerEvents[E]>) => (latest.current as (...a: typeof args) => void)(...args)) as ServerEvents[E];
    return realtime.on(event, forward);
  }, [realtime, event, latest]);
}
