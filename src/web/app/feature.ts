import type { CustomTypeOptions } from 'i18next';
import type { ComponentType, ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';
import type { LocaleOf } from '../lib/locale-types';

/** A page's code, loaded when it is first opened. */
export type PageModule = () => Promise<{ Component: ComponentType }>;

/** The app-wide groups of the side menu; a feature may declare a group of its own (`groups`). */
export const NAV_GROUPS = ['indicatorsGroup', 'reportsGroup', 'tasksGroup', 'system', 'auditGroup', 'basicData'] as const;
type Strings = CustomTypeOptions['resources']['translation'];
/** A menu group: one of the app-wide ones or a feature's, its label a key under `nav.`. */
export type NavGroupKey = (typeof NAV_GROUPS)[number] | Exclude<keyof Strings['nav'] & string, keyof Strings['home']['describe']>;

/** A menu label: a key under `nav.` (with its description under `home.describe.`) in some feature's strings. */
export type NavLabel = Exclude<keyof Strings['nav'] & keyof Strings['home']['describe'], NavGroupKey> | 'home';

/** A menu entry and the page behind it. */
export interface MenuEntry {
  path: string;
  /** Shown (and routed) when the user holds this permission; absent means every signed-in user. */
  permission?: Permission;
  icon: ReactNode;
  label: NavLabel;
  /** The group it sits in; absent means the top level. */
  group?: NavGroupKey;
  /**
   * Whether enterprise accounts see it in their slim portal menu: `true` for everyone, `'only'` for enterprise accounts
   * alone; absent means staff only.
   */
  portal?: boolean | 'only';
  page: PageModule;
}

/** A web feature: its menu entries, the pages reached from its lists, and its strings in both languages. */
export interface FeatureDefinition<Z = unknown> {
  name: string;
  menu?: MenuEntry[];
  /** Detail pages (reached from lists), each behind a permission. */
  routes?: { path: string; permission: Permission; page: PageModule }[];
  /**
   * Its strings in both languages, `() => import('./locales')`: fetched with the pages that use them (`loadFeatureStrings`),
   * not with the sign-in page.
   */
  locales?: () => Promise<{ zhCN: Z; enUS: LocaleOf<Z> }>;
  /**
   * Pages open to everyone, outside the app's layout (a firm's self-registration); one with `loginLink` (a key under
   * `nav.`) is offered as a link under the sign-in form.
   */
  publicPages?: { path: string; page: PageModule; loginLink?: NavLabel }[];
  /** Menu groups of the feature's own, placed where their first entry comes. */
  groups?: { key: NavGroupKey; icon: ReactNode }[];
}

/** Declares a feature; keeps the type of its strings so that `t()` checks their keys. */
export function defineFeature<Z>(feature: FeatureDefinition<Z>): FeatureDefinition<Z> {
  return feature;
}
