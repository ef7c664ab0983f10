/*
 * Gridcase's configuration of the Welcome page (/camunda/app/welcome/), where everyone lands after
 * signing in. It replaces the config.js of Camunda's web app jar.
 */
export default {
  // Chinese for every browser (locales/zh.json, ours; see README, "Camunda in Chinese"). Adding 'en' to
  // availableLocales would give English to browsers whose first language is English.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // ES modules under app/welcome/, named without ".js".
  customScripts: ['scripts/gridcase/welcome']
};
