import { usccCheckChar } from '../../shared/rules/uscc';
import type { Client, TestApp } from './build-app';

// The cases of the generic PATCH test (core/http/patch-semantics.test.ts): the core's are in that file, each module's
// in its own `modules/<m>/<m>.patch-cases.ts`, found by file name.

export type State = Record<string, unknown>;

export interface Env {
  t: TestApp;
  units: Record<string, number>;
  users: Record<string, number>;
  roles: Record<string, number>;
}

export interface Field {
  /** The new value, or how to make it from the record as it stands. */
  value: unknown;
  /** The keys of the read state (and of the audit row) the field shows in, when not its own name. */
  shows?: string[];
}

export interface Operation {
  /** The user who creates and edits the record. */
  as: string;
  create(env: Env, client: Client): Promise<number>;
  read(env: Env, client: Client, id: number): Promise<State>;
  /** The address of the record made by `create`, when it is not the route's with `{id}` filled in. */
  url?(id: number): string;
  /** The audited entity whose row the update writes, when it is not the record itself (a project's milestone). */
  auditEntityId?(id: number): string;
  /** The audit action of the update, as a LIKE pattern, when it is not `<entity>.update`. */
  auditAction?: string;
  /** Every field of the PATCH body, in the order they are sent. */
  fields: Record<string, Field>;
}

export const ok = async (res: { statusCode: number; body: string; json(): unknown }) => {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as State & { id: number };
};
export const get = (client: Client, url: string) => client.get(url).then(ok);
export const post = (client: Client, url: string, body: unknown) => client.post(url, body).then(ok);

/** A valid credit code from a serial number. */
export const uscc = (serial: number) => {
  const body = `91410421MA${String(serial).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};

/** A module's PATCH cases: demo data they need (run once, in module order) and one operation per PATCH route. */
export interface PatchCases {
  setup?(t: TestApp): Promise<void>;
  operations: Record<string, Operation>;
}
