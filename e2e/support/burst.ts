// Many concurrent clients, each sending requests one after another (what autocannon does), counting statuses.

/** `clients` concurrent clients against each URL, `each` requests per client; answers counted by status. */
export async function burst(urls: string[], token: string, clients: number, each: number): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  const client = async (url: string) => {
    for (let i = 0; i < each; i++) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(urls.flatMap((url) => Array.from({ length: clients }, () => client(url))));
  return statuses;
}
