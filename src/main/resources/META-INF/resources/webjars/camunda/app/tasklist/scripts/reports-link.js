// EquityMark: a link to the scheme reports (/reports) in Tasklist's header, for scheme managers only.
// A Tasklist plugin (ES module, loaded through customScripts in config.js); /reports/access answers
// 204 to a scheme manager logged in to the webapps and 403 (or 401) to anyone else.
const welsh = (document.documentElement.lang || navigator.language || '').toLowerCase().startsWith('cy');

export default {
  id: 'equitymark-reports-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    fetch('/reports/access', {credentials: 'same-origin', cache: 'no-store'}).then((response) => {
      if (response.status !== 204) {
        return;
      }
      const link = document.createElement('a');
      link.href = '/reports' + (welsh ? '?lang=cy' : '');
      link.className = 'equitymark-reports-link';
      link.textContent = welsh ? "Adroddiadau'r cynllun" : 'Scheme reports';
      node.appendChild(link);
    });
  }
};
