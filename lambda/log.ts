/**
 * One JSON line per decision. Callers pass names, versions, statuses, deployment ids and spec key
 * paths; never the spec or the resource properties, which carry secrets (Proton marks spec sensitive).
 */
export function logDecision(fields: Record<string, unknown>): void {
  console.log(JSON.stringify(fields));
}
