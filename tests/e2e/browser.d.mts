import type { BrowserContext, Page } from '@playwright/test';

export const EXTENSION_DIR: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export interface LaunchOptions {
  /** The browser's UI language, such as `en-US` (the default) or `zh-CN`. */
  lang?: string;
}
export function launchChromium(extraArgs?: string[], options?: LaunchOptions): Promise<BrowserContext>;
export function launchWithExtension(options?: LaunchOptions): Promise<BrowserContext>;
export function extensionIdOf(context: BrowserContext): Promise<string>;
export function tabIdOf(context: BrowserContext, page: Page): Promise<number>;
export function extensionGrantingLoopback(): string;
