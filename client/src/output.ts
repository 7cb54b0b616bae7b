// The Containment output channel, created the first time something is written to it, it is shown,
// or the language client starts (client layer): activating the extension does not create it.

import vscode = require('vscode');

/** What the client's UI writes to the channel (a vscode.LogOutputChannel is one). */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  show(preserveFocus?: boolean): void;
}

export class LazyOutput implements Log {
  private created: vscode.LogOutputChannel | undefined;

  constructor(private readonly name: string) {}

  /** The channel itself, created now if it was not yet (the language client writes to it). */
  get channel(): vscode.LogOutputChannel {
    this.created ??= vscode.window.createOutputChannel(this.name, { log: true });
    return this.created;
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  show(preserveFocus?: boolean): void {
    this.channel.show(preserveFocus);
  }
}
