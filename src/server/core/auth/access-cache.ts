import type { CompiledQuery, Selectable } from 'kysely';
import type { SecuritySettings } from '../../../shared/modules/admin.schemas';
import type { RoleGrant } from '../access/context';
import type { Executor } from '../db/database';
import type { OrgUnitTable, SessionTable, UserTable } from '../db/schema';

/** What a request's sign-in check reads from the database for a session: seven queries when it is not cached. */
export interface SessionState {
  session: Selectable<SessionTable>;
  user: Selectable<UserTable>;
  /** The user's unit, which `/api/auth/me` names on every page load: unit edits move the access version too. */
  unit: Selectable<OrgUnitTable> | undefined;
  roles: RoleGrant[];
  settings: SecuritySettings;
  /** The union of the roles' permissions, built once per load rather than on every request. */
  permissions: ReadonlySet<string>;
}

interface Entry {
  state: SessionState;
  version: number;
  loadedAt: number;
}

/**
 * The signed-in state of recent sessions, per app instance. An entry serves while the database's access version is
 * the one it was loaded at (every change to sessions, users, roles and security settings moves it, on whichever
 * instance it happens) and for at most `ttlMs`, which bounds what another instance's session touches can age it.
 */
export class AccessCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 30_000,
  ) {}

  get(sessionId: string, version: number, now: number): SessionState | null {
    const entry = this.entries.get(sessionId);
    if (entry && entry.version === version && now - entry.loadedAt < this.ttlMs) {
      this.hits++;
      return entry.state;
    }
    if (entry) this.entries.delete(sessionId);
    this.misses++;
    return null;
  }

  set(sessionId: string, state: SessionState, version: number, now: number) {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(sessionId, { state, version, loadedAt: now });
  }

  forget(sessionId: string) {
    this.entries.delete(sessionId);
  }

  private reads: SharedReads<number> | undefined;

  /** The access version for a request that has just arrived, read together with the other requests arriving now. */
  version(db: Executor): Promise<number> {
    this.reads ??= new SharedReads(() => accessVersion(db));
    return this.reads.get();
  }
}

/**
 * One read serving every request that arrived while the previous read was running. A request never takes the answer
 * of a read that started before it arrived (a change committed just before it would be missed); it waits for the next
 * read instead, which starts as soon as the running one ends. Under load, one read then serves a whole wave of
 * requests instead of one each.
 */
export class SharedReads<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    this.queued ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<T> {
    const read = this.read();
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}

// Read on every signed-in request: compiled once (per database handle), since building the SQL costs more than
// running it. The statement has no parameters, so the same text serves the handle's transactions too.
const versionQueries = new WeakMap<object, CompiledQuery<{ version: number }>>();

/** The access version: read on every signed-in request, one row by its key. */
export async function accessVersion(db: Executor): Promise<number> {
  let query = versionQueries.get(db);
  if (!query) {
    query = db.selectFrom('accessVersion').select('version').compile();
    versionQueries.set(db, query);
  }
  const { rows } = await db.executeQuery(query);
  return rows[0]?.version ?? 0;
}

/** Moves the access version, in the caller's transaction: every instance reloads its cached sessions on their next request. */
export async function bumpAccessVersion(db: Executor): Promise<void> {
  await db
    .updateTable('accessVersion')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .execute();
}

// The user columns a signed-in request reads; sign-in bookkeeping (failed attempts, last login) moves nothing.
const SIGNED_IN_COLUMNS = new Set(['active', 'unitId', 'enterpriseId', 'locale', 'username', 'displayName', 'passwordChangedAt', 'passwordChangeReason']);

// The unit columns `/api/auth/me` shows from the cached state; a unit's path, sort order or parent moves nothing.
const SIGNED_IN_UNIT_COLUMNS = new Set(['code', 'nameZh', 'nameEn', 'kind']);

/** Moves the access version when an update of a unit changes what signed-in requests show of it. */
export async function bumpIfUnitShownChanges(db: Executor, values: object): Promise<void> {
  if (Object.keys(values).some((column) => SIGNED_IN_UNIT_COLUMNS.has(column))) await bumpAccessVersion(db);
}

/** Moves the access version when an update of a user changes what its signed-in requests read. */
export async function bumpIfSignedInChanges(db: Executor, values: object): Promise<void> {
  if (Object.keys(values).some((column) => SIGNED_IN_COLUMNS.has(column))) await bumpAccessVersion(db);
}
