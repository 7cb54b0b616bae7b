// The report webview's one script (loaded with the page's nonce): copy buttons and rule links post
// a message to the extension; the scroll position survives a refresh of the page. It never builds
// HTML: the page is rendered, escaped, by client/src/containers/renderReport.ts.
/* global acquireVsCodeApi, document, window */
(function () {
  const vscode = acquireVsCodeApi();
  const doc = document;
  const win = window;

  // The page is replaced on every refresh: keep where the reader was and which "How to check"
  // sections they opened (by position: the page's structure stays the same between refreshes).
  const details = () => Array.from(doc.querySelectorAll('details'));
  const save = () =>
    vscode.setState({
      scrollY: win.scrollY,
      open: details()
        .map((d, i) => (d.open ? i : -1))
        .filter((i) => i >= 0),
    });
  const state = vscode.getState();
  if (state && Array.isArray(state.open)) {
    details().forEach((d, i) => (d.open = state.open.includes(i)));
  }
  if (state && typeof state.scrollY === 'number') win.scrollTo(0, state.scrollY);
  let pending = false;
  win.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    win.requestAnimationFrame(() => {
      pending = false;
      save();
    });
  });
  doc.addEventListener('toggle', save, true);

  doc.addEventListener('click', (event) => {
    const target = event.target;
    if (!target || typeof target.closest !== 'function') return;
    const copy = target.closest('button[data-copy]');
    if (copy) {
      vscode.postMessage({ type: 'copy', text: copy.getAttribute('data-copy') || '' });
      copy.textContent = copy.getAttribute('data-copied') || '\u2713';
      return;
    }
    const rule = target.closest('a[data-rule]');
    if (rule && rule.getAttribute('data-rule')) {
      event.preventDefault();
      vscode.postMessage({ type: 'openRule', id: rule.getAttribute('data-rule') });
    }
  });
})();
