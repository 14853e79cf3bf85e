import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/config/env";
import { PrismaClient } from "./generated/client";

export type { Prisma } from "./generated/client";
export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { keyholdDb?: PrismaClient };

function createClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 20 }) });
}

/** The shared Prisma client, created on first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.keyholdDb ??= createClient();
    const value = Reflect.get(globalForDb.keyholdDb, property);
    return typeof value === "function" ? value.bind(globalForDb.keyholdDb) : value;
  },
});
