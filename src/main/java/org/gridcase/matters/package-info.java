/**
 * The matters catalogue (事项清单): categories, their default colour and whether the grid takes them.
 */
package org.gridcase.matters;
