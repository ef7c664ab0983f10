/**
 * Inbound e-mail (书记信箱): an IMAP mailbox polled by the {@code mailbox-poll} process. Each new message
 * becomes a request (channel {@code email}) and gets an acknowledgement, an answer to an acknowledgement
 * becomes a note on its case, and automatic mail is ignored.
 */
package org.gridcase.mailbox;
