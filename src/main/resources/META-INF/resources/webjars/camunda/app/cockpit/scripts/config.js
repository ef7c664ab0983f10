/*
 * Gridcase's Cockpit configuration. It replaces the config.js of Camunda's web app jar (the application's
 * own META-INF/resources come first on the class path); the other options Camunda documents for this
 * file ("Cockpit configuration" on docs.camunda.org) can be added here.
 */
export default {
  // Chinese for every browser (locales/zh.json, ours; see README, "Camunda in Chinese"). Adding 'en' to
  // availableLocales would give English to browsers whose first language is English.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // ES modules under app/cockpit/, named without ".js"; each default-exports a list of plugins.
  customScripts: ['scripts/gridcase/supervision', 'scripts/gridcase/map']
};
