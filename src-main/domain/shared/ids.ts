import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: sortable by creation time and safe to create offline on several desktops (DESIGN §3). */
export function newId(): string {
  return uuidv7();
}

/** Timestamps are ISO-8601 UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}
