/*
 * Gridcase's Admin configuration. It replaces the config.js of Camunda's web app jar; the other options
 * Camunda documents for this file ("Admin configuration" on docs.camunda.org) can be added here.
 */
export default {
  // Chinese for every browser (locales/zh.json, ours; see README, "Camunda in Chinese"). Adding 'en' to
  // availableLocales would give English to browsers whose first language is English.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  }
};
