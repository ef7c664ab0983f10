/**
 * 研判: the DMN proposal ({@code processes/triage.dmn}) confirmed or corrected by the grid leader, or a decline.
 */
package org.gridcase.triage;
