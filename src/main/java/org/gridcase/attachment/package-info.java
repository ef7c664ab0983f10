/**
 * Photos and attachments of requests (随手拍, e-mail attachments, Open311 media), for every channel: type
 * and size limits, storage in gc_attachment (never in the engine's variables), the upload and read API,
 * and the links shown on the case's task forms.
 */
package org.gridcase.attachment;
