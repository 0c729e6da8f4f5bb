/** Mail adapters: templates (Thymeleaf, everything from a claim escaped) and SMTP with derived Message-IDs. */
package io.cpor.notifications.mail;
