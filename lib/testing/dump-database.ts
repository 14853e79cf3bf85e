import pg from "pg";

/** Every row of every table in the public schema, as text: for tests that look for what must never be stored. */
export async function dumpDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const { rows } = await client.query(`SELECT t::text AS row FROM ${client.escapeIdentifier(table_name)} t`);
      parts.push(`-- ${table_name}`, ...rows.map((r) => r.row as string));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}
