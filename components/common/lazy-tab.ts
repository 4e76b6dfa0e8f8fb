import { lazy, type ComponentType } from 'react';

/**
 * A tab's component loaded on its own, out of the panel's first script: `preload` starts the
 * load (once), and the component suspends until it is in.
 */
export function lazyTab<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => (loading ??= load());
  return { Component: lazy(() => preload().then((component) => ({ default: component }))), preload };
}
