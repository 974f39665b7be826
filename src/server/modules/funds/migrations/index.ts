import type { Migration } from 'kysely';
import * as funds from './20261202_0400_funds';
import * as policies from './20261202_0410_fund_policies';
import * as loans from './20261202_0420_fund_loans';

/** The funds module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0400_funds': funds,
  '20261202_0410_fund_policies': policies,
  '20261202_0420_fund_loans': loans,
};
