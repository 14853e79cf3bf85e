import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file: migrations are applied by lib/db/migrate.ts (see README).
export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/keyhold" },
});
