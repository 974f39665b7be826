import type { Migration } from 'kysely';
import * as documents from './20261128_0010_documents';
import * as noticeSubject from './20261128_0015_notice_subject';

/** The documents module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261128_0010_documents': documents,
  '20261128_0015_notice_subject': noticeSubject,
};
