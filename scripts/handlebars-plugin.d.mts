import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function templateModule(source: string): string;
export function handlebarsEsbuildPlugin(): EsbuildPlugin;
export function handlebarsVitePlugin(): VitePlugin;
