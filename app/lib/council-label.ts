/**
 * How a council is named wherever one is picked: two councils may share a name (the demo has two
 * "Järjestöfoorumi"), so the region follows in brackets. Drizzle-free, for the browser too.
 */
export function councilLabel(name: string, regionName: string | null | undefined): string {
  return regionName ? `${name} (${regionName})` : name;
}
