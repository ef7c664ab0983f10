/**
 * Mail to requesters and handlers, sent from asynchronous continuations so a send never blocks or
 * rolls back a business step; failed sends are retried by the job executor and end as incidents.
 */
package org.gridcase.notification;
