import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';

export const ROOT: string;
export const HARNESS_PATH: string;
export const FIXTURES_PATH: string;
export const FFMPEG_CORE_PATH: string;
export const CHROMIUM_ARGS: string[];
export function startMediaServer(): Promise<{ server: ViteDevServer; baseUrl: string }>;
export function launchChromium(extraArgs?: string[]): Promise<Browser>;
