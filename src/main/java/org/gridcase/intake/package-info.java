/**
 * Collection of citizens' requests (民生诉求) and the {@code citizen-request} process.
 */
package org.gridcase.intake;
