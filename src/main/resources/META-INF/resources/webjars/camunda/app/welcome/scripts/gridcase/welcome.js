/*
 * Hides Camunda 7 CE's end-of-life banner ("It is time to migrate to Camunda 8") on the page every handler
 * lands on: grid workers cannot act on it. Cockpit and Admin, where the people who run Gridcase work, still
 * show it (in Chinese). See README, "Camunda in Chinese".
 */
const style = document.createElement('style');
style.textContent = '.ce-eol-banner { display: none !important; }';
document.head.appendChild(style);

export default [];
