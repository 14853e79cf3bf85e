// npm run db:migrate: apply pending migrations to DATABASE_URL (or the embedded database), then exit.
import { loadLocalEnv, migrateDatabase, prepareDatabase, validatedEnv } from "./runtime";

loadLocalEnv({ generateSecret: true });
const cluster = await prepareDatabase();
try {
  await migrateDatabase(validatedEnv());
} finally {
  await cluster?.stop();
}
