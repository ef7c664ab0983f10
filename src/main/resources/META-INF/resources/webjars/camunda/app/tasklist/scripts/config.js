/*
 * Gridcase's Tasklist configuration. It replaces the config.js of Camunda's web app jar (the application's
 * own META-INF/resources come first on the class path); the other options Camunda documents for this
 * file ("Tasklist configuration" on docs.camunda.org) can be added here.
 */
export default {
  // Chinese for every browser (locales/zh.json, ours; see README, "Camunda in Chinese"). Adding 'en' to
  // availableLocales would give English to browsers whose first language is English.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // ES modules under app/tasklist/, named without ".js".
  customScripts: ['scripts/gridcase/tasklist'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '跳到过滤器列表的第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '跳到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '跳到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
