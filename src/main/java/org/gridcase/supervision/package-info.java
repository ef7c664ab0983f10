/**
 * 督查考核: the three rates (受理率、办结率、满意率) and the other KPIs per grid, community, street, department
 * and district for any period, read from the case file (gc_request), so they survive the engine's history
 * cleanup; and the bi-monthly grading of grid leaders (双月考评) in the forced ratio 1:3:5:1.
 */
package org.gridcase.supervision;
