// The web app's build: root web/, output dist/web (served by the API server), /api proxied in dev.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = process.env.STRANG_API_URL ?? "http://127.0.0.1:3000";
const proxy = {
  "/api": { target: apiTarget },
  "/health": { target: apiTarget },
};
// Mirrors the policy of src/platform/http/app.ts (helmet).
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join("; ");

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: { port: 5173, proxy },
  // `vite preview` serves a build like the API server does, with the same Content-Security-Policy,
  // so that a style or script the policy would block shows up before deployment.
  preview: { port: 4173, proxy, headers: { "content-security-policy": csp } },
});
