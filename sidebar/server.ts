// A promise around google.script.run, typed by the contract: the sidebar's only way to the server.
import type { ServerApi } from '../src/core/contract';

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare const google: { script: { run: Runner } };

export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler(reject);
    const fn = runner[name];
    if (typeof fn !== 'function') throw new Error(`Fonction serveur inconnue : ${name}`);
    fn.apply(runner, args);
  });
}
