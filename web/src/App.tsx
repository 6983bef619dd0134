import { useEffect, useRef } from "react";
import { Outlet, ScrollRestoration, type RouteObject } from "react-router";
import { QueryClient, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/errors";
import { RequireAuth, useSession } from "./auth/session";
import { Header } from "./components/Header";
import { EditProfilePage } from "./pages/EditProfilePage";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProfilePage } from "./pages/ProfilePage";
import { PublicProfilePage } from "./pages/PublicProfilePage";
import { SignupPage } from "./pages/SignupPage";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (404, 401, 422) will not change on a retry.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/** Drops the previous user's cached data when the session changes hands. */
function SessionSync() {
  const session = useSession();
  const queryClient = useQueryClient();
  const userId = session?.user.id ?? null;
  const previous = useRef(userId);
  useEffect(() => {
    if (previous.current !== userId) {
      queryClient.removeQueries({ queryKey: ["profile"] });
      previous.current = userId;
    }
  }, [userId, queryClient]);
  return null;
}

function Layout() {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SessionSync />
      <Header />
      <main id="main" className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">© Downwork</div>
      </footer>
      <ScrollRestoration />
    </>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "signup", element: <SignupPage /> },
      { path: "login", element: <LoginPage /> },
      {
        path: "profile",
        element: (
          <RequireAuth>
            <ProfilePage />
          </RequireAuth>
        ),
      },
      {
        path: "profile/edit",
        element: (
          <RequireAuth>
            <EditProfilePage />
          </RequireAuth>
        ),
      },
      { path: "users/:id", element: <PublicProfilePage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
