// google.script in the emulator's sidebar: google.script.run calls the server over HTTP,
// asynchronously, with Apps Script's rules for what may cross (no Date, no function, a form only
// alone), and the handlers run later, never before the call returns.
import { emulatorViewOf } from '../google-url';

declare global {
  interface Window {
    __EMULATOR__: { functions: string[] };
    google: unknown;
  }
}

type Handler = (value: unknown, userObject: unknown) => void;

interface RunnerState {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

/** The error Apps Script's client raises for an argument it cannot send. */
function illegal(path: string): TypeError {
  return new TypeError(`Failed due to illegal value in property: ${path}`);
}

/** A copy of a legal value: primitives, arrays and plain objects of them; undefined in arrays → null. */
function copyLegal(value: unknown, path: string, seen: Set<unknown>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  if (
    typeof value !== 'object' ||
    value instanceof Date ||
    value instanceof Node ||
    seen.has(value)
  ) {
    throw illegal(path);
  }
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => copyLegal(item, String(i), seen));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = copyLegal(item, key, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** A form's fields as Apps Script hands them to the server: name → value (several → array). */
function formObject(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  new FormData(form).forEach((value, key) => {
    const text = typeof value === 'string' ? value : value.name;
    const previous = out[key];
    out[key] =
      previous === undefined
        ? text
        : Array.isArray(previous)
          ? [...previous, text]
          : [previous, text];
  });
  return out;
}

function serverArguments(args: unknown[]): unknown[] {
  if (args.some((arg) => arg instanceof HTMLFormElement)) {
    if (args.length !== 1) throw illegal('0');
    return [formObject(args[0] as HTMLFormElement)];
  }
  return args.map((arg, i) => copyLegal(arg, String(i), new Set()));
}

function notifyParent(): void {
  window.parent?.postMessage({ type: 'emulator:changed' }, '*');
}

function call(name: string, args: unknown[], state: RunnerState): void {
  const payload = JSON.stringify({ name, args: serverArguments(args) });
  fetch('/emulator/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
  })
    .then((response) => response.json())
    .then((result: { ok: boolean; value?: unknown; error?: { name: string; message: string } }) => {
      notifyParent();
      if (result.ok) {
        state.success?.(result.value ?? null, state.userObject);
        return;
      }
      const error = new Error(result.error?.message ?? 'Erreur inconnue');
      error.name =
        result.error?.name === 'Error' ? 'ScriptError' : (result.error?.name ?? 'ScriptError');
      if (state.failure) state.failure(error, state.userObject);
      else console.error(error);
    })
    .catch((error: Error) => {
      const lost = new Error(`NetworkError: Connection failure due to HTTP 0 (${error.message})`);
      if (state.failure) state.failure(lost, state.userObject);
      else console.error(lost);
    });
}

function runner(state: RunnerState): Record<string, unknown> {
  const run: Record<string, unknown> = {
    withSuccessHandler: (handler: Handler) => runner({ ...state, success: handler }),
    withFailureHandler: (handler: Handler) => runner({ ...state, failure: handler }),
    withUserObject: (userObject: unknown) => runner({ ...state, userObject }),
  };
  for (const name of window.__EMULATOR__.functions) {
    if (name.endsWith('_')) continue;
    run[name] = (...args: unknown[]) => {
      call(name, args, state);
    };
  }
  return run;
}

window.google = {
  script: {
    run: runner({}),
    host: {
      origin: window.location.origin,
      close: () => {
        fetch('/emulator/host/close', { method: 'POST' }).finally(notifyParent);
      },
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
    },
  },
};

// A link of the add-on to Drive, Docs or Sheets opens the emulated file in a new tab: Google's
// page would not know it. The link itself keeps the address Apps Script gave.
document.addEventListener(
  'click',
  (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest('a[href]') as HTMLAnchorElement | null;
    const view = link ? emulatorViewOf(link.href) : null;
    if (!view) return;
    event.preventDefault();
    window.open(view, '_blank');
  },
  true,
);
