// The report page and drift document renderers as a bundle of their own (dist/renderers.js, client
// UI layer): a large part of the client's code, needed only once a report or a comparison opens,
// so activating the extension does not compile it. renderLib.ts loads it.

export { renderMessage, renderReport } from './renderReport';
export { renderDrift } from './renderDrift';
