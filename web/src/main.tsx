// Entry point: providers (Mantine, TanStack Query, i18n) and the router.
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/frame.css";
import "./app/i18n";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, setUnauthenticatedHandler } from "./app/api-client";
import { createAppRouter } from "./app/router";
import { cssVariablesResolver, theme } from "./app/theme";
import { meQueryKey } from "./features/auth/auth.api";

const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2;

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  mutationCache: new MutationCache(),
  defaultOptions: {
    queries: { retry, refetchOnWindowFocus: false, staleTime: 10_000 },
    mutations: { retry: false },
  },
});
const router = createAppRouter(queryClient);

// A request answered 401: the session ended (idle timeout, password change elsewhere, deactivation).
setUnauthenticatedHandler(() => {
  const wasSignedIn = Boolean(queryClient.getQueryData(meQueryKey));
  queryClient.setQueryData(meQueryKey, null);
  if (!wasSignedIn) return;
  const here = router.state.location.href;
  void router.navigate({ to: "/login", search: { redirect: here, expired: true } });
});

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
