// The client side of google.script (HTML service), as the sidebar uses it.

export interface ScriptRun {
  withSuccessHandler(handler: (value: never, userObject?: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error, userObject?: unknown) => void): ScriptRun;
  withUserObject(userObject: unknown): ScriptRun;
  [serverFunction: string]: (...args: never[]) => unknown;
}

declare global {
  const google: { script: { run: ScriptRun; host: { close(): void } } };
}

/** A server function's result as a promise. */
export function callServer<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((value: never) => resolve(value as T))
      .withFailureHandler(reject);
    (run[name] as (...a: unknown[]) => void)(...args);
  });
}
