/**
 * 平急转换: leaders declare and lift the emergency "1+2" mode over a district, street or community. New
 * cases there start in emergency mode (tight wall-clock service levels, emergency matters dispatched by the
 * district liaison leader straight to the community party committee and the grid party organisation); the
 * open cases switch in bounded batches, and back when the emergency is lifted.
 */
package org.gridcase.emergency;
