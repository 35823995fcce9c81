// EquityMark: links to the scheme reports (/reports) and the framework drafts (/framework/drafts) in
// Tasklist's header, for scheme managers only. A Tasklist plugin (ES module, loaded through
// customScripts in config.js); /reports/access answers 204 to a scheme manager logged in to the
// webapps and 403 (or 401) to anyone else.
const welsh = (document.documentElement.lang || navigator.language || '').toLowerCase().startsWith('cy');

const LINKS = [
  {path: '/reports', className: 'equitymark-reports-link', english: 'Scheme reports', welsh: "Adroddiadau'r cynllun"},
  {path: '/framework/drafts', className: 'equitymark-drafts-link', english: 'Framework drafts',
    welsh: "Drafftiau'r fframwaith"}
];

export default {
  id: 'equitymark-reports-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    fetch('/reports/access', {credentials: 'same-origin', cache: 'no-store'}).then((response) => {
      if (response.status !== 204) {
        return;
      }
      for (const each of LINKS) {
        const link = document.createElement('a');
        link.href = each.path + (welsh ? '?lang=cy' : '');
        link.className = each.className;
        link.textContent = welsh ? each.welsh : each.english;
        node.appendChild(link);
      }
    });
  }
};
