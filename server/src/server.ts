// Entry point of the language server process: wiring only; behaviour lives in lsp/listen.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { listen } from './lsp/listen';

listen(createConnection(ProposedFeatures.all));
