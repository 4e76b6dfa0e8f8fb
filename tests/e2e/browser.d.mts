import type { BrowserContext, Page } from '@playwright/test';

export const EXTENSION_DIR: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function launchChromium(extraArgs?: string[]): Promise<BrowserContext>;
export function launchWithExtension(): Promise<BrowserContext>;
export function extensionIdOf(context: BrowserContext): Promise<string>;
export function tabIdOf(context: BrowserContext, page: Page): Promise<number>;
