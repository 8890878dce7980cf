// `npm run dev`: the API with reload (tsx watch) and Vite's dev server with a proxy to it.
import { spawn } from "node:child_process";

process.env.STRANG_DEMO ??= "1";
const children = [
  spawn("npx", ["tsx", "watch", "src/cli.ts", "serve"], { stdio: "inherit", env: { ...process.env, PORT: "3000" } }),
  spawn("npx", ["vite", "--config", "web/vite.config.ts"], { stdio: "inherit" }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
