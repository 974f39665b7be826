import type { CustomTypeOptions } from 'i18next';
import type { ComponentType, ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';
import type { LocaleOf } from '../lib/locale-types';

/** A page's code, loaded when it is first opened. */
export type PageModule = () => Promise<{ Component: ComponentType }>;

/** The side menu's groups, in menu order; a feature puts its entries in one of them or at the top level. */
export const NAV_GROUPS = ['indicatorsGroup', 'reportsGroup', 'tasksGroup', 'system', 'auditGroup', 'basicData'] as const;
export type NavGroupKey = (typeof NAV_GROUPS)[number];

type Strings = CustomTypeOptions['resources']['translation'];
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
  page: PageModule;
}

/** A web feature: its menu entries, the pages reached from its lists, and its strings in both languages. */
export interface FeatureDefinition<Z = unknown> {
  name: string;
  menu?: MenuEntry[];
  /** Detail pages (reached from lists), each behind a permission. */
  routes?: { path: string; permission: Permission; page: PageModule }[];
  locales?: { zhCN: Z; enUS: LocaleOf<Z> };
}

/** Declares a feature; keeps the type of its strings so that `t()` checks their keys. */
export function defineFeature<Z>(feature: FeatureDefinition<Z>): FeatureDefinition<Z> {
  return feature;
}
