/**
 * 办理: handling by colour, extensions (延期) and the department whistle (网格吹哨、部门报到).
 */
package org.gridcase.handling;
