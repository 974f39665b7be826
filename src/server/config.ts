import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… selects PostgreSQL; otherwise the embedded SQLite file is used. */
  databaseUrl: string | undefined;
  sqliteFile: string;
  dataDir: string;
  demo: boolean;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  trustProxy: boolean;
  logLevel: string;
  /** Where attachment bytes live, by sha256 (ATTACHMENTS_DIR, else DATA_DIR/attachments). */
  attachmentsDir: string;
  /** Largest accepted attachment (ATTACHMENT_MAX_BYTES, 20 MB by default). */
  attachmentMaxBytes: number;
  /** Accept plain zip archives (ATTACHMENT_ALLOW_ZIP=1); refused by default because their content cannot be checked. */
  attachmentAllowZip: boolean;
  /** Most data rows one Excel import may hold (IMPORT_MAX_ROWS, 50,000 by default); larger files get 413 before parsing. */
  importMaxRows: number;
  /** Most cells, all sheets together, one Excel import may hold (IMPORT_MAX_CELLS, 1,500,000 by default). */
  importMaxCells: number;
  /** How long one import may take, parsing, checks and writing together (IMPORT_TIME_LIMIT_SECONDS, 120 by default). */
  importTimeLimitMs: number;
  /** The bearer token a Prometheus scraper sends to `GET /metrics` (METRICS_TOKEN); without one the endpoint is off. */
  metricsToken: string | undefined;
}

/** Reads the configuration; `argv` may carry `--demo`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: env.SQLITE_FILE ?? path.join(dataDir, 'platform.db'),
    dataDir,
    demo: argv.includes('--demo') || env.DEMO === '1' || env.DEMO === 'true',
    webDist: path.resolve(env.WEB_DIST ?? 'dist/web'),
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    attachmentsDir: path.resolve(env.ATTACHMENTS_DIR ?? path.join(dataDir, 'attachments')),
    attachmentMaxBytes: Number(env.ATTACHMENT_MAX_BYTES ?? 20 * 1024 * 1024),
    attachmentAllowZip: env.ATTACHMENT_ALLOW_ZIP === '1' || env.ATTACHMENT_ALLOW_ZIP === 'true',
    importMaxRows: Number(env.IMPORT_MAX_ROWS ?? 50_000),
    importMaxCells: Number(env.IMPORT_MAX_CELLS ?? 1_500_000),
    importTimeLimitMs: Number(env.IMPORT_TIME_LIMIT_SECONDS ?? 120) * 1000,
    metricsToken: env.METRICS_TOKEN || undefined,
  };
}
