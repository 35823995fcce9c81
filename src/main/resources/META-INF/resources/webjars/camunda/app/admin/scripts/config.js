// EquityMark's Admin: Camunda's own customisation file (an ES module since 7.24), served from the
// app's resources in place of the webjar's copy.
export default {
  app: {
    name: 'Admin',
    vendor: 'EquityMark'
  },
  dateFormat: {
    normal: 'D MMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm'
  },
  disableWelcomeMessage: true
};
