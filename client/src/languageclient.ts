// The language client library as a bundle of its own (dist/languageclient.js, client layer): most of
// the extension's code by size, so activation does not evaluate it; extension.ts loads it right
// after activating, or earlier when a command needs the server.

export { LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
