import type { ModuleDefinition } from '../core/modules/module';
import { chains } from './chains';
import { documents } from './documents';
import { financing } from './financing';
import { funds } from './funds';
import { indicators } from './indicators';
import { innovation } from './innovation';
import { meetings } from './meetings';
import { monitoring } from './monitoring';
import { projects } from './projects';
import { reports } from './reports';
import { services } from './services';
import { visits } from './visits';

/**
 * The business modules, in the order they are migrated, routed, subscribed and loaded as demo. Adding a module is
 * one line here (and one in `src/web/features/index.ts`); everything else lives in the module's own folders.
 */
export const MODULES: ModuleDefinition[] = [
  indicators,
  reports,
  documents,
  meetings,
  projects,
  chains,
  services,
  financing,
  funds,
  monitoring,
  visits,
  innovation,
];
