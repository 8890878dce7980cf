// Configuration from the environment (README.md "Configuration"); a `.env` file may set it.
import net from "node:net";
import path from "node:path";
import { z } from "zod";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

// proxy-addr's names for address ranges, accepted in STRANG_TRUST_PROXY as in Fastify's trustProxy.
const proxyRangeNames = new Set(["loopback", "linklocal", "uniquelocal"]);
const isProxyAddress = (entry: string) => {
  if (proxyRangeNames.has(entry) || net.isIP(entry) !== 0) return true;
  const [address, bits, ...rest] = entry.split("/");
  const version = net.isIP(address ?? "");
  if (rest.length > 0 || version === 0 || !bits || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
};

/**
 * Which proxies' X-Forwarded-* headers to believe: none (`0`, `false`), a hop count (`1`, `true`
 * meaning one hop: the address the nearest proxy saw), or the proxies' addresses and CIDR ranges.
 * Never "all": the left-most X-Forwarded-For entry is whatever the client sent.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): false | number | string[] => {
    if (v === "false") return false;
    if (v === "true") return 1;
    if (/^\d+$/.test(v)) return Number(v) === 0 ? false : Number(v);
    const entries = v.split(",").map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0 || entries.length === 0) {
      ctx.addIssue({
        code: "custom",
        message: `a hop count (0, 1, 2, …) or proxy addresses/CIDRs separated by commas; not ${bad.join(", ") || "empty"}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  STRANG_DATA_DIR: z.string().min(1).default("./data"),
  STRANG_ADMIN_EMAIL: z.string().email().optional(),
  STRANG_ADMIN_PASSWORD: z.string().min(12).optional(),
  STRANG_TENANT_NAME: z.string().min(1).default("Strang"),
  STRANG_DEMO: flag.default(false),
  STRANG_REQUIRE_2FA: flag.optional(),
  STRANG_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  STRANG_TRUST_PROXY: trustProxy.default(false),
  STRANG_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  STRANG_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  STRANG_DUPLICATE_SCAN_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM (24 h, Europe/Berlin)")
    .default("02:30"),
  STRANG_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  STRANG_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  tenantName: string;
  demo: boolean;
  require2fa: boolean;
  logLevel: z.infer<typeof envSchema>["STRANG_LOG_LEVEL"];
  /** false: trust no proxy; a number: that many hops; else the proxies' addresses and CIDR ranges. */
  trustProxy: false | number | string[];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** When the nightly duplicate scan runs, HH:MM in Europe/Berlin. */
  duplicateScanAt: string;
  maxBodyBytes: number;
  maxUploadBytes: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.STRANG_DATA_DIR),
    adminEmail: e.STRANG_ADMIN_EMAIL,
    adminPassword: e.STRANG_ADMIN_PASSWORD,
    tenantName: e.STRANG_TENANT_NAME,
    demo: e.STRANG_DEMO,
    // 2FA is required outside demo mode unless explicitly switched off.
    require2fa: e.STRANG_REQUIRE_2FA ?? !e.STRANG_DEMO,
    logLevel: e.STRANG_LOG_LEVEL,
    trustProxy: e.STRANG_TRUST_PROXY,
    sessionIdleMs: e.STRANG_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.STRANG_SESSION_ABSOLUTE_HOURS * 3_600_000,
    duplicateScanAt: e.STRANG_DUPLICATE_SCAN_AT,
    maxBodyBytes: e.STRANG_MAX_BODY_BYTES,
    maxUploadBytes: e.STRANG_MAX_UPLOAD_BYTES,
  };
}
