// A test runner command that reads the browser's own accessibility tree (Chromium, through the
// DevTools protocol): `executeServerCommand('accessible-names', { role })` gives the names of every
// node of that role on the page, in tree order, as a screen reader is given them. In a browser
// whose tree the runner cannot read (Firefox over WebDriver BiDi) it gives false (a command's null
// or undefined would mean "not mine" to the runner).
export const accessibleNames = {
  name: 'accessible-names',
  async executeCommand({ command, session, payload }) {
    if (command !== 'accessible-names') return undefined;
    const page = session.browser.getPage?.(session.id);
    if (!page?.context || session.browser.type !== 'playwright' || session.browser.name !== 'Chromium')
      return false;
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      return nodes
        .filter((n) => !n.ignored && n.role?.value === payload.role)
        .map((n) => n.name?.value ?? '');
    } finally {
      await cdp.detach();
    }
  },
};
