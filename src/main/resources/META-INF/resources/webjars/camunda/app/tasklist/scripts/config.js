// EquityMark's Tasklist: Camunda's own customisation file (an ES module since 7.24), served from
// the app's resources in place of the webjar's copy. Keeps the shortcuts of Camunda's default.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'EquityMark'
  },
  dateFormat: {
    normal: 'D MMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm'
  },
  disableWelcomeMessage: true,
  // the link to the scheme reports in the header (scheme managers only): scripts/reports-link.js
  customScripts: ['scripts/reports-link.js'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
