/**
 * Mail to requesters and handlers, sent from asynchronous continuations so a send never blocks or
 * rolls back a business step; failed sends are retried by the job executor and end as incidents.
 * Other modules queue notices to handlers and leaders through {@link org.gridcase.notification.Notifications}
 * (the outbox gc_notification and the {@code notification} process).
 */
package org.gridcase.notification;
