/**
 * Pages for citizens, without login: where a request stands (查询办理进度) and the one-time survey of a
 * feedback mail (网上评价). They show no personal data; the HTML is built with jsoup, which escapes every
 * text it is given.
 */
package org.gridcase.portal;
