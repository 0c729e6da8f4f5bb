/** The customer's language: which locales are spoken, and how dates are written in them. */
package io.cpor.support.i18n;
