import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';

/**
 * A component that a feature's index offers to other features or to the shell, its code fetched the first time it is
 * drawn. Every index is read at start (menus, routes and strings come from `FEATURES`), so a component exported as is
 * would put its code, and antd's parts under it, into the sign-in page's first download.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per export when an index is loaded, never while rendering.
  return function LazyComponent(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
