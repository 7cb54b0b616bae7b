// What the client does when the language server process dies: restart it (up to 4 times in 3
// minutes, as vscode-languageclient does by default) and tell the user once, not at every crash;
// when it keeps crashing, stop with one message that says what to do. No `vscode` import, so unit
// tests can run it.

import type { ErrorHandler } from 'vscode-languageclient/node';

// vscode-languageclient's enums, by value (importing them loads `vscode`).
const ERROR_CONTINUE = 1;
const ERROR_SHUTDOWN = 2;
const CLOSE_DO_NOT_RESTART = 1;
const CLOSE_RESTART = 2;

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** The messages in the display language: `t` is vscode.l10n.t in the extension (this file does not import vscode). */
type Translate = (message: string, ...args: (string | number)[]) => string;

/** English, for tests: placeholders {0}, {1}… filled in. */
export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

export const restartedMessage = (t: Translate = english) =>
  t('Containment: the language server stopped unexpectedly and was restarted. The Containment output has the details.');
export const gaveUpMessage = (t: Translate = english) =>
  t(
    'Containment: the language server crashed {0} times in 3 minutes and was not restarted. See the Containment output, then run "Containment: Restart Language Server".',
    MAX_RESTARTS + 1,
  );

/** `notify` shows a message to the user, translated by `t`; it is called once for the first restart and once when giving up. */
export function crashHandler(notify: (message: string) => void, now: () => number = Date.now, t: Translate = english): ErrorHandler {
  const restarts: number[] = [];
  let told = false;
  return {
    // A write or read error on the connection: keep going for a few, then shut down (the default).
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ERROR_CONTINUE : ERROR_SHUTDOWN, handled: true }),
    closed: () => {
      const at = now();
      restarts.push(at);
      while (restarts.length > 0 && at - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        restarts.length = 0;
        told = false;
        // Not handled: the client shows this one message as an error.
        return { action: CLOSE_DO_NOT_RESTART, message: gaveUpMessage(t) };
      }
      if (!told) {
        told = true;
        notify(restartedMessage(t));
      }
      return { action: CLOSE_RESTART, handled: true };
    },
  };
}
