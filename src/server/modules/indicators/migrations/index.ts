import type { Migration } from 'kysely';
import * as indicators from './20261128_0006_indicators';
import * as indicatorLedger from './20261128_0007_indicator_ledger';
import * as indicatorBenchIndexes from './20261128_0011_indicator_bench_indexes';
import * as countyValueAndValueSource from './20261202_0030_county_value_and_value_source';
import * as indicatorBoardIndex from './20261203_0810_indicator_board_index';

/** The indicators module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261128_0006_indicators': indicators,
  '20261128_0007_indicator_ledger': indicatorLedger,
  '20261128_0011_indicator_bench_indexes': indicatorBenchIndexes,
  '20261202_0030_county_value_and_value_source': countyValueAndValueSource,
  '20261203_0810_indicator_board_index': indicatorBoardIndex,
};
