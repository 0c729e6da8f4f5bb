/**
 * Mail for the local platform: GreenMail's SMTP and IMAP servers (any recipient is a mailbox whose IMAP login and
 * password are the address), received mails kept on disk before SMTP accepts them, and an inbox page to read them
 * in a browser.
 */
package io.cpor.local.mail;
